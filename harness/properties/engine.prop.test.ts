import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/cluster.ts';
import { webDeploy } from '../engine/controllers/testing-workloads.ts';
import { testCatalog } from '../engine/testing-helpers.ts';
import { permute } from './permute.ts';
import { webPod, webService } from './testing.ts';

// Engine-level properties under faults: the harness's own guarantees, not an exercise's.
const images = testCatalog();
const V1 = 'nigelpoulton/getting-started-k8s:1.0';
const V2 = 'nigelpoulton/getting-started-k8s:2.0';

/** A small submission: some Deployments and bare Pods, plus the web Service. */
const manifestsArb = fc
  .record({ deployments: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 2 }), pods: fc.integer({ min: 0, max: 2 }) })
  .map(({ deployments, pods }) => [
    ...deployments.map((replicas, i) => webDeploy({ replicas, name: `web-${i}` })),
    ...Array.from({ length: pods }, (_, i) => webPod(`pod-${i}`)),
    webService,
  ]);

/** Faults: delete the n-th live Pod, or let seconds pass. */
type Fault = { op: 'delete'; index: number } | { op: 'wait'; seconds: number };
const faultsArb: fc.Arbitrary<Fault[]> = fc.array(
  fc.oneof(fc.record({ op: fc.constant('delete' as const), index: fc.nat(20) }), fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 40 }) })),
  { maxLength: 5 },
);

function run(objects: KubeObject[], faults: Fault[], seed: number, onTick?: (c: ReturnType<typeof createCluster>) => void) {
  const c = createCluster({ images, seed, nodes: 2 });
  for (const o of objects) expect(c.apply(o).ok).toBe(true);
  c.runUntilSettled();
  for (const f of faults) {
    if (f.op === 'delete') {
      const live = c.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
      const pod = live[f.index % Math.max(1, live.length)];
      if (pod) c.delete({ kind: 'Pod', namespace: 'default', name: pod.metadata.name! });
      c.advance(0);
      onTick?.(c);
    } else {
      for (let t = 0; t < f.seconds; t += 5) {
        c.advance(Math.min(5, f.seconds - t));
        onTick?.(c);
      }
    }
  }
  return c;
}

const live = (c: ReturnType<typeof createCluster>) => c.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
const isReady = (p: KubeObject) => p.status?.phase === 'Running' && (p.status?.conditions ?? []).some((x: { type: string; status: string }) => x.type === 'Ready' && x.status === 'True');

/** What a learner can observe of a settled cluster, without generated names. */
function shape(c: ReturnType<typeof createCluster>) {
  return {
    deployments: c.list('Deployment', 'default').map((d) => [d.metadata.name, d.status?.readyReplicas ?? 0, d.status?.availableReplicas ?? 0]),
    pods: live(c).map((p) => [p.metadata.labels?.['pod-template-hash'] ? 'owned' : p.metadata.name, p.status?.phase, isReady(p)]).map((x) => x.join(' ')).sort(),
    endpoints: c.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web-svc').flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready).length,
  };
}

