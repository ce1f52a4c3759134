import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import type { KubeObject } from '../../../core/kube.ts';
import { createCluster } from '../../cluster.ts';
import { testCatalog } from '../../testing-helpers.ts';
import { reconcileTwice } from '../testing.ts';
import { JOB_CONTROLLER } from './controller.ts';

const catalog = testCatalog();
const REF = { kind: 'Job', namespace: 'default', name: 'p' };

const jobArb = fc.record({
  indexed: fc.boolean(),
  completions: fc.integer({ min: 1, max: 6 }),
  parallelism: fc.integer({ min: 1, max: 4 }),
  failing: fc.boolean(),
  backoffLimit: fc.integer({ min: 0, max: 2 }),
  perIndex: fc.option(fc.integer({ min: 0, max: 1 }), { nil: undefined }),
  seed: fc.integer({ min: 1, max: 1000 }),
});

describe('Job controller (properties)', () => {
  it('never runs more Pods than parallelism or remaining completions, finishes Complete xor Failed, counts every Pod once (seed 7 pinned)', () => {
    fc.assert(
      fc.property(jobArb, (j) => {
        const c = createCluster({ images: catalog, seed: j.seed });
        const spec: Record<string, unknown> = { completions: j.completions, parallelism: j.parallelism, backoffLimit: j.backoffLimit };
        if (j.indexed) {
          spec.completionMode = 'Indexed';
          if (j.perIndex !== undefined) spec.backoffLimitPerIndex = j.perIndex;
        }
        const manifest: KubeObject = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'p' }, spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: j.failing ? 'busybox:fail' : 'busybox' }] } } } };
        expect(c.apply(manifest).ok).toBe(true);
        let maxActive = 0;
        for (let t = 0; t < 400; t += 2) {
          c.advance(2);
          const active = c.list('Pod').filter((p) => !p.metadata.deletionTimestamp && p.status.phase !== 'Succeeded' && p.status.phase !== 'Failed').length;
          maxActive = Math.max(maxActive, active);
        }
        c.runUntilSettled({ horizonSeconds: 3600 });
        expect(maxActive).toBeLessThanOrEqual(Math.min(j.parallelism, j.completions));
        const job = c.get(REF)!;
        const types = (job.status.conditions ?? []).map((x: { type: string }) => x.type);
        const pods = c.list('Pod');
        const phase = (ph: string): number => pods.filter((p) => p.status.phase === ph).length;
        if (j.failing) {
          expect(types).toEqual(['FailureTarget', 'Failed']);
          expect(job.status.failed ?? 0).toBe(phase('Failed'));
        } else {
          expect(types).toEqual(['SuccessCriteriaMet', 'Complete']);
          expect(job.status.succeeded).toBe(j.completions);
          expect(phase('Succeeded')).toBe(j.completions);
          if (j.indexed) expect(job.status.completedIndexes).toBe(j.completions === 1 ? '0' : j.completions === 2 ? '0,1' : `0-${j.completions - 1}`);
        }
        expect(pods.every((p) => p.metadata.finalizers === undefined)).toBe(true);
        expect(reconcileTwice(c.internals.controllers.get(JOB_CONTROLLER)!, REF, c.internals.context)).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
      }),
      { seed: 7, numRuns: 25 },
    );
  });
});
