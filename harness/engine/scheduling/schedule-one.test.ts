import { describe, it, expect } from 'vitest';
import { createRandom } from '../random.ts';
import { DEFAULT_PROFILE } from '../scheduler.ts';
import { numFeasibleNodesToFind, scheduleOne } from './schedule-one.ts';
import { testCache, testPod } from './testing.ts';

describe('scheduleOne', () => {
  it.each([
    [0, 0],
    [3, 3],
    [99, 99],
    [100, 100],
    [300, 144],
    [1000, 420],
    [5000, 500],
    [20000, 1000],
  ])('looks for %i nodes → %i feasible ones before scoring', (all, want) => {
    expect(numFeasibleNodesToFind(all)).toBe(want);
  });

  it('stops filtering after enough feasible nodes and starts where the last cycle stopped', () => {
    const cache = testCache(Array.from({ length: 200 }, (_, i) => ({ name: `node-${String(i).padStart(3, '0')}` })));
    const pod = testPod({ name: 'p' });
    const first = scheduleOne(pod, cache, DEFAULT_PROFILE, createRandom(1), 0);
    expect(first.processed).toBe(100);
    // Every node examined ties, so the pick is among node-000..node-099; the next cycle starts at node-100.
    expect(String(first.result.node?.name) < 'node-100').toBe(true);
    const second = scheduleOne(pod, cache, DEFAULT_PROFILE, createRandom(1), 100);
    expect(String(second.result.node?.name) >= 'node-100').toBe(true);
  });

  it('collects one failure per node when nothing fits', () => {
    const cache = testCache([{ name: 'node-1', taints: [{ key: 'k', effect: 'NoSchedule' }] }, { name: 'node-2', cpu: '1' }]);
    const { result } = scheduleOne(testPod({ name: 'p', spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2' } } }] } }), cache, DEFAULT_PROFILE, createRandom(1), 0);
    expect(result.node).toBeUndefined();
    expect(!result.node && result.failures.map((f) => [f.node, f.plugin, f.failure.code])).toEqual([
      ['node-1', 'TaintToleration', 'UnschedulableAndUnresolvable'],
      ['node-2', 'NodeResourcesFit', 'Unschedulable'],
    ]);
  });
});
