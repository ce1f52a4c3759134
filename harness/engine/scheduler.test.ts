import { describe, it, expect } from 'vitest';
import { createCluster } from './cluster.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';
import { fitErrorMessage } from './scheduler.ts';
import { reconcileTwice } from './controllers/testing.ts';
import type { NodeSpec } from './types.ts';

const ref = (name: string) => ({ kind: 'Pod', namespace: 'default', name });
const pod = (name: string, extra: Record<string, unknown> = {}, container: Record<string, unknown> = {}) => podManifest(name, { image: 'nginx:1.27', ...container }, extra);

function failedScheduling(c: ReturnType<typeof createCluster>, name: string): string[] {
  return c.events().filter((e) => e.reason === 'FailedScheduling' && (e.involvedObject as { name: string }).name === name).map((e) => String(e.message));
}

describe('scheduler', () => {
  it('binds a pod, emits Scheduled and sets PodScheduled=True', () => {
    const c = createCluster({ images: testCatalog(), nodes: 1 });
    c.apply(pod('hello-pod'));
    c.runUntilSettled();
    const p = c.get(ref('hello-pod'))!;
    expect(p.spec.nodeName).toBe('node-1');
    expect(p.metadata.generation).toBe(1);
    expect(p.status.conditions.find((x: { type: string }) => x.type === 'PodScheduled')).toMatchObject({ status: 'True' });
    const ev = c.events()[0]!;
    expect(ev).toMatchObject({ reason: 'Scheduled', type: 'Normal', message: 'Successfully assigned default/hello-pod to node-1', source: { component: 'default-scheduler' } });
  });

  it('reports Insufficient cpu on every node with the preemption postfilter', () => {
    const c = createCluster({ images: testCatalog() });
    c.apply(pod('big', {}, { resources: { requests: { cpu: '4' } } }));
    c.runUntilSettled();
    const message = '0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..';
    expect(failedScheduling(c, 'big')).toEqual([message]);
    const p = c.get(ref('big'))!;
    expect(p.status.phase).toBe('Pending');
    expect(p.status.conditions).toEqual([{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z' }]);
    expect(c.events().find((e) => e.reason === 'FailedScheduling')?.type).toBe('Warning');
  });

  it('sorts mixed reasons lexicographically with counts', () => {
    const nodes: NodeSpec[] = [
      { name: 'node-1', labels: { disk: 'ssd' }, cpu: '1' },
      { name: 'node-2', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
      { name: 'node-3' },
    ];
    const c = createCluster({ images: testCatalog(), nodes });
    c.apply(pod('picky', { nodeSelector: { disk: 'ssd' } }, { resources: { requests: { cpu: '1500m', memory: '8Gi' } } }));
    c.runUntilSettled();
    expect(failedScheduling(c, 'picky')).toEqual([
      "0/3 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 node(s) didn't match Pod's node affinity/selector, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
    ]);
  });

  it.each([
    [{ nodeSelector: { zone: 'b' } }, 'node-2'],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['c'] }] }] } } } }, 'node-3'],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'NotIn', values: ['a', 'c'] }] }] } } } }, 'node-2'],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'gpu', operator: 'Exists' }] }] } } } }, 'node-1'],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'rank', operator: 'Gt', values: ['2'] }] }] } } } }, 'node-3'],
    [{ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'rank', operator: 'Lt', values: ['2'] }] }] } } } }, 'node-1'],
    [{ tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'x', effect: 'NoSchedule' }], nodeSelector: { zone: 'c' } }, 'node-3'],
  ] as [Record<string, unknown>, string][])('places %j on %s', (spec, expected) => {
    const nodes: NodeSpec[] = [
      { name: 'node-1', labels: { zone: 'a', gpu: 'yes', rank: '1' } },
      { name: 'node-2', labels: { zone: 'b', rank: '2' } },
      { name: 'node-3', labels: { zone: 'c', rank: '3' }, taints: spec.tolerations ? [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] : [] },
    ];
    const c = createCluster({ images: testCatalog(), nodes });
    c.apply(pod('p', spec));
    c.runUntilSettled();
    expect(c.get(ref('p'))?.spec.nodeName).toBe(expected);
  });

  it('reports hostPort conflicts and too many pods', () => {
    const c = createCluster({ images: testCatalog(), nodes: [{ name: 'node-1', pods: 2 }] });
    c.apply(pod('a', {}, { ports: [{ containerPort: 80, hostPort: 8080 }] }));
    c.runUntilSettled();
    c.apply(pod('b', {}, { ports: [{ containerPort: 80, hostPort: 8080 }] }));
    c.apply(pod('c'));
    c.apply(pod('d'));
    c.runUntilSettled();
    // NodePorts fails with Unschedulable (preemption could free the port), so the dry run finds no victims.
    expect(failedScheduling(c, 'b')[0]).toBe(
      "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..",
    );
    expect(failedScheduling(c, 'd')[0]).toBe('0/1 nodes are available: 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..');
  });

  it('retries when the cluster changes (a pod is deleted) and stops retrying otherwise', () => {
    const c = createCluster({ images: testCatalog(), nodes: 1 });
    c.apply(pod('first', {}, { resources: { requests: { cpu: '1500m' } } }));
    c.runUntilSettled();
    c.apply(pod('second', {}, { resources: { requests: { cpu: '1' } } }));
    const settled = c.runUntilSettled();
    expect(settled.reason).toBe('settled');
    expect(c.get(ref('second'))?.spec.nodeName).toBeUndefined();
    c.delete(ref('first'));
    c.runUntilSettled();
    expect(c.get(ref('second'))?.spec.nodeName).toBe('node-1');
  });

  it('leaves pods for other schedulers alone and reports no nodes', () => {
    const c = createCluster({ images: testCatalog(), nodes: 0 });
    c.apply(pod('mine', { schedulerName: 'my-scheduler' }));
    c.apply(pod('lost'));
    c.runUntilSettled();
    expect(failedScheduling(c, 'mine')).toEqual([]);
    expect(failedScheduling(c, 'lost')).toEqual(['no nodes available to schedule pods']);
  });

  it('spreads pods with the same labels across nodes', () => {
    const c = createCluster({ images: testCatalog() });
    for (const name of ['a', 'b', 'c']) c.apply({ ...pod(name), metadata: { name, labels: { app: 'web' } } });
    c.runUntilSettled();
    const nodes = c.list('Pod').map((p) => p.spec.nodeName);
    expect(new Set(nodes).size).toBe(3);
  });

  it('formats the zero-nodes and mixed FitError forms', () => {
    expect(fitErrorMessage(0, [])).toBe('no nodes available to schedule pods');
    expect(fitErrorMessage(2, [{ reasons: ['node(s) were unschedulable'], resolvable: false }, { reasons: ['Too many pods'], resolvable: true }])).toBe(
      '0/2 nodes are available: 1 Too many pods, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..',
    );
  });

  it('writes nothing when reconciling the same pod twice', () => {
    for (const cpu of ['100m', '8']) {
      const c = createCluster({ images: testCatalog() });
      c.apply(pod('p', {}, { resources: { requests: { cpu } } }));
      const scheduler = c.internals.controllers.get('scheduler')!;
      const res = reconcileTwice(scheduler, ref('p'), c.internals.context);
      expect(res.firstWrites).toBe(1);
      expect(res.secondWrites).toBe(0);
    }
  });
});
