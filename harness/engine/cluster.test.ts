import { describe, it, expect } from 'vitest';
import { createCluster } from './cluster.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';

const catalog = testCatalog();

function scenario(seed: number) {
  const c = createCluster({ images: catalog, seed });
  c.apply({ ...podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:1.0' }), metadata: { name: 'hello-pod', labels: { app: 'web' } } });
  c.apply(podManifest('crash', { image: 'nigelpoulton/getting-started-k8s:crash' }));
  c.apply(podManifest('missing', { image: 'nginxx' }));
  c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'gen-' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
  c.runUntilSettled({ horizonSeconds: 120 });
  c.delete({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
  c.runUntilSettled({ horizonSeconds: 60 });
  return JSON.stringify({ pods: c.list('Pod'), nodes: c.list('Node'), events: c.events(), log: c.watchLog() });
}

describe('cluster', () => {
  it('is deterministic: the same seed gives byte-identical list/events/watchLog (seeds 1 and 7 pinned)', () => {
    expect(scenario(1)).toBe(scenario(1));
    expect(scenario(7)).toBe(scenario(7));
  });

  it('differs between seeds (uids, names, IPs)', () => {
    expect(scenario(1)).not.toBe(scenario(2));
  });

  it('starts with nodes and namespaces', () => {
    const c = createCluster({ images: catalog });
    expect(c.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    const nodes = c.list('Node');
    expect(nodes.map((n) => n.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(nodes[0]!.metadata.labels).toMatchObject({ 'kubernetes.io/hostname': 'node-1', 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64' });
    expect(nodes[1]!.status).toMatchObject({
      capacity: { cpu: '2', memory: '4Gi', pods: '110' },
      allocatable: { cpu: '2', memory: '4Gi', pods: '110' },
      addresses: [
        { type: 'InternalIP', address: '10.0.0.12' },
        { type: 'Hostname', address: 'node-2' },
      ],
      nodeInfo: { kubeletVersion: 'v1.34.1' },
    });
    expect(nodes[0]!.status.conditions.find((x: { type: string }) => x.type === 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(c.timestamp()).toBe('2026-01-01T00:00:00Z');
    expect(c.runUntilSettled()).toEqual({ settled: true, reason: 'settled', time: 0 });
  });

  it('stops at the horizon or the step budget', () => {
    const c = createCluster({ images: catalog, startTime: '2030-05-05T10:00:00Z' });
    c.apply(podManifest('crash', { image: 'nigelpoulton/getting-started-k8s:crash' }));
    expect(c.runUntilSettled({ horizonSeconds: 100 })).toEqual({ settled: false, reason: 'horizon', time: 100_000 });
    expect(c.timestamp()).toBe('2030-05-05T10:01:40Z');
    expect(c.runUntilSettled({ maxSteps: 3 }).reason).toBe('budget');
  });

  it('advances virtual time exactly', () => {
    const c = createCluster({ images: catalog });
    c.advance(2.5);
    expect(c.now).toBe(2500);
    c.advance(Number.NaN);
    expect(c.now).toBe(2500);
  });

  it('validates its options eagerly', () => {
    expect(() => createCluster({} as never)).toThrow(/option `images`/);
    expect(() => createCluster({ images: catalog, seed: Number.NaN })).toThrow(/option `seed`/);
    expect(() => createCluster({ images: catalog, startTime: 'yesterday' })).toThrow(/option `startTime`/);
  });
});
