/** What the API server knows about each kind: REST resource name, group and scope. */
export interface KindInfo {
  kind: string;
  apiVersion: string;
  /** The plural resource, e.g. `pods`, `deployments`. */
  resource: string;
  /** The API group ('' for core). */
  group: string;
  namespaced: boolean;
}

const KINDS: KindInfo[] = [
  { kind: 'Pod', apiVersion: 'v1', resource: 'pods', group: '', namespaced: true },
  { kind: 'Service', apiVersion: 'v1', resource: 'services', group: '', namespaced: true },
  { kind: 'Node', apiVersion: 'v1', resource: 'nodes', group: '', namespaced: false },
  { kind: 'Namespace', apiVersion: 'v1', resource: 'namespaces', group: '', namespaced: false },
  { kind: 'ConfigMap', apiVersion: 'v1', resource: 'configmaps', group: '', namespaced: true },
  { kind: 'Secret', apiVersion: 'v1', resource: 'secrets', group: '', namespaced: true },
  { kind: 'Endpoints', apiVersion: 'v1', resource: 'endpoints', group: '', namespaced: true },
  { kind: 'Event', apiVersion: 'v1', resource: 'events', group: '', namespaced: true },
  { kind: 'Deployment', apiVersion: 'apps/v1', resource: 'deployments', group: 'apps', namespaced: true },
  { kind: 'ReplicaSet', apiVersion: 'apps/v1', resource: 'replicasets', group: 'apps', namespaced: true },
  { kind: 'Job', apiVersion: 'batch/v1', resource: 'jobs', group: 'batch', namespaced: true },
  { kind: 'EndpointSlice', apiVersion: 'discovery.k8s.io/v1', resource: 'endpointslices', group: 'discovery.k8s.io', namespaced: true },
];

const BY_KIND = new Map(KINDS.map((k) => [k.kind, k]));

/** Registers a kind (later work adds kinds here instead of growing switches). */
export function registerKind(info: KindInfo): void {
  BY_KIND.set(info.kind, info);
}

/** Returns the kind's info; unknown kinds are treated as namespaced core resources named `<kind>s`. */
export function kindInfo(kind: string): KindInfo {
  return BY_KIND.get(kind) ?? { kind, apiVersion: 'v1', resource: `${kind.toLowerCase()}s`, group: '', namespaced: true };
}

/** Formats the qualified resource as error messages print it: `pods`, `deployments.apps`. */
export function qualifiedResource(kind: string): string {
  const info = kindInfo(kind);
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}
