import type { Cluster } from '../engine/types.ts';

/**
 * Virtual time for a property run, one instant at a time: an instant is a virtual millisecond at which
 * the engine has queued work, so between two instants nothing in the cluster can change.
 */
export interface Timeline {
  /** Whether the engine says where its next instant is (without it, runs fall back to a fixed grid). */
  readonly stepping: boolean;
  /** The next instant with queued work at or before `untilMs`, or undefined when there is none by then. */
  nextInstant(untilMs: number): number | undefined;
  /** Whether nothing at all is queued (the cluster has settled). */
  idle(): boolean;
  /** Moves virtual time to `ms` (or stays at now when `ms` is not later), running every queued item up to and including that instant. */
  moveTo(ms: number): void;
}

/** Creates the timeline of a cluster, using its `nextEventAt` when it has one. */
export function createTimeline(cluster: Cluster): Timeline {
  const next = typeof cluster.nextEventAt === 'function' ? cluster.nextEventAt.bind(cluster) : undefined;
  return {
    stepping: next !== undefined,
    nextInstant(untilMs) {
      const at = next?.();
      return at !== undefined && at <= untilMs ? at : undefined;
    },
    idle: () => (next ? next() === undefined : false),
    moveTo: (ms) => advanceTo(cluster, ms),
  };
}

/**
 * Moves a cluster's clock to `ms` (running the work due up to then) with the engine's own arithmetic landing exactly on it: whole seconds
 * first, then the rest (`(to - from) / 1000 * 1000` alone can miss by one ulp, leaving the clock off the
 * whole milliseconds the engine schedules on).
 */
export function advanceTo(cluster: Cluster, ms: number): void {
  const d = Math.round(ms - cluster.now);
  if (d <= 0) {
    // Work queued for the current instant still runs.
    cluster.advance(0);
    return;
  }
  const whole = Math.floor(d / 1000);
  if (whole > 0) cluster.advance(whole);
  if (d % 1000 > 0) cluster.advance((d % 1000) / 1000);
}
