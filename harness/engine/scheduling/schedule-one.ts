import type { KubeObject } from '../../core/kube.ts';
import type { Random } from '../random.ts';
import { matchesNodeAffinity } from '../placement.ts';
import type { NodeInfo, SchedulerCache } from '../scheduler-cache.ts';
import { SKIP, type Cycle, type FilterFailure, type FilterPlugin, type ScorePlugin } from './framework.ts';
import { podInfoOf } from './pod-info.ts';

/** Below this many nodes every node is examined (schedule_one.go minFeasibleNodesToFind). */
export const MIN_FEASIBLE_NODES_TO_FIND = 100;
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** Returns how many feasible nodes the filter phase looks for before scoring (adaptive percentageOfNodesToScore). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * percentage) / 100));
}

/** A failed node: its reasons and whether preemption could help (Unschedulable) or not. */
export interface NodeFailure {
  node: string;
  failure: FilterFailure;
  plugin: string;
}

export type ScheduleResult = { node: NodeInfo } | { node?: undefined; numAllNodes: number; failures: NodeFailure[] };

/** The plugins of a scheduling profile. */
export interface Profile {
  filters: readonly FilterPlugin[];
  scorers: readonly { plugin: ScorePlugin; weight: number }[];
}

/** Creates the state of one scheduling cycle for a Pod over the cache's nodes. */
export function createCycle(pod: KubeObject, cache: SchedulerCache): Cycle {
  const info = podInfoOf(pod);
  const affinityMemo = info.hasRequiredNodeAffinity ? new Map<NodeInfo, boolean>() : undefined;
  return {
    pod,
    info,
    nodes: cache.nodes(),
    cache,
    requiredNodeAffinity(node) {
      if (!affinityMemo || !node.node) return true;
      let ok = affinityMemo.get(node);
      if (ok === undefined) affinityMemo.set(node, (ok = matchesNodeAffinity(pod, node.node)));
      return ok;
    },
  };
}

/**
 * Runs one scheduling cycle (schedulePod): PreFilter, Filter from `start` until enough feasible nodes
 * are found, then PreScore/Score/NormalizeScore with weights, and a seeded random pick among the best.
 */
export function scheduleOne(pod: KubeObject, cache: SchedulerCache, profile: Profile, random: Random, start: number): { result: ScheduleResult; processed: number } {
  const nodes = cache.nodes();
  if (nodes.length === 0) return { result: { numAllNodes: 0, failures: [] }, processed: 0 };
  const cycle = createCycle(pod, cache);
  const plugins: FilterPlugin[] = [];
  const states: unknown[] = [];
  for (const plugin of profile.filters) {
    const state = plugin.preFilter ? plugin.preFilter(cycle) : undefined;
    if (state === SKIP) continue;
    plugins.push(plugin);
    states.push(state);
  }
  const want = numFeasibleNodesToFind(nodes.length);
  const feasible: NodeInfo[] = [];
  const failures: NodeFailure[] = [];
  let processed = 0;
  for (let i = 0; i < nodes.length && feasible.length < want; i++) {
    const node = nodes[(start + i) % nodes.length] as NodeInfo;
    processed++;
    let failed: NodeFailure | undefined;
    for (let p = 0; p < plugins.length; p++) {
      const plugin = plugins[p] as FilterPlugin;
      const failure = plugin.filter(cycle, states[p], node);
      if (failure) {
        failed = { node: node.name, failure, plugin: plugin.name };
        break;
      }
    }
    if (failed) failures.push(failed);
    else feasible.push(node);
  }
  if (feasible.length === 0) return { result: { numAllNodes: nodes.length, failures }, processed };
  if (feasible.length === 1) return { result: { node: feasible[0] as NodeInfo }, processed };
  const totals = new Array<number>(feasible.length).fill(0);
  for (const { plugin, weight } of profile.scorers) {
    const state = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
    if (state === SKIP) continue;
    const scores = new Array<number>(feasible.length);
    for (let j = 0; j < feasible.length; j++) scores[j] = plugin.score(cycle, state, feasible[j] as NodeInfo);
    plugin.normalize?.(cycle, state, scores, feasible);
    for (let j = 0; j < scores.length; j++) totals[j] = (totals[j] as number) + weight * (scores[j] as number);
  }
  let best = Number.NEGATIVE_INFINITY;
  for (const t of totals) if (t > best) best = t;
  const top = feasible.filter((_, j) => totals[j] === best);
  // Upstream picks uniformly among the top-scored nodes; the engine's seeded random keeps it reproducible.
  return { result: { node: top.length === 1 ? (top[0] as NodeInfo) : random.pick(top) }, processed };
}
