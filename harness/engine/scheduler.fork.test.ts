import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster, restoreCluster, type SimCluster } from './cluster.ts';
import { clusterTrace, expectForkEquivalent, firstDifference } from './fork-testing.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';

const images = testCatalog();
const APP = 'nigelpoulton/getting-started-k8s:1.0';

const placements = (c: SimCluster): [string | undefined, unknown][] => c.list('Pod').map((p) => [`${p.metadata.namespace}/${p.metadata.name}`, p.spec?.nodeName ?? null]);

const conditionMessage = (c: SimCluster, name: string): unknown =>
  (c.get({ kind: 'Pod', namespace: 'default', name })?.status as { conditions?: { type: string; message?: string }[] } | undefined)?.conditions?.find((x) => x.type === 'PodScheduled')?.message ?? null;

/** Pods spread one per node by required anti-affinity on app=<app> (optionally only against Pods in namespaces labelled env=prod). */
const antiAffine = (name: string, app: string, namespace = 'default', prodOnly = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels: { app } },
  spec: {
    containers: [{ name: 'app', image: APP }],
    affinity: {
      podAntiAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', ...(prodOnly ? { namespaceSelector: { matchLabels: { env: 'prod' } } } : {}) },
        ],
      },
    },
  },
});

describe('fork state of the scheduler', () => {
  it('a fork retries Pending Pods with the back-off their earlier attempts earned and gives the same FitError and preemption messages', () => {
    const build = (): SimCluster => {
      const c = createCluster({ nodes: 2, images, seed: 51 });
      c.apply(podManifest('big', { image: APP, resources: { requests: { cpu: '3' } } }));
      c.apply(podManifest('picky', { image: APP }, { nodeSelector: { disk: 'ssd' } }));
      c.apply(podManifest('hog', { image: APP, resources: { requests: { cpu: '1500m' } } }));
      for (let i = 0; i < 3; i++) c.apply(podManifest(`fill-${i}`, { image: APP, resources: { requests: { cpu: '700m' } } }));
      c.advance(25);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      const before = ['big', 'picky', 'hog'].map((n) => conditionMessage(c, n));
      // Freeing room and a new Node make the scheduler retry every Pending Pod, each after its own back-off.
      c.delete({ kind: 'Pod', namespace: 'default', name: 'fill-0' });
      c.advance(3);
      c.apply({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-9', labels: { 'kubernetes.io/hostname': 'node-9', disk: 'ssd' } }, status: { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } } });
      c.advance(30);
      return { before, after: placements(c) };
    });
    expect(trace).toContain('Insufficient cpu');
    expect(trace).toContain('preemption: 0/2 nodes are available');
  });

  it('a fork keeps spreading by the per-node counts the cache kept (topology spread and anti-affinity counters)', () => {
    const build = (): SimCluster => {
      const c = createCluster({ nodes: 3, images, seed: 52 });
      for (let i = 0; i < 2; i++) c.apply(antiAffine(`web-${i}`, 'web'));
      c.advance(10);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      c.apply(antiAffine('web-2', 'web'));
      c.apply(antiAffine('web-3', 'web'));
      c.advance(10);
      c.delete({ kind: 'Pod', namespace: 'default', name: 'web-0' });
      c.advance(40);
      return { placed: placements(c), stuck: conditionMessage(c, 'web-3') };
    });
    expect(trace).toContain("didn't match pod anti-affinity rules");
  });

  it('a fork with many nodes examines them from where the original left off (node sampling start index)', () => {
    const build = (): SimCluster => {
      const c = createCluster({ nodes: 150, images, seed: 53 });
      for (let i = 0; i < 5; i++) c.apply(podManifest(`p-${i}`, { image: APP, resources: { requests: { cpu: '100m' } } }));
      c.advance(5);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      for (let i = 5; i < 12; i++) c.apply(podManifest(`p-${i}`, { image: APP, resources: { requests: { cpu: `${100 + i * 50}m` } } }));
      c.advance(5);
      return placements(c);
    });
    expect(trace).toContain('Successfully assigned');
  });

  it('a fork does not read the namespace labels of the cluster it was taken from (anti-affinity counters with a namespaceSelector)', () => {
    const build = (): SimCluster => {
      const c = createCluster({ nodes: 2, images, seed: 54 });
      c.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { env: 'prod' } } });
      c.apply({ ...podManifest('web-1', { image: APP }, { nodeName: 'node-1' }), metadata: { name: 'web-1', namespace: 'team', labels: { app: 'web' } } });
      c.advance(5);
      c.apply(antiAffine('guard-1', 'guard', 'default', true));
      c.advance(5);
      return c;
    };
    const then = (c: SimCluster): unknown => {
      c.apply({ ...podManifest('web-2', { image: APP }, { nodeName: 'node-2' }), metadata: { name: 'web-2', namespace: 'team', labels: { app: 'web' } } });
      c.advance(5);
      c.apply(antiAffine('guard-2', 'guard', 'default', true));
      c.advance(5);
      return { placed: placements(c), guard2: conditionMessage(c, 'guard-2') };
    };
    const original = build();
    const snapshot = original.snapshot();
    // The original changes after the snapshot was taken: a fork must not see it.
    original.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team', labels: { env: 'dev' } } });
    original.advance(1);
    const fork = restoreCluster(snapshot);
    const forked = JSON.stringify([then(fork), clusterTrace(fork)]);
    const scratch = build();
    const expected = JSON.stringify([then(scratch), clusterTrace(scratch)]);
    expect(firstDifference(forked, expected)).toBe('');
    expect(expected).toContain("didn't match pod anti-affinity rules");
  });
});
