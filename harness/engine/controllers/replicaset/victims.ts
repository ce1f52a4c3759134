import type { KubeObject } from '../../../core/kube.ts';
import { asList, asMap, asInt } from '../../util.ts';
import type { ControllerContext } from '../registry.ts';
import { isPodReady, readySince, virtualMs } from '../pod-status.ts';

const PHASE_RANK: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

interface Ranked {
  pod: KubeObject;
  node: string;
  phase: number;
  ready: boolean;
  cost: number;
  sameNode: number;
  readyAt: number | undefined;
  restarts: number;
  created: number | undefined;
}

const nodeOf = (pod: KubeObject): string => {
  const n = asMap(pod.spec)?.nodeName;
  return typeof n === 'string' ? n : '';
};

function maxRestarts(pod: KubeObject): number {
  let max = 0;
  for (const s of asList(asMap(pod.status)?.containerStatuses)) max = Math.max(max, asInt(asMap(s)?.restartCount) ?? 0);
  return max;
}

function deletionCost(pod: KubeObject): number {
  const raw = asMap(pod.metadata.annotations)?.[DELETION_COST];
  const n = typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : 0;
  return Number.isSafeInteger(n) && Math.abs(n) <= 2147483647 ? n : 0;
}

// LogarithmicScaleDown: ages compared by ⌊log2(age in ns)⌋ bucket.
const bucket = (now: number, at: number): number => {
  const ns = (now - at) * 1e6;
  return ns <= 0 ? -1 : Math.floor(Math.log2(ns));
};

/** Returns negative when `a` should be deleted before `b` (ActivePodsWithRanks.Less with LogarithmicScaleDown). */
function compare(a: Ranked, b: Ranked, now: number): number {
  if ((a.node === '') !== (b.node === '')) return a.node === '' ? -1 : 1;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready ? 1 : -1;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (a.sameNode !== b.sameNode) return b.sameNode - a.sameNode;
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    if (a.readyAt === undefined || b.readyAt === undefined) return a.readyAt === undefined ? -1 : 1;
    const diff = bucket(now, a.readyAt) - bucket(now, b.readyAt);
    if (diff !== 0) return diff;
    const ua = a.pod.metadata.uid ?? '';
    const ub = b.pod.metadata.uid ?? '';
    return ua < ub ? -1 : ua > ub ? 1 : 0;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.created !== b.created) {
    if (a.created === undefined || b.created === undefined) return a.created === undefined ? -1 : 1;
    return b.created - a.created;
  }
  const na = a.pod.metadata.name ?? '';
  const nb = b.pod.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** Orders Pods for scale-down, first victim first; `related` are the active Pods of the same owner family (rule 5). */
export function rankForDeletion(ctx: ControllerContext, pods: KubeObject[], related: KubeObject[]): KubeObject[] {
  const perNode = new Map<string, number>();
  for (const p of related) {
    const n = nodeOf(p);
    if (n !== '') perNode.set(n, (perNode.get(n) ?? 0) + 1);
  }
  const ranked: Ranked[] = pods.map((pod) => {
    const node = nodeOf(pod);
    const phase = PHASE_RANK[String(asMap(pod.status)?.phase)] ?? 0;
    return {
      pod,
      node,
      phase,
      ready: isPodReady(pod),
      cost: deletionCost(pod),
      sameNode: node === '' ? 0 : (perNode.get(node) ?? 0),
      readyAt: readySince(ctx, pod),
      restarts: maxRestarts(pod),
      created: virtualMs(ctx, pod.metadata.creationTimestamp),
    };
  });
  const now = ctx.now();
  return ranked.sort((a, b) => compare(a, b, now)).map((r) => r.pod);
}
