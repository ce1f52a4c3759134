import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from './cluster.ts';
import type { SimCluster } from './cluster.ts';
import { expectForkEquivalent } from './fork-testing.ts';
import { appDeployment, appService, testCatalog } from './testing-helpers.ts';

const images = testCatalog();
const APPS = ['web', 'api'] as const;
const IMAGES = ['nigelpoulton/getting-started-k8s:1.0', 'nigelpoulton/getting-started-k8s:2.0', 'nigelpoulton/getting-started-k8s:crash', 'nope/missing:1'];

/** One thing a person, a controller's user or a fault does to a cluster; returns what it observed. */
type Op = (c: SimCluster) => unknown;

const setDeployment = (c: SimCluster, app: string, change: (spec: Record<string, unknown>) => void): unknown => {
  const d = c.get({ kind: 'Deployment', namespace: 'default', name: app });
  if (!d) return 'no deployment';
  change(d.spec as Record<string, unknown>);
  return c.update(d).ok;
};

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ app: fc.constantFrom(...APPS), replicas: fc.integer({ min: 0, max: 4 }), probe: fc.boolean() }).map(({ app, replicas, probe }): Op => (c) => {
    const d: KubeObject = appDeployment(app, replicas, { minReadySeconds: probe ? 2 : 0 });
    if (probe) (d.spec.template.spec.containers[0] as Record<string, unknown>).readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 3 };
    return c.apply(d).ok;
  }),
  fc.record({ app: fc.constantFrom(...APPS), affinity: fc.boolean(), port: fc.constantFrom(31001, 31002) }).map(({ app, affinity, port }): Op => (c) =>
    c.apply(appService(app, { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: port }], ...(affinity ? { sessionAffinity: 'ClientIP' } : {}) })).ok,
  ),
  fc.record({ app: fc.constantFrom(...APPS), replicas: fc.integer({ min: 0, max: 5 }) }).map(({ app, replicas }): Op => (c) => setDeployment(c, app, (s) => (s.replicas = replicas))),
  fc.record({ app: fc.constantFrom(...APPS), image: fc.constantFrom(...IMAGES) }).map(({ app, image }): Op => (c) =>
    setDeployment(c, app, (s) => ((s.template as { spec: { containers: { image: string }[] } }).spec.containers[0]!.image = image)),
  ),
  fc.nat({ max: 9 }).map((i): Op => (c) => {
    const pods = c.list('Pod').filter((p) => p.metadata.namespace === 'default' && !p.metadata.deletionTimestamp);
    const pod = pods[i % Math.max(1, pods.length)];
    if (pod) c.fault({ type: 'deletePod', pod: pod.metadata.name! });
    return pod?.metadata.name ?? null;
  }),
  fc.nat({ max: 9 }).map((i): Op => (c) => {
    const pods = c.list('Pod').filter((p) => p.metadata.namespace === 'default' && p.status?.phase === 'Running');
    const pod = pods[i % Math.max(1, pods.length)];
    if (pod) c.fault({ type: 'crashContainer', pod: pod.metadata.name! });
    return pod?.metadata.name ?? null;
  }),
  fc.record({ node: fc.constantFrom('node-1', 'node-2', 'node-3'), stop: fc.boolean() }).map(({ node, stop }): Op => (c) => c.fault({ type: stop ? 'stopNode' : 'startNode', node })),
  fc.record({ port: fc.constantFrom(31001, 31002), node: fc.constantFrom('node-1', 'node-2') }).map(({ port, node }): Op => (c) => c.request({ from: 'outside' }, `http://${node}:${port}/`)),
  fc.constantFrom(1, 5, 30, 120).map((seconds): Op => (c) => c.advance(seconds)),
  fc.constant<Op>((c) => c.runUntilSettled({ horizonSeconds: 200 })),
);

describe('cluster forks (property)', () => {
  it('property: after any history, a fork and a cluster that replays that history from scratch do the same things', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 8 }), fc.array(opArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 1000 }), (before, after, seed) => {
        const build = (): SimCluster => {
          const c = createCluster({ nodes: 3, images, seed });
          for (const op of before) op(c);
          return c;
        };
        expectForkEquivalent(build, (c) => after.map((op) => op(c)));
      }),
      { numRuns: 100 },
    );
  });
});