describe('engine under faults (properties)', () => {
  it('same seed, manifests and faults give the same trace, byte for byte (seed 42 pinned)', () => {
    fc.assert(
      fc.property(manifestsArb, faultsArb, fc.integer({ min: 1, max: 1000 }), (objects, faults, seed) => {
        const trace = (c: ReturnType<typeof createCluster>) => JSON.stringify([c.watchLog(), c.events(), c.now]);
        expect(trace(run(objects, faults, seed))).toBe(trace(run(objects, faults, seed)));
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('applying the same manifests twice changes nothing (seed 42 pinned)', () => {
    fc.assert(
      fc.property(manifestsArb, fc.integer({ min: 1, max: 1000 }), (objects, seed) => {
        const c = run(objects, [], seed);
        const before = c.watchLog().length;
        for (const o of objects) expect(c.apply(o).verb).toBe('unchanged');
        c.runUntilSettled();
        expect(c.watchLog().length).toBe(before);
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('the settled state does not depend on manifest order (seed 42 pinned)', () => {
    fc.assert(
      fc.property(manifestsArb, fc.nat(100), fc.integer({ min: 1, max: 1000 }), (objects, order, seed) => {
        expect(shape(run(permute(objects, order), [], seed))).toEqual(shape(run(objects, [], seed)));
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('at every tick of a fault scenario, endpoints are exactly the ready matching Pods (seed 42 pinned)', () => {
    fc.assert(
      fc.property(manifestsArb, faultsArb, fc.integer({ min: 1, max: 1000 }), (objects, faults, seed) => {
        run(objects, faults, seed, (c) => {
          const ready = live(c).filter(isReady).map((p) => p.status.podIP).sort();
          const slices = c.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web-svc');
          const endpoints = slices.flatMap((s) => s.endpoints ?? []).filter((e: { conditions?: { ready?: boolean } }) => e.conditions?.ready).flatMap((e: { addresses?: string[] }) => e.addresses ?? []).sort();
          expect(endpoints).toEqual(ready);
        });
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('after the faults stop, every Deployment converges back to its desired replicas (seed 42 pinned)', () => {
    fc.assert(
      fc.property(manifestsArb, faultsArb, fc.integer({ min: 1, max: 1000 }), (objects, faults, seed) => {
        const c = run(objects, faults, seed);
        expect(c.runUntilSettled({ horizonSeconds: 900 }).settled).toBe(true);
        for (const d of c.list('Deployment', 'default')) {
          const owned = live(c).filter((p) => p.metadata.labels?.['pod-template-hash'] && p.metadata.ownerReferences?.[0]?.name?.startsWith(`${d.metadata.name}-`));
          expect([owned.length, owned.filter(isReady).length, d.status?.availableReplicas ?? 0]).toEqual([d.spec.replicas, d.spec.replicas, d.spec.replicas]);
        }
      }),
      { seed: 42, numRuns: 15 },
    );
  });

  it('a fault-free rollout stays within replicas+maxSurge desired Pods and replicas−maxUnavailable available (seed 42 pinned)', () => {
    const arb = fc
      .record({ replicas: fc.integer({ min: 1, max: 6 }), surge: fc.integer({ min: 0, max: 3 }), unavailable: fc.integer({ min: 0, max: 3 }) })
      .filter((r) => r.surge + r.unavailable > 0);
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 1000 }), ({ replicas, surge, unavailable }, seed) => {
        const strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } };
        const c = createCluster({ images, seed, nodes: 2 });
        c.apply(webDeploy({ replicas, strategy, image: V1 }));
        expect(c.runUntilSettled().settled).toBe(true);
        const start = c.watchLog().length;
        c.apply(webDeploy({ replicas, strategy, image: V2 }));
        expect(c.runUntilSettled().settled).toBe(true);
        // Replay the watch log. As in Kubernetes, the surge bound is on the ReplicaSets' desired replicas
        // (a Pod of a just scaled-down ReplicaSet may outlive the new ReplicaSet's scale-up for an instant);
        // the availability bound holds for the Pods themselves.
        const pods = new Map<string, KubeObject>();
        const sets = new Map<string, KubeObject>();
        c.watchLog().forEach((e, i) => {
          const seen = e.object.kind === 'Pod' ? pods : e.object.kind === 'ReplicaSet' ? sets : undefined;
          if (!seen) return;
          if (e.type === 'DELETED') seen.delete(e.object.metadata.name!);
          else seen.set(e.object.metadata.name!, e.object);
          if (i < start) return;
          expect([...sets.values()].reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0)).toBeLessThanOrEqual(replicas + surge);
          const alive = [...pods.values()].filter((p) => !p.metadata.deletionTimestamp);
          expect(alive.filter(isReady).length).toBeGreaterThanOrEqual(Math.max(0, replicas - unavailable));
        });
        expect(live(c).every((p) => p.spec.containers[0].image === V2)).toBe(true);
      }),
      { seed: 42, numRuns: 20 },
    );
  });
});
