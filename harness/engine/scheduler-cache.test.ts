import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { testCache, testPod } from './scheduling/testing.ts';
import { createSchedulerCache } from './scheduler-cache.ts';
import { selectorOf } from './scheduling/selector.ts';

const web = selectorOf([{ key: 'app', operator: 'In', values: ['web'] }]);
const entry = (type: 'ADDED' | 'MODIFIED' | 'DELETED', object: KubeObject) => ({ time: 0, type, object });

describe('scheduler cache', () => {
  it('keeps per-node selector counts and node totals right through binds, status writes, relabels and deletes', () => {
    const cache = testCache([{ name: 'node-1' }, { name: 'node-2' }], [{ name: 'a', node: 'node-1', labels: { app: 'web' } }]);
    const counter = cache.counter('test|web', web.anchor, (p) => web.matches(p.labels));
    expect([...counter.counts]).toEqual([['node-1', 1]]);

    const b = testPod({ name: 'b', labels: { app: 'web' }, spec: { containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '250m' } } }] } });
    cache.observe(entry('ADDED', b));
    expect([...counter.counts]).toEqual([['node-1', 1]]);
    const bound = { ...b, spec: { ...b.spec, nodeName: 'node-2' } };
    cache.observe(entry('MODIFIED', bound));
    expect([...counter.counts]).toEqual([['node-1', 1], ['node-2', 1]]);
    expect(cache.node('node-2')).toMatchObject({ podCount: 1, requestedCpu: 250, nonZeroCpu: 250 });

    // A status write keeps the accounting; the latest object is what the scheduler reads.
    const running = { ...bound, status: { phase: 'Running' } };
    cache.observe(entry('MODIFIED', running));
    expect(cache.node('node-2')).toMatchObject({ podCount: 1, requestedCpu: 250 });
    expect(cache.pod('default', 'b')).toBe(running);

    cache.observe(entry('MODIFIED', { ...running, metadata: { ...running.metadata, labels: { app: 'api' } } }));
    expect([...counter.counts]).toEqual([['node-1', 1]]);
    cache.observe(entry('MODIFIED', { ...running, status: { phase: 'Succeeded' } }));
    expect(cache.node('node-2')).toMatchObject({ podCount: 0, requestedCpu: 0, nonZeroCpu: 0 });
    cache.observe(entry('DELETED', testPod({ name: 'a', node: 'node-1', labels: { app: 'web' } })));
    expect([...counter.counts]).toEqual([]);
    expect(cache.pod('default', 'a')).toBeUndefined();
  });

  it('builds a new counter from the Pods already bound, and lists only existing nodes in name order', () => {
    const cache = testCache([{ name: 'node-b' }, { name: 'node-a' }], [
      { name: 'x', node: 'node-a', labels: { app: 'web' } },
      { name: 'y', node: 'node-b', labels: { app: 'web' } },
      { name: 'z', node: 'gone', labels: { app: 'web' } },
      { name: 'w', node: 'node-a', labels: { app: 'db' } },
    ]);
    expect([...cache.counter('late|web', web.anchor, (p) => web.matches(p.labels)).counts].sort()).toEqual([['gone', 1], ['node-a', 1], ['node-b', 1]]);
    expect(cache.nodes().map((n) => n.name)).toEqual(['node-a', 'node-b']);
    expect(cache.node('gone')).toBeUndefined();
  });

  it('saves and loads its state for a cluster fork: same answers in the same order, and no change reaches the other copy', () => {
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    // Observed out of name order: a rebuild from the store (sorted) would list them in another order.
    const cache = testCache([{ name: 'node-1' }, { name: 'node-2' }], [
      { name: 'z', node: 'node-2', labels: { app: 'web' }, spec: { affinity } },
      { name: 'a', node: 'node-1', labels: { app: 'web' }, spec: { affinity } },
    ]);
    const counter = cache.counter('test|web', web.anchor, (p) => web.matches(p.labels));
    const saved = cache.save();
    const fork = createSchedulerCache();
    fork.load(saved);
    const view = (c: typeof cache) => ({
      nodes: c.nodes().map((n) => [n.name, n.podCount, [...n.pods.keys()]]),
      affinity: [...c.podsWithAffinity()].map((p) => p.info.uid),
      counts: [...c.counter('test|web', web.anchor, () => false).counts],
    });
    expect(view(fork)).toEqual(view(cache));
    expect(view(fork).affinity).toEqual(['uid-default-z', 'uid-default-a']);

    // The fork binds a Pod: the original and a second fork of the same state do not see it.
    fork.observe(entry('ADDED', testPod({ name: 'b', node: 'node-1', labels: { app: 'web' } })));
    expect(view(fork).counts).toEqual([['node-2', 1], ['node-1', 2]]);
    expect([...counter.counts]).toEqual([['node-2', 1], ['node-1', 1]]);
    const second = createSchedulerCache();
    second.load(saved);
    expect(view(second)).toEqual(view(cache));
  });
});
