/** kubectl's resource names (plural, singular, short, group-qualified) for the kinds the simulator stores. */
import type { KubeObject } from '../../core/kube.ts';

export interface ResourceType {
  kind: string;
  /** Plural resource name, e.g. `deployments`. */
  resource: string;
  /** How kubectl names objects of this kind in its output: `pod`, `deployment.apps`. */
  prefix: string;
  namespaced: boolean;
}

const TYPES: readonly (ResourceType & { names: string[] })[] = [
  { kind: 'Pod', resource: 'pods', prefix: 'pod', namespaced: true, names: ['pod', 'pods', 'po'] },
  { kind: 'Service', resource: 'services', prefix: 'service', namespaced: true, names: ['service', 'services', 'svc'] },
  { kind: 'Deployment', resource: 'deployments', prefix: 'deployment.apps', namespaced: true, names: ['deployment', 'deployments', 'deploy'] },
  { kind: 'ReplicaSet', resource: 'replicasets', prefix: 'replicaset.apps', namespaced: true, names: ['replicaset', 'replicasets', 'rs'] },
  { kind: 'Job', resource: 'jobs', prefix: 'job.batch', namespaced: true, names: ['job', 'jobs'] },
  { kind: 'ConfigMap', resource: 'configmaps', prefix: 'configmap', namespaced: true, names: ['configmap', 'configmaps', 'cm'] },
  { kind: 'Secret', resource: 'secrets', prefix: 'secret', namespaced: true, names: ['secret', 'secrets'] },
  { kind: 'Endpoints', resource: 'endpoints', prefix: 'endpoints', namespaced: true, names: ['endpoints', 'ep'] },
  { kind: 'EndpointSlice', resource: 'endpointslices', prefix: 'endpointslice.discovery.k8s.io', namespaced: true, names: ['endpointslice', 'endpointslices'] },
  { kind: 'Event', resource: 'events', prefix: 'event', namespaced: true, names: ['event', 'events', 'ev'] },
  { kind: 'Namespace', resource: 'namespaces', prefix: 'namespace', namespaced: false, names: ['namespace', 'namespaces', 'ns'] },
  { kind: 'Node', resource: 'nodes', prefix: 'node', namespaced: false, names: ['node', 'nodes', 'no'] },
];

const GROUPS: Record<string, string> = { Deployment: 'apps', ReplicaSet: 'apps', Job: 'batch', EndpointSlice: 'discovery.k8s.io' };

/** Resolves a resource name as typed (`po`, `Pods`, `deployments.apps`) to its type, or undefined when unknown. */
export function resolveResource(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  for (const t of TYPES) {
    const group = GROUPS[t.kind] ?? '';
    if (t.names.includes(lower)) return strip(t);
    if (group !== '' && t.names.some((n) => `${n}.${group}` === lower)) return strip(t);
    if (group === '' && t.names.some((n) => `${n}.v1` === lower)) return strip(t);
  }
  return undefined;
}

/** Returns the resource type of an object's kind (for `-f` objects), or undefined for kinds kubectl would not know here. */
export function resourceOfKind(kind: string): ResourceType | undefined {
  const t = TYPES.find((x) => x.kind === kind);
  return t ? strip(t) : undefined;
}

/** Returns the `pod/x`-style name kubectl prints for an object (lower-cased kind for kinds not listed). */
export function displayName(obj: Pick<KubeObject, 'kind' | 'metadata'>): string {
  const type = resourceOfKind(obj.kind);
  const prefix = type ? type.prefix : obj.kind.toLowerCase();
  return `${prefix}/${obj.metadata?.name ?? ''}`;
}

/** kubectl's error for an unknown resource type. */
export function unknownResourceError(name: string): string {
  return `error: the server doesn't have a resource type "${name}"`;
}

function strip(t: ResourceType & { names: string[] }): ResourceType {
  return { kind: t.kind, resource: t.resource, prefix: t.prefix, namespaced: t.namespaced };
}

/** Splits `TYPE NAME…` or `TYPE/NAME…` arguments into (type, name) pairs, with kubectl's errors. */
export function resourceArgs(args: readonly string[]): { pairs: { type: string; name: string }[] } | { type: string; names: [] } | { error: string } {
  if (args.length === 0) {
    return {
      error:
        'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n' +
        "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    };
  }
  if (args.some((a) => a.includes('/'))) {
    const pairs: { type: string; name: string }[] = [];
    for (const a of args) {
      const at = a.indexOf('/');
      if (at < 0) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      pairs.push({ type: a.slice(0, at), name: a.slice(at + 1) });
    }
    return { pairs };
  }
  if (args.length === 1) return { type: args[0]!, names: [] };
  return { pairs: args.slice(1).map((name) => ({ type: args[0]!, name })) };
}
