import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from './cluster.ts';
import { nodeObject } from './nodes.ts';
import { testCatalog } from './testing-helpers.ts';
import type { NodeSpec } from './types.ts';

type Cluster = ReturnType<typeof createCluster>;

function deployment(name: string, replicas: number, podSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...podSpec } },
    },
  } as KubeObject;
}

const spread = (topologyKey: string, app: string) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app } } }] });
const antiAffinity = (app: string) => ({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname' }] } } });

/** Pods per node (sorted by node name), counting only bound Pods of the app. */
function perNode(c: Cluster, app: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const p of c.list('Pod')) {
    if (p.metadata.labels?.app !== app || !p.spec.nodeName) continue;
    out[p.spec.nodeName] = (out[p.spec.nodeName] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function failedScheduling(c: Cluster): string[] {
  return [...new Set(c.events().filter((e) => e.reason === 'FailedScheduling').map((e) => String(e.message)))];
}

function scale(c: Cluster, name: string, replicas: number): void {
  const d = c.get({ kind: 'Deployment', namespace: 'default', name })!;
  c.update({ ...d, spec: { ...d.spec, replicas } });
}

describe('scheduler: topology spread and inter-pod affinity on a cluster', () => {
  it('spreads 6 replicas over 3 nodes 2/2/2 with maxSkew 1, and fills a 4th node that arrives later first', () => {
    const c = createCluster({ images: testCatalog(), nodes: 3 });
    c.apply(deployment('web', 6, spread('kubernetes.io/hostname', 'web')));
    c.runUntilSettled();
    expect(perNode(c, 'web')).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2 });
    c.internals.store.create(nodeObject({ name: 'node-4' }, 3, '2026-01-01T00:00:00Z'));
    scale(c, 'web', 8);
    c.runUntilSettled();
    // With node-4 empty the global minimum is 0: a 3rd Pod on node-1..3 would make the skew 3 − 0 > 1.
    expect(perNode(c, 'web')).toEqual({ 'node-1': 2, 'node-2': 2, 'node-3': 2, 'node-4': 2 });
  });

  it('spreads over zones by the zone label, whatever the node count per zone', () => {
    const nodes: NodeSpec[] = [
      { name: 'node-1', labels: { 'topology.kubernetes.io/zone': 'a' } },
      { name: 'node-2', labels: { 'topology.kubernetes.io/zone': 'a' } },
      { name: 'node-3', labels: { 'topology.kubernetes.io/zone': 'b' } },
      { name: 'node-4', labels: { 'topology.kubernetes.io/zone': 'c' } },
    ];
    const c = createCluster({ images: testCatalog(), nodes });
    c.apply(deployment('web', 6, spread('topology.kubernetes.io/zone', 'web')));
    c.runUntilSettled();
    const n = perNode(c, 'web');
    expect([(n['node-1'] ?? 0) + (n['node-2'] ?? 0), n['node-3'], n['node-4']]).toEqual([2, 2, 2]);
  });

  it('leaves the 4th replica Pending when required anti-affinity allows one per node on 3 nodes', () => {
    const c = createCluster({ images: testCatalog(), nodes: 3 });
    c.apply(deployment('web', 4, antiAffinity('web')));
    c.runUntilSettled();
    expect(perNode(c, 'web')).toEqual({ 'node-1': 1, 'node-2': 1, 'node-3': 1 });
    expect(c.list('Pod').filter((p) => p.status.phase === 'Pending')).toHaveLength(1);
    expect(failedScheduling(c)).toEqual([
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..",
    ]);
  });

  it('keeps a Pod Pending when the only node that keeps the skew is tainted (nodeTaintsPolicy Ignore still counts it)', () => {
    const nodes: NodeSpec[] = [{ name: 'node-1' }, { name: 'node-2' }, { name: 'node-3', taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' }] }];
    const c = createCluster({ images: testCatalog(), nodes });
    c.apply(deployment('web', 3, spread('kubernetes.io/hostname', 'web')));
    c.runUntilSettled();
    expect(perNode(c, 'web')).toEqual({ 'node-1': 1, 'node-2': 1 });
    expect(failedScheduling(c)).toEqual([
      "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: x}, 2 node(s) didn't match pod topology spread constraints. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod..",
    ]);
  });

  it.each([1, 2, 3, 4, 5])('spreads a plain 3-replica Deployment over 3 nodes by default spreading (seed %i)', (seed) => {
    // node-1 is four times larger, so resource scoring alone (LeastAllocated) would stack the replicas there.
    const nodes: NodeSpec[] = [{ name: 'node-1', cpu: '8', memory: '16Gi' }, { name: 'node-2' }, { name: 'node-3' }];
    const c = createCluster({ images: testCatalog(), nodes, seed });
    c.apply(deployment('web', 3));
    c.runUntilSettled();
    expect(Object.values(perNode(c, 'web'))).toEqual([1, 1, 1]);
  });

  it('places the same Pods on the same nodes for the same seed (pinned seed 7)', () => {
    const placement = () => {
      const c = createCluster({ images: testCatalog(), nodes: 5, seed: 7 });
      c.apply(deployment('web', 7));
      c.apply(deployment('api', 4, antiAffinity('api')));
      c.runUntilSettled();
      return c.list('Pod').map((p) => `${p.metadata.name}@${p.spec.nodeName}`);
    };
    expect(placement()).toEqual(placement());
  });

  it('schedules a Pod with required affinity once a Pod it wants appears, next to it', () => {
    const c = createCluster({ images: testCatalog(), nodes: 3 });
    const affinity = { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } } };
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }], ...affinity } } as KubeObject);
    c.runUntilSettled();
    expect(c.get({ kind: 'Pod', namespace: 'default', name: 'web' })?.spec.nodeName).toBeUndefined();
    expect(failedScheduling(c)).toEqual([
      "0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
    ]);
    c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'db', labels: { app: 'db' } }, spec: { containers: [{ name: 'db', image: 'nginx:1.27' }], nodeSelector: { 'kubernetes.io/hostname': 'node-2' } } } as KubeObject);
    c.runUntilSettled();
    expect(c.get({ kind: 'Pod', namespace: 'default', name: 'web' })?.spec.nodeName).toBe('node-2');
  });
});
