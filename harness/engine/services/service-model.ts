import type { KubeObject } from '../../core/kube.ts';
import { asInt, asList, asMap } from '../util.ts';

/** One entry of spec.ports, read defensively. */
export interface ServicePortView {
  index: number;
  name: string;
  port: number;
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** A number or a container port name. */
  targetPort: number | string;
  nodePort?: number;
}

/** Reads a Service's type (default ClusterIP). */
export function serviceType(spec: unknown): string {
  const t = asMap(spec)?.type;
  return typeof t === 'string' && t !== '' ? t : 'ClusterIP';
}

/** Tells whether a Service spec is headless (clusterIP None). */
export function isHeadless(spec: unknown): boolean {
  const s = asMap(spec);
  return s?.clusterIP === 'None' || asList(s?.clusterIPs)[0] === 'None';
}

/** Tells whether a Service gets a ClusterIP (every type but ExternalName, unless headless). */
export function needsClusterIP(spec: unknown): boolean {
  return serviceType(spec) !== 'ExternalName' && !isHeadless(spec);
}

/** Tells whether a Service gets NodePorts (NodePort, and LoadBalancer unless allocateLoadBalancerNodePorts is false). */
export function needsNodePort(spec: unknown): boolean {
  const t = serviceType(spec);
  return t === 'NodePort' || (t === 'LoadBalancer' && asMap(spec)?.allocateLoadBalancerNodePorts !== false);
}

/** Lists a Service's ports (entries that are not maps or have no valid port are skipped). */
export function servicePorts(spec: unknown): ServicePortView[] {
  const out: ServicePortView[] = [];
  asList(asMap(spec)?.ports).forEach((raw, index) => {
    const p = asMap(raw);
    const port = asInt(p?.port);
    if (!p || port === undefined || port < 1 || port > 65535) return;
    const protocol = p.protocol === 'UDP' || p.protocol === 'SCTP' ? p.protocol : 'TCP';
    const tp = typeof p.targetPort === 'string' && !/^\d+$/.test(p.targetPort) ? p.targetPort : (asInt(p.targetPort) ?? port);
    const view: ServicePortView = { index, name: typeof p.name === 'string' ? p.name : '', port, protocol, targetPort: tp === 0 ? port : tp };
    const np = asInt(p.nodePort);
    if (np !== undefined && np !== 0) view.nodePort = np;
    out.push(view);
  });
  return out;
}

/** Reads a usable equality selector (a non-empty map of strings), else undefined. */
export function selectorOf(svc: KubeObject | undefined): Record<string, string> | undefined {
  const sel = asMap(asMap(svc?.spec)?.selector);
  if (!sel) return undefined;
  const keys = Object.keys(sel).sort();
  if (keys.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const k of keys) {
    const v = sel[k];
    // Only scalar values can be label values; an object here (never accepted by the API server) makes
    // the selector unusable rather than being stringified (String({toString: 0}) throws).
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') return undefined;
    out[k] = String(v);
  }
  return out;
}

/** Tells whether labels satisfy an equality selector. */
export function matchesSelector(labels: unknown, selector: Record<string, string>): boolean {
  const l = asMap(labels) ?? {};
  return Object.keys(selector).every((k) => typeof l[k] === 'string' && l[k] === selector[k]);
}
