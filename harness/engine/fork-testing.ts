import { expect } from 'vitest';
import { restoreCluster } from './cluster.ts';
import type { SimCluster } from './cluster.ts';

/** Everything a cluster has observably done: its watch log, events, virtual time and when its next work is due. */
export function clusterTrace(cluster: SimCluster): string {
  return JSON.stringify({ now: cluster.now, next: cluster.nextEventAt?.() ?? null, log: cluster.watchLog(), events: cluster.events() });
}

/**
 * Asserts that forking is invisible (for tests): a cluster built by `build` is snapshotted, and `then` runs on
 * two restored forks, on the original and on a second cluster built from scratch. All four must return the
 * same values and leave the same trace (the second fork also proves the first one did not change the snapshot).
 * Returns the trace, so a test can also assert that `then` exercised what it meant to.
 */
export function expectForkEquivalent(build: () => SimCluster, then: (cluster: SimCluster) => unknown): string {
  const original = build();
  const snapshot = original.snapshot();
  const first = restoreCluster(snapshot);
  const outcome = (c: SimCluster) => JSON.stringify({ returned: then(c) ?? null, trace: JSON.parse(clusterTrace(c)) as unknown });
  const fromScratch = outcome(build());
  expect(firstDifference(outcome(first), fromScratch), 'first fork').toBe('');
  expect(firstDifference(outcome(restoreCluster(snapshot)), fromScratch), 'second fork').toBe('');
  expect(firstDifference(outcome(original), fromScratch), 'original').toBe('');
  return fromScratch;
}

/** Describes where two long texts first differ, with some context (empty when equal). */
export function firstDifference(actual: string, expected: string): string {
  if (actual === expected) return '';
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  const from = Math.max(0, i - 300);
  return `differs at ${i}:\n  fork:    …${actual.slice(from, i + 200)}\n  scratch: …${expected.slice(from, i + 200)}`;
}

/**
 * Makes a cluster's store refuse every Pod creation before virtual `untilMs` (for tests). Interceptors are a
 * test hook, not cluster state, so a fork has none: a test installs the hook on every copy it runs.
 */
export function refusePodCreates(cluster: SimCluster, untilMs: number): void {
  cluster.internals.store.intercept((verb, obj) =>
    verb === 'create' && obj.kind === 'Pod' && cluster.now < untilMs ? { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'injected', reason: 'Conflict', code: 409 } : undefined,
  );
}
