import type { KubeObject } from '../core/kube.ts';
import { cpuMillis, wholeUnits } from './quantity.ts';
import { podRequests } from './qos.ts';
import { asList, asMap, asString } from './util.ts';

/** The node facts the filters need, computed once per scheduling cycle. */
export interface NodeState {
  node: KubeObject;
  name: string;
  /** Non-terminated pods bound to this node. */
  pods: KubeObject[];
  /** How many of them (cheap, without building `pods`). */
  podCount: number;
  /** UIDs of those pods (to leave a pod out of its own accounting). */
  podUids: { has(uid: string): boolean };
  allocatable: { cpu: number; memory: number; pods: number };
  /** Summed requests of those pods. */
  requested: { cpu: number; memory: number };
}

/** Returns whether a pod no longer holds node resources (Succeeded or Failed). */
export function isTerminated(pod: KubeObject): boolean {
  const phase = asMap(pod.status)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

/** Builds the NodeState of each node from the pods bound to it. */
export function nodeStates(nodes: KubeObject[], pods: KubeObject[]): NodeState[] {
  // One pass over the Pods (grouped by node), so scheduling a Pod costs O(Pods + Nodes), not O(Pods × Nodes).
  const byNode = new Map<string, KubeObject[]>();
  for (const p of pods) {
    const nodeName = asMap(p.spec)?.nodeName;
    if (typeof nodeName !== 'string' || nodeName === '' || isTerminated(p)) continue;
    const list = byNode.get(nodeName);
    if (list) list.push(p);
    else byNode.set(nodeName, [p]);
  }
  return nodes.map((node) => {
    const name = node.metadata.name ?? '';
    const bound = byNode.get(name) ?? [];
    const requested = { cpu: 0, memory: 0 };
    for (const p of bound) {
      const r = cachedRequests(p);
      requested.cpu += r.cpu;
      requested.memory += r.memory;
    }
    return {
      node,
      name,
      pods: bound,
      podCount: bound.length,
      podUids: new Set(bound.map((p) => p.metadata.uid ?? '')),
      allocatable: nodeAllocatable(node),
      requested,
    };
  });
}

/** Reads a node's allocatable cpu (millicores), memory (bytes) and pods. */
export function nodeAllocatable(node: KubeObject): { cpu: number; memory: number; pods: number } {
  const alloc = asMap(asMap(node.status)?.allocatable) ?? {};
  return { cpu: cpuMillis(alloc.cpu), memory: wholeUnits(alloc.memory), pods: wholeUnits(alloc.pods) };
}

// Stored objects are frozen snapshots, so a Pod object's requests never change: cache them per object.
// The Pod being scheduled is a private copy that nobody changes while its placement is computed.
const requestsCache = new WeakMap<KubeObject, { cpu: number; memory: number }>();
/** Returns a Pod's summed requests, computed once per object. */
export function cachedRequests(pod: KubeObject): { cpu: number; memory: number } {
  let r = requestsCache.get(pod);
  if (!r) {
    r = podRequests(pod);
    requestsCache.set(pod, r);
  }
  return r;
}

/** Returns whether a toleration list tolerates one taint (key/operator/value/effect matching). */
export function tolerates(tolerations: unknown, taint: Record<string, unknown>): boolean {
  return asList(tolerations).some((raw) => {
    const t = asMap(raw);
    if (!t) return false;
    if (t.effect !== undefined && t.effect !== '' && t.effect !== taint.effect) return false;
    if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
    return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
  });
}

/** Finds the first NoSchedule/NoExecute taint (or only NoExecute) the pod does not tolerate. */
export function untoleratedTaint(pod: KubeObject, node: KubeObject, effects: string[] = ['NoSchedule', 'NoExecute']): Record<string, unknown> | undefined {
  const tolerations = asMap(pod.spec)?.tolerations;
  return asList(asMap(node.spec)?.taints)
    .map(asMap)
    .find((t): t is Record<string, unknown> => t !== undefined && effects.includes(String(t.effect)) && !tolerates(tolerations, t));
}

function matchExpression(labels: Record<string, unknown>, expr: Record<string, unknown>): boolean {
  const key = asString(expr.key) ?? '';
  const has = Object.prototype.hasOwnProperty.call(labels, key);
  const value = labels[key];
  const values = asList(expr.values).map(String);
  switch (expr.operator) {
    case 'In':
      return has && values.includes(String(value));
    case 'NotIn':
      return !has || !values.includes(String(value));
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      const a = Number.parseInt(String(value), 10);
      const b = Number.parseInt(values[0] ?? '', 10);
      if (!has || values.length !== 1 || !Number.isFinite(a) || !Number.isFinite(b)) return false;
      return expr.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** Returns whether a node matches one NodeSelectorTerm (an empty term matches nothing). */
export function matchesNodeSelectorTerm(rawTerm: unknown, node: KubeObject): boolean {
  const term = asMap(rawTerm);
  const exprs = asList(term?.matchExpressions).map(asMap);
  const fieldExprs = asList(term?.matchFields).map(asMap);
  if (exprs.length + fieldExprs.length === 0) return false;
  const labels = asMap(node.metadata.labels) ?? {};
  const fields = { 'metadata.name': node.metadata.name };
  return exprs.every((e) => e !== undefined && matchExpression(labels, e)) && fieldExprs.every((e) => e !== undefined && matchExpression(fields, e));
}

/** Returns whether the node satisfies the pod's nodeSelector and required node affinity. */
export function matchesNodeAffinity(pod: KubeObject, node: KubeObject): boolean {
  const spec = asMap(pod.spec) ?? {};
  const labels = asMap(node.metadata.labels) ?? {};
  const selector = asMap(spec.nodeSelector);
  if (selector && !Object.keys(selector).every((k) => labels[k] === selector[k])) return false;
  const required = asMap(asMap(asMap(spec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution);
  if (!required) return true;
  return asList(required.nodeSelectorTerms).some((rawTerm) => matchesNodeSelectorTerm(rawTerm, node));
}

interface HostPort {
  protocol: string;
  ip: string;
  port: number;
}

/** Lists the hostPorts a pod asks for. */
export function hostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = [];
  const spec = asMap(pod.spec);
  for (const c of [...asList(spec?.containers), ...asList(spec?.initContainers)]) {
    for (const raw of asList(asMap(c)?.ports)) {
      const p = asMap(raw);
      const port = typeof p?.hostPort === 'number' ? p.hostPort : 0;
      if (port > 0) out.push({ protocol: String(p?.protocol ?? 'TCP'), ip: asString(p?.hostIP) || '0.0.0.0', port });
    }
  }
  return out;
}

/** Returns whether a pod's hostPorts collide with those already used on the node. */
export function hostPortConflict(pod: KubeObject, state: NodeState): boolean {
  const wanted = hostPorts(pod);
  if (wanted.length === 0) return false;
  const used = state.pods.filter((p) => p.metadata.uid !== pod.metadata.uid).flatMap(hostPorts);
  return wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')));
}

/** Lists NodeResourcesFit reasons (`Insufficient cpu`, `Insufficient memory`, `Too many pods`). */
export function insufficientResources(pod: KubeObject, state: NodeState): string[] {
  const reasons: string[] = [];
  const req = cachedRequests(pod);
  // The pod's own requests do not count against it when it is already accounted on this node.
  const self = state.podUids.has(pod.metadata.uid ?? '') ? req : { cpu: 0, memory: 0 };
  const others = state.podCount - (self === req ? 1 : 0);
  if (others + 1 > state.allocatable.pods) reasons.push('Too many pods');
  const used = { cpu: state.requested.cpu - self.cpu, memory: state.requested.memory - self.memory };
  if (req.cpu > 0 && req.cpu > state.allocatable.cpu - used.cpu) reasons.push('Insufficient cpu');
  if (req.memory > 0 && req.memory > state.allocatable.memory - used.memory) reasons.push('Insufficient memory');
  return reasons;
}
