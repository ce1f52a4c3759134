import type { KubeObject, OwnerReference } from '../../core/kube.ts';
import { asInt, asList, asMap } from '../util.ts';
import { isHeadless, selectorOf, matchesSelector, servicePorts } from './service-model.ts';
import type { ServicePortView } from './service-model.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
export const HEADLESS_LABEL = 'service.kubernetes.io/headless';

/** A resolved endpoint port (EndpointSlice shape). */
export interface EndpointPort {
  name: string;
  port: number;
  protocol: string;
  appProtocol?: string;
}

/** What one selected Pod contributes to a Service (before it is written as a slice endpoint or an address). */
export interface DesiredEndpoint {
  pod: KubeObject;
  ip: string;
  nodeName?: string;
  hostname?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
  ports: EndpointPort[];
}

/** Tells whether a Pod's Ready condition is True. */
export function podReady(pod: KubeObject): boolean {
  return asList(asMap(pod.status)?.conditions).some((c) => asMap(c)?.type === 'Ready' && asMap(c)?.status === 'True');
}

/** Resolves a Service port's targetPort in one Pod (pkg/api/v1/pod FindPort): numbers as-is, names by name+protocol. */
export function findPort(pod: KubeObject, port: ServicePortView): number | undefined {
  if (typeof port.targetPort === 'number') return port.targetPort;
  const spec = asMap(pod.spec);
  const sidecars = asList(spec?.initContainers).filter((c) => asMap(c)?.restartPolicy === 'Always');
  for (const c of [...asList(spec?.containers), ...sidecars]) {
    for (const raw of asList(asMap(c)?.ports)) {
      const p = asMap(raw);
      const protocol = typeof p?.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP';
      const n = asInt(p?.containerPort);
      if (p?.name === port.targetPort && protocol === port.protocol && n !== undefined) return n;
    }
  }
  return undefined;
}

/** Lists the endpoints a selector Service should have, sorted by Pod name (empty without a selector). */
export function desiredEndpoints(svc: KubeObject, pods: readonly KubeObject[]): DesiredEndpoint[] {
  const selector = selectorOf(svc);
  if (!selector) return [];
  const spec = asMap(svc.spec);
  const ports = servicePorts(spec);
  const publishNotReady = spec?.publishNotReadyAddresses === true;
  const out: DesiredEndpoint[] = [];
  for (const pod of pods) {
    if ((pod.metadata.namespace ?? 'default') !== (svc.metadata.namespace ?? 'default')) continue;
    if (!matchesSelector(pod.metadata.labels, selector)) continue;
    const status = asMap(pod.status);
    const ip = status?.podIP;
    if (typeof ip !== 'string' || ip === '' || status?.phase === 'Succeeded' || status?.phase === 'Failed') continue;
    const serving = podReady(pod);
    const terminating = typeof pod.metadata.deletionTimestamp === 'string';
    const resolved: EndpointPort[] = [];
    for (const p of ports) {
      const n = findPort(pod, p);
      if (n === undefined) continue;
      const ep: EndpointPort = { name: p.name, port: n, protocol: p.protocol };
      const app = asMap(asList(spec?.ports)[p.index])?.appProtocol;
      if (typeof app === 'string' && app !== '') ep.appProtocol = app;
      resolved.push(ep);
    }
    const d: DesiredEndpoint = { pod, ip, ready: publishNotReady || (serving && !terminating), serving, terminating, ports: resolved };
    const node = asMap(pod.spec)?.nodeName;
    if (typeof node === 'string' && node !== '') d.nodeName = node;
    const podSpec = asMap(pod.spec);
    if (typeof podSpec?.hostname === 'string' && podSpec.hostname !== '' && podSpec.subdomain === svc.metadata.name) d.hostname = podSpec.hostname;
    out.push(d);
  }
  return out.sort((a, b) => ((a.pod.metadata.name ?? '') < (b.pod.metadata.name ?? '') ? -1 : 1));
}

/** Builds the labels a managed EndpointSlice carries (Service labels + service-name, managed-by, headless). */
export function sliceLabels(svc: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const own = svc.metadata.labels ?? {};
  for (const k of Object.keys(own).sort()) if (k !== SERVICE_NAME_LABEL && k !== MANAGED_BY_LABEL && k !== HEADLESS_LABEL) labels[k] = own[k]!;
  labels[SERVICE_NAME_LABEL] = svc.metadata.name ?? '';
  labels[MANAGED_BY_LABEL] = SLICE_CONTROLLER;
  if (isHeadless(svc.spec)) labels[HEADLESS_LABEL] = '';
  return labels;
}

/** Builds the controller ownerReference to a Service. */
export function ownerRefTo(svc: KubeObject): OwnerReference {
  return { apiVersion: 'v1', kind: 'Service', name: svc.metadata.name ?? '', uid: svc.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}
