import type { KubeObject } from '../../core/kube.ts';
import type { Controller } from '../controllers/registry.ts';
import { deepEqual } from '../util.ts';
import { desiredEndpoints, HEADLESS_LABEL } from './endpoint-model.ts';
import type { DesiredEndpoint } from './endpoint-model.ts';
import { isHeadless, selectorOf } from './service-model.ts';
import { servicesOfPodNamespace } from './endpointslice-controller.ts';
import { parseIPv4 } from './ipv4.ts';

/** Most addresses one Endpoints object holds before it is truncated. */
export const MAX_ENDPOINTS_ADDRESSES = 1000;
export const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';

function address(d: DesiredEndpoint): Record<string, unknown> {
  const a: Record<string, unknown> = { ip: d.ip };
  if (d.hostname) a.hostname = d.hostname;
  if (d.nodeName) a.nodeName = d.nodeName;
  a.targetRef = { kind: 'Pod', name: d.pod.metadata.name, namespace: d.pod.metadata.namespace ?? 'default', uid: d.pod.metadata.uid };
  return a;
}

const byIp = (a: DesiredEndpoint, b: DesiredEndpoint): number => (parseIPv4(a.ip) ?? 0) - (parseIPv4(b.ip) ?? 0);

/** Builds legacy Endpoints subsets: ready Pods as addresses, the others as notReadyAddresses, one subset per port set. */
export function endpointsSubsets(svc: KubeObject, wanted: DesiredEndpoint[]): Record<string, unknown>[] {
  const publish = svc.spec?.publishNotReadyAddresses === true;
  const groups = new Map<string, { ports: Record<string, unknown>[]; ready: DesiredEndpoint[]; notReady: DesiredEndpoint[] }>();
  let count = 0;
  for (const d of wanted) {
    // Terminating Pods leave Endpoints at once (slices keep them as terminating).
    if (d.terminating && !publish) continue;
    if (d.ports.length === 0 && (svc.spec?.ports?.length ?? 0) > 0) continue;
    if (count >= MAX_ENDPOINTS_ADDRESSES) break;
    count++;
    const ports = d.ports.map((p) => ({ ...(p.name !== '' ? { name: p.name } : {}), port: p.port, protocol: p.protocol, ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}) }));
    const key = JSON.stringify(ports);
    const g = groups.get(key) ?? { ports, ready: [], notReady: [] };
    (d.ready || publish ? g.ready : g.notReady).push(d);
    groups.set(key, g);
  }
  return [...groups.keys()].sort().map((key) => {
    const g = groups.get(key)!;
    const subset: Record<string, unknown> = {};
    if (g.ready.length > 0) subset.addresses = g.ready.sort(byIp).map(address);
    if (g.notReady.length > 0) subset.notReadyAddresses = g.notReady.sort(byIp).map(address);
    if (g.ports.length > 0) subset.ports = g.ports;
    return subset;
  });
}

/** Creates the legacy Endpoints controller (pkg/controller/endpoint): one Endpoints per selector Service. */
export function createEndpointsController(): Controller {
  return {
    name: 'endpoints-controller',
    for: 'Service',
    watches: [{ kind: 'Pod', map: servicesOfPodNamespace }],
    // Like upstream, only a deleted Endpoints enqueues its Service (to recreate it): Endpoints written by someone
    // else are left alone, so a user's Endpoints without a Service stays until the controller restarts.
    onChange(entry, enqueue) {
      if (entry.type !== 'DELETED' || entry.object.kind !== 'Endpoints') return;
      enqueue({ kind: 'Service', namespace: entry.object.metadata.namespace ?? 'default', name: entry.object.metadata.name ?? '' });
    },
    reconcile(req, ctx) {
      // Read-only snapshots: the Endpoints written is a new object.
      const svc = ctx.store.peek(req);
      const ref = { kind: 'Endpoints', namespace: req.namespace, name: req.name };
      const current = ctx.store.peek(ref);
      if (!svc) {
        if (current) ctx.store.remove(ref);
        return;
      }
      if (!selectorOf(svc) || svc.spec?.type === 'ExternalName') return;
      const wanted = desiredEndpoints(svc, ctx.store.list('Pod', req.namespace));
      const total = wanted.filter((d) => !d.terminating || svc.spec?.publishNotReadyAddresses === true).length;
      const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
      if (isHeadless(svc.spec)) labels[HEADLESS_LABEL] = '';
      const next: KubeObject = current ? { ...current, metadata: { ...current.metadata } } : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: req.name, namespace: req.namespace } };
      if (Object.keys(labels).length > 0) next.metadata.labels = labels;
      else delete next.metadata.labels;
      const annotations = { ...(next.metadata.annotations ?? {}) };
      if (total > MAX_ENDPOINTS_ADDRESSES) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
      else delete annotations[OVER_CAPACITY_ANNOTATION];
      if (Object.keys(annotations).length > 0) next.metadata.annotations = annotations;
      else delete next.metadata.annotations;
      const subsets = endpointsSubsets(svc, wanted);
      if (subsets.length > 0) next.subsets = subsets;
      else delete next.subsets;
      if (!current) ctx.store.create(next);
      else if (!deepEqual(next, current)) ctx.store.update(next);
    },
  };
}
