import { getCheckKind } from '../checks/registry.ts';
import type { KubeObject } from '../core/kube.ts';
import type { CheckContext, CheckOutcome } from '../checks/types.ts';
import type { ClusterInternals } from '../engine/cluster.ts';
import type { SettleResult } from '../engine/types.ts';
import type { ScenarioStart, World } from './types.ts';
import { clusterFingerprint } from './fingerprint.ts';
import { describeApply, describeChanges, describePods, snapshot } from './narration.ts';
import { formatSeconds } from './story.ts';
import { createTimeline } from './timeline.ts';

/**
 * Virtual seconds between two lines of the story about what the cluster did (faults and the moment the
 * invariant broke get their own lines at their exact instant). On an engine that cannot say when its next
 * work is due, the invariant is also only looked at on this grid.
 */
export const TICK_SECONDS = 5;
const TICK_MS = TICK_SECONDS * 1000;
/** Most instants one observe or settle runs through (the engine's own settle budget is 200,000 steps). */
const MAX_INSTANTS = 200_000;

/** Virtual milliseconds of a number of seconds that may be odd (negative, NaN, infinite: none). */
function span(seconds: number): number {
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/** Thrown inside a scenario when the invariant breaks; carries the story up to that moment. */
export class InvariantBroken extends Error {
  constructor(
    readonly time: number,
    readonly reason: string,
    readonly story: string[],
    /** Faults that had started when it broke (0: it did not hold even before any fault). */
    readonly faults: number,
  ) {
    super(`${formatSeconds(time)} ${reason}`);
    this.name = 'InvariantBroken';
  }
}

export interface ScenarioWorld extends World {
  /** Story steps so far (numbered lines). */
  readonly story: string[];
  /** Checks the invariant now, throwing InvariantBroken when it fails. */
  checkNow(): void;
  /** Runs the cluster until it settles (or the horizon), checking the invariant at every instant it changes. */
  settle(horizonSeconds: number): void;
}

/**
 * Creates the world of one scenario: virtual time runs instant by instant (every virtual millisecond at
 * which the engine has work), and the invariant is checked after each instant that changed what a check
 * can see (see clusterFingerprint), so an outage shorter than the story's grid is caught at its exact time.
 */
export function createWorld(start: ScenarioStart, invariant: { kind: string; params: unknown }, recoverSeconds = 0): ScenarioWorld {
  const { cluster } = start;
  // Everything here only reads: the stored objects themselves, without a copy per look.
  const list = (kind: string): readonly KubeObject[] => (cluster.peekList ? cluster.peekList(kind) : cluster.list(kind));
  const timeline = createTimeline(cluster);
  const story: string[] = [];
  const downNodes = new Set<string>();
  const kind = getCheckKind(invariant.kind);
  const recoverMs = Math.max(0, recoverSeconds) * 1000;
  const storeRevision = (): number | undefined => {
    const store = (cluster as { internals?: Partial<ClusterInternals> }).internals?.store;
    return typeof store?.revision === 'function' ? store.revision() : undefined;
  };
  let settle: SettleResult = { settled: true, reason: 'settled', time: cluster.now };
  let faults = 0;
  let lastFaultAt = Number.NEGATIVE_INFINITY;
  let last = snapshot(list);
  let narratedAt = storeRevision();
  // The last verdict and the cluster state it was reached on: the same state gets the same verdict.
  let seen: { key: string; outcome: CheckOutcome } | undefined;

  const say = (text: string): void => {
    story.push(`${story.length + 1}. ${formatSeconds(cluster.now).padEnd(6)} ${text}`);
  };
  const narrate = (): void => {
    // The story only narrates objects: with no write since the last look there is nothing new to tell.
    const revision = storeRevision();
    if (revision !== undefined && revision === narratedAt) return;
    narratedAt = revision;
    const now = snapshot(list);
    const changes = describeChanges(last, now);
    last = now;
    if (changes.length > 0) say(changes.join('; '));
  };
  const evaluate = (): CheckOutcome => {
    const key = clusterFingerprint(cluster, settle.settled);
    if (key !== undefined && seen?.key === key) return seen.outcome;
    const ctx: CheckContext = { ...start.context, cluster, settle };
    const outcome = kind.run(invariant.params, ctx);
    if (key !== undefined) seen = { key, outcome };
    return outcome;
  };
  const checkNow = (): void => {
    const outcome = evaluate();
    if (outcome.status === 'failed') {
      // Within the recovery window after a fault, a broken invariant is tolerated (the cluster is reacting).
      if (cluster.now - lastFaultAt < recoverMs) return;
      narrate();
      throw new InvariantBroken(cluster.now, outcome.message ?? 'the invariant does not hold', [...story], faults);
    }
    if (outcome.status === 'errored') throw new Error(outcome.message ?? 'the invariant could not be checked');
  };
  const running = (): void => {
    settle = { settled: false, reason: 'horizon', time: cluster.now };
  };
  /**
   * Runs virtual time to `end` (or until nothing is queued, when `untilSettled`): every instant with work,
   * then a look; story lines on the grid; a look when a recovery window closes.
   */
  const run = (end: number, untilSettled: boolean): void => {
    let tick = cluster.now + TICK_MS;
    for (let instants = 0; ; instants++) {
      if (instants >= MAX_INSTANTS) {
        // Work that never moves time forward (a bug of the engine, not of the submission): stop looking.
        settle = { settled: false, reason: 'budget', time: cluster.now };
        return;
      }
      if (untilSettled && timeline.idle()) {
        settle = { settled: true, reason: 'settled', time: cluster.now };
        narrate();
        checkNow();
        return;
      }
      const windowEnd = lastFaultAt + recoverMs;
      const stop = Math.min(end, tick, windowEnd > cluster.now ? windowEnd : Number.POSITIVE_INFINITY);
      const instant = timeline.nextInstant(stop);
      if (instant !== undefined) {
        timeline.moveTo(instant);
        running();
        checkNow();
        continue;
      }
      timeline.moveTo(stop);
      running();
      if (stop === tick) {
        narrate();
        tick += TICK_MS;
      }
      if (stop === end) narrate();
      checkNow();
      if (stop === end) return;
    }
  };

  const world: ScenarioWorld = {
    cluster,
    story,
    downNodes,
    say(text) {
      // A fault's own words come after whatever the cluster did up to this instant.
      narrate();
      faults++;
      lastFaultAt = cluster.now;
      say(text);
    },
    observe(seconds) {
      // Look once at the very instant of the fault (after same-instant reactions), then at every change.
      timeline.moveTo(cluster.now);
      running();
      narrate();
      checkNow();
      run(cluster.now + span(seconds), false);
    },
    settle(horizonSeconds) {
      run(cluster.now + span(horizonSeconds), true);
    },
    checkNow,
    pods: () => list('Pod').filter((p) => p.metadata.namespace !== 'kube-system' && !p.metadata.deletionTimestamp),
    nodes: () => list('Node').map((n) => n.metadata.name ?? '').filter((n) => n !== '').sort(),
  };
  const intro = describePods(list('Pod').filter((p) => p.metadata.namespace !== 'kube-system'));
  story.push(`1. ${formatSeconds(start.appliedAt ?? cluster.now).padEnd(6)} ${describeApply(start.applied)} → ${intro}`);
  return world;
}
