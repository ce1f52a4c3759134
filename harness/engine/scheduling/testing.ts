import type { KubeObject } from '../../core/kube.ts';
import { nodeObject } from '../nodes.ts';
import { createSchedulerCache, type NodeInfo, type SchedulerCache } from '../scheduler-cache.ts';
import type { NodeSpec } from '../types.ts';
import { createCycle } from './schedule-one.ts';
import { SKIP, type Cycle, type FilterFailure, type FilterPlugin, type ScorePlugin } from './framework.ts';

/** A bound (or unbound) test Pod: labels, node, namespace and extra spec fields. */
export interface TestPod {
  name: string;
  labels?: Record<string, string>;
  node?: string;
  namespace?: string;
  spec?: Record<string, unknown>;
  terminating?: boolean;
  ownerUid?: string;
}

/** Builds a Pod object as the store would hold it (uid from the name). */
export function testPod(p: TestPod): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: p.name,
      namespace: p.namespace ?? 'default',
      uid: `uid-${p.namespace ?? 'default'}-${p.name}`,
      labels: p.labels ?? {},
      ...(p.terminating ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27' }], ...(p.node ? { nodeName: p.node } : {}), ...(p.spec ?? {}) },
    status: { phase: p.node ? 'Running' : 'Pending' },
  } as KubeObject;
}

/** Creates a scheduler cache holding the nodes, namespaces and bound Pods given. */
export function testCache(nodes: NodeSpec[], pods: TestPod[] = [], namespaces: Record<string, Record<string, string>> = {}): SchedulerCache {
  const cache = createSchedulerCache();
  for (const [name, labels] of Object.entries(namespaces)) cache.observe({ time: 0, type: 'ADDED', object: { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels } } as KubeObject });
  nodes.forEach((spec, i) => cache.observe({ time: 0, type: 'ADDED', object: nodeObject(spec, i, '2026-01-01T00:00:00Z') }));
  for (const p of pods) cache.observe({ time: 0, type: 'ADDED', object: testPod(p) });
  return cache;
}

/** Runs one filter plugin's PreFilter and Filter on every node: node name → failure (or 'ok'). */
export function runFilter(plugin: FilterPlugin, cache: SchedulerCache, pod: KubeObject): Record<string, FilterFailure | 'ok'> {
  const cycle = createCycle(pod, cache);
  const state = plugin.preFilter ? plugin.preFilter(cycle) : undefined;
  const out: Record<string, FilterFailure | 'ok'> = {};
  for (const node of cache.nodes()) out[node.name] = state === SKIP ? 'ok' : (plugin.filter(cycle, state, node) ?? 'ok');
  return out;
}

/** Runs one score plugin over all nodes (PreScore, Score, NormalizeScore): node name → score, or 'skip'. */
export function runScore(plugin: ScorePlugin, cache: SchedulerCache, pod: KubeObject): Record<string, number> | 'skip' {
  const cycle: Cycle = createCycle(pod, cache);
  const feasible: readonly NodeInfo[] = cache.nodes();
  const state = plugin.preScore ? plugin.preScore(cycle, feasible) : undefined;
  if (state === SKIP) return 'skip';
  const scores = feasible.map((n) => plugin.score(cycle, state, n));
  plugin.normalize?.(cycle, state, scores, feasible);
  return Object.fromEntries(feasible.map((n, i) => [n.name, scores[i] as number]));
}
