import { describe, expect, it } from 'vitest';
import { createCluster } from '../engine/index.ts';
import { testCatalog } from '../engine/testing-helpers.ts';
import { forkingSetup, snapshotOf } from './setup.ts';
import type { ScenarioStart } from './types.ts';
import { webPod } from './testing.ts';

const images = testCatalog();

/** A setup that counts how often it really builds a cluster (one Pod; the order names it). */
function countingSetup() {
  const built: number[] = [];
  const setup = ({ order }: { order: number }): ScenarioStart => {
    built.push(order);
    const cluster = createCluster({ images, seed: 3, nodes: 1 });
    cluster.apply(webPod(`web-${order}`));
    cluster.runUntilSettled({ horizonSeconds: 60 });
    return { cluster, applied: ['pod.yml'], context: { diagnostics: [], sources: { locate: () => undefined, submitted: () => undefined, documents: () => [] }, images } };
  };
  return { built, setup };
}

describe('forkingSetup', () => {
  it('sets each apply order up once and starts every later scenario of that order from an independent fork', () => {
    const { built, setup } = countingSetup();
    const forking = forkingSetup(setup);
    const first = forking({ order: 0 });
    const second = forking({ order: 0 });
    const third = forking({ order: 1 });
    forking({ order: 1 });
    expect(built).toEqual([0, 1]);
    expect(second.cluster).not.toBe(first.cluster);
    expect(second.applied).toEqual(['pod.yml']);
    // Changing one fork leaves the next fork of the same order untouched.
    second.cluster.delete({ kind: 'Pod', namespace: 'default', name: 'web-0' });
    expect(forking({ order: 0 }).cluster.get({ kind: 'Pod', namespace: 'default', name: 'web-0' })).toBeDefined();
    expect(third.cluster.get({ kind: 'Pod', namespace: 'default', name: 'web-1' })).toBeDefined();
  });

  it('starts an order seeded from elsewhere without setting it up', () => {
    const { built, setup } = countingSetup();
    const seeded = snapshotOf(setup({ order: 0 }))!;
    const forking = forkingSetup(setup, new Map([[0, seeded]]));
    const start = forking({ order: 0 });
    expect(built).toEqual([0]);
    expect(start.cluster.get({ kind: 'Pod', namespace: 'default', name: 'web-0' })?.status?.phase).toBe('Running');
  });

  it('passes through a cluster that cannot be snapshotted, setting it up every time', () => {
    const { built, setup } = countingSetup();
    const plain = (args: { order: number }): ScenarioStart => {
      const start = setup(args);
      const { snapshot: _ignored, ...rest } = start.cluster as unknown as Record<string, unknown>;
      return { ...start, cluster: rest as unknown as ScenarioStart['cluster'] };
    };
    const forking = forkingSetup(plain);
    forking({ order: 0 });
    forking({ order: 0 });
    expect(built).toEqual([0, 0]);
  });
});
