import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../../cluster.ts';
import { testCatalog } from '../../testing-helpers.ts';
import { deployRef, webDeploy } from '../testing-workloads.ts';

const catalog = testCatalog();
const IMAGES = ['nigelpoulton/getting-started-k8s:1.0', 'nigelpoulton/getting-started-k8s:2.0', 'nginx:1.27'];
const STRATEGIES = [undefined, { type: 'Recreate' }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } }, { type: 'RollingUpdate', rollingUpdate: { maxSurge: '50%', maxUnavailable: '50%' } }];

type Step = { op: 'scale'; replicas: number } | { op: 'image'; image: string } | { op: 'wait'; seconds: number };
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ op: fc.constant('scale' as const), replicas: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('image' as const), image: fc.constantFrom(...IMAGES) }),
  fc.record({ op: fc.constant('wait' as const), seconds: fc.integer({ min: 0, max: 15 }) }),
);

describe('Deployment controller (properties)', () => {
  it('converges to the desired replicas, all on the newest template, after random scale/image sequences (seed 42 pinned)', () => {
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 8 }), fc.constantFrom(...STRATEGIES), fc.integer({ min: 1, max: 1000 }), (steps, strategy, seed) => {
        const c = createCluster({ images: catalog, seed });
        let replicas = 3;
        let image = IMAGES[0]!;
        const apply = (): void => {
          expect(c.apply(webDeploy({ replicas, image, ...(strategy ? { strategy } : {}) })).ok).toBe(true);
        };
        apply();
        for (const s of steps) {
          if (s.op === 'scale') replicas = s.replicas;
          if (s.op === 'image') image = s.image;
          if (s.op === 'wait') c.advance(s.seconds);
          else apply();
        }
        expect(c.runUntilSettled({ horizonSeconds: 900 }).settled).toBe(true);
        const d = c.get(deployRef())!;
        const n = (key: string): number => d.status[key] ?? 0;
        expect([n('replicas'), n('updatedReplicas'), n('availableReplicas'), n('observedGeneration')]).toEqual([replicas, replicas, replicas, d.metadata.generation]);
        const live = c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
        expect(live).toHaveLength(replicas);
        expect(live.every((p) => p.spec.containers[0].image === image && p.status.phase === 'Running')).toBe(true);
        const active = c.list('ReplicaSet').filter((rs) => rs.spec.replicas > 0);
        expect(active.length).toBe(replicas > 0 ? 1 : 0);
      }),
      { numRuns: 80, seed: 42 },
    );
  });
});
