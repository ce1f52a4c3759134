import { describe, it, expect } from 'vitest';
import * as fc from 'fast-check';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import type { Fault } from '../types.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of nested JSON
type Json = any;
const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';
const NODES = ['node-1', 'node-2', 'node-3'];

type Step = { fault: Fault } | { wait: number };

function world(): SimCluster {
  const c = createCluster({ images: catalog, nodes: 3, seed: 7 });
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: WEB }] } } },
  };
  c.apply(deploy);
  c.apply(podManifest('solo', { image: WEB }));
  c.runUntilSettled();
  return c;
}

/** The Pod at a generated index among the current ones (generated indexes know nothing of the cluster). */
const podAt = (c: SimCluster, i: number): string => {
  const pods = c.list('Pod', 'default');
  return pods.length === 0 ? 'none' : (pods[i % pods.length]!.metadata.name ?? '');
};

const step = fc.oneof(
  fc.record({ kind: fc.constantFrom('stopNode' as const, 'startNode' as const), node: fc.constantFrom(...NODES) }),
  fc.record({ kind: fc.constantFrom('crashContainer' as const, 'deletePod' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.constantFrom(1, 10, 49, 50, 120, 300, 400) }),
);

function toStep(c: SimCluster, s: Json): Step {
  if (s.kind === 'wait') return { wait: s.seconds };
  if (s.kind === 'stopNode' || s.kind === 'startNode') return { fault: { type: s.kind, node: s.node } };
  return { fault: { type: s.kind, pod: podAt(c, s.index) } };
}

describe('node lifecycle under random faults (property)', () => {
  it('always settles, and once every node is back every surviving Pod is Running and Ready (seed 20260101)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
        const c = world();
        for (const raw of steps) {
          const s = toStep(c, raw);
          if ('wait' in s) c.advance(s.wait);
          else c.fault(s.fault);
        }
        const during = c.runUntilSettled({ horizonSeconds: 3600 });
        expect(during.reason).toBe('settled');
        for (const node of NODES) c.fault({ type: 'startNode', node });
        expect(c.runUntilSettled({ horizonSeconds: 3600 }).reason).toBe('settled');
        const pods = c.list('Pod', 'default') as Json[];
        for (const p of pods) {
          expect(p.metadata.deletionTimestamp).toBeUndefined();
          expect(p.status.phase).toBe('Running');
          expect(p.status.conditions.find((x: Json) => x.type === 'Ready').status).toBe('True');
        }
        expect(pods.filter((p) => p.metadata.labels?.app === 'web').length).toBe(3);
        for (const n of c.list('Node') as Json[]) {
          expect(n.spec.taints).toBeUndefined();
          expect(n.status.conditions.find((x: Json) => x.type === 'Ready').status).toBe('True');
        }
      }),
      { numRuns: 40, seed: 20260101 },
    );
  });

  it('gives the same watch log for the same fault sequence (determinism, seed 7)', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 8 }), (steps) => {
        const run = (): string => {
          const c = world();
          for (const raw of steps) {
            const s = toStep(c, raw);
            if ('wait' in s) c.advance(s.wait);
            else c.fault(s.fault);
          }
          c.runUntilSettled({ horizonSeconds: 3600 });
          return JSON.stringify([c.watchLog(), c.events()]);
        };
        expect(run()).toBe(run());
      }),
      { numRuns: 10, seed: 7 },
    );
  });
});
