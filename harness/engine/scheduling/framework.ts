import type { KubeObject } from '../../core/kube.ts';
import type { PodInfo } from './pod-info.ts';
import type { NodeInfo, SchedulerCache } from '../scheduler-cache.ts';

/** Why a node fails a filter: Unschedulable may be helped by preemption, UnschedulableAndUnresolvable never. */
export interface FilterFailure {
  code: 'Unschedulable' | 'UnschedulableAndUnresolvable';
  reasons: string[];
}

/** Returned by preFilter / preScore when the plugin has nothing to do for this Pod (framework Skip). */
export const SKIP: unique symbol = Symbol('skip');
export type Skip = typeof SKIP;

/** What one scheduling cycle knows: the Pod, every node, the cache, and per-cycle memos. */
export interface Cycle {
  pod: KubeObject;
  info: PodInfo;
  /** All nodes, in the scheduler's node order. */
  nodes: readonly NodeInfo[];
  cache: SchedulerCache;
  /** Whether a node satisfies the Pod's nodeSelector and required node affinity (memoised per cycle). */
  requiredNodeAffinity(node: NodeInfo): boolean;
}

/** A filter plugin: an optional PreFilter computing per-cycle state, and Filter per node. */
export interface FilterPlugin<S = unknown> {
  name: string;
  preFilter?(cycle: Cycle): S | Skip;
  filter(cycle: Cycle, state: S, node: NodeInfo): FilterFailure | undefined;
}

/** A score plugin: optional PreScore over the feasible nodes, Score per node (0..100 after NormalizeScore). */
export interface ScorePlugin<S = unknown> {
  name: string;
  preScore?(cycle: Cycle, feasible: readonly NodeInfo[]): S | Skip;
  score(cycle: Cycle, state: S, node: NodeInfo): number;
  normalize?(cycle: Cycle, state: S, scores: number[], feasible: readonly NodeInfo[]): void;
}

/** The largest score a plugin gives after normalisation (framework.MaxNodeScore). */
export const MAX_NODE_SCORE = 100;

/** Scales scores to 0..100 by the highest one, optionally reversed (helper.DefaultNormalizeScore). */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    const s = Math.trunc((MAX_NODE_SCORE * (scores[i] as number)) / max);
    scores[i] = reverse ? MAX_NODE_SCORE - s : s;
  }
}
