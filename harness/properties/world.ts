import type { KubeObject } from '../core/kube.ts';
import { getCheckKind } from '../checks/registry.ts';
import type { CheckContext } from '../checks/types.ts';
import type { SettleResult } from '../engine/types.ts';
import type { ScenarioStart, World } from './types.ts';
import { formatSeconds } from './story.ts';

/** Virtual seconds between two looks at the invariant. */
export const TICK_SECONDS = 5;

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
  /** Runs the cluster until it settles (or the horizon), checking the invariant every tick. */
  settle(horizonSeconds: number): void;
}

interface Snapshot {
  nodes: Map<string, boolean>;
  services: Map<string, number>;
  readyPods: number;
  pods: number;
}

/** Creates the world of one scenario: narrates changes and checks the invariant at every tick. */
export function createWorld(start: ScenarioStart, invariant: { kind: string; params: unknown }, recoverSeconds = 0): ScenarioWorld {
  const { cluster } = start;
  const story: string[] = [];
  const downNodes = new Set<string>();
  const kind = getCheckKind(invariant.kind);
  let settle: SettleResult = { settled: true, reason: 'settled', time: cluster.now };
  let faults = 0;
  let lastFaultAt = Number.NEGATIVE_INFINITY;
  let last = snapshot(cluster.list.bind(cluster));

  const say = (text: string): void => {
    story.push(`${story.length + 1}. ${formatSeconds(cluster.now).padEnd(6)} ${text}`);
  };
  const narrate = (): void => {
    const now = snapshot(cluster.list.bind(cluster));
    const changes = describeChanges(last, now);
    last = now;
    if (changes.length > 0) say(changes.join('; '));
  };
  const checkNow = (): void => {
    const ctx: CheckContext = { ...start.context, cluster, settle };
    const outcome = kind.run(invariant.params, ctx);
    if (outcome.status === 'failed') {
      // Within the recovery window after a fault, a broken invariant is tolerated (the cluster is reacting).
      if (cluster.now - lastFaultAt <= recoverSeconds * 1000) return;
      narrate();
      throw new InvariantBroken(cluster.now, outcome.message ?? 'the invariant does not hold', [...story], faults);
    }
    if (outcome.status === 'errored') throw new Error(outcome.message ?? 'the invariant could not be checked');
  };
  const tick = (seconds: number): void => {
    cluster.advance(seconds);
    settle = { settled: false, reason: 'horizon', time: cluster.now };
    narrate();
    checkNow();
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
      // Look once at the very instant of the fault (after same-instant reactions), then every tick.
      tick(0);
      let left = Math.max(0, seconds);
      while (left > 0) {
        const step = Math.min(TICK_SECONDS, left);
        tick(step);
        left -= step;
      }
    },
    settle(horizonSeconds) {
      const end = cluster.now + horizonSeconds * 1000;
      while (cluster.now < end) {
        settle = cluster.runUntilSettled({ horizonSeconds: Math.min(TICK_SECONDS, (end - cluster.now) / 1000) });
        narrate();
        checkNow();
        if (settle.settled) return;
      }
    },
    checkNow,
    pods: () => cluster.list('Pod').filter((p) => p.metadata.namespace !== 'kube-system' && !p.metadata.deletionTimestamp),
    nodes: () => cluster.list('Node').map((n) => n.metadata.name ?? '').filter((n) => n !== '').sort(),
  };
  const intro = describePods(cluster.list('Pod').filter((p) => p.metadata.namespace !== 'kube-system'));
  story.push(`1. ${formatSeconds(start.appliedAt ?? cluster.now).padEnd(6)} ${describeApply(start.applied)} → ${intro}`);
  return world;
}

/** Words for how the submission reached the cluster: `apply a.yml, b.yml`, or `run commands.sh` (its script applies the files). */
function describeApply(files: readonly string[]): string {
  const scripts = files.filter((f) => f.endsWith('.sh'));
  if (scripts.length > 0) return `run ${scripts.join(', ')}`;
  return `apply ${files.length > 0 ? files.join(', ') : 'the submission'}`;
}

function snapshot(list: (kind: string) => KubeObject[]): Snapshot {
  const nodes = new Map<string, boolean>();
  for (const n of list('Node')) nodes.set(n.metadata.name ?? '', conditionTrue(n, 'Ready'));
  const services = new Map<string, number>();
  const slices = list('EndpointSlice');
  for (const s of list('Service')) {
    if (s.metadata.namespace === 'kube-system' || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')) continue;
    if (!isRecord(s.spec?.selector) || Object.keys(s.spec.selector).length === 0) continue;
    const own = slices.filter((e) => e.metadata.namespace === s.metadata.namespace && e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
    let ready = 0;
    for (const slice of own) for (const ep of asArray(slice.endpoints)) if (isRecord(ep) && isRecord(ep.conditions) && ep.conditions.ready === true) ready++;
    services.set(s.metadata.name ?? '', ready);
  }
  const pods = list('Pod').filter((p) => p.metadata.namespace !== 'kube-system');
  return { nodes, services, pods: pods.length, readyPods: pods.filter(isReady).length };
}

function describeChanges(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [name, ready] of [...after.nodes].sort(byKey)) {
    if (before.nodes.get(name) !== ready) out.push(`${name} is ${ready ? 'Ready' : 'NotReady'}`);
  }
  if (before.readyPods !== after.readyPods || before.pods !== after.pods) out.push(after.pods === 0 ? 'no Pods are left' : `${after.readyPods} of ${after.pods} Pods Running and Ready`);
  for (const [name, ready] of [...after.services].sort(byKey)) {
    const was = before.services.get(name);
    if (was !== ready) out.push(`Service ${name} has ${ready === 0 ? 'no' : ready} ready endpoint${ready === 1 ? '' : 's'}`);
  }
  return out;
}

/** Summarises Pods as `5 Pods Running on node-1` / `3 Pods Running on node-1, node-2 (1 not ready)`. */
function describePods(pods: KubeObject[]): string {
  if (pods.length === 0) return 'no Pods';
  const ready = pods.filter(isReady);
  const nodes = [...new Set(ready.map((p) => String(p.spec?.nodeName ?? '')).filter((n) => n !== ''))].sort();
  const head = `${ready.length} Pod${ready.length === 1 ? '' : 's'} Running${nodes.length ? ` on ${nodes.join(', ')}` : ''}`;
  const notReady = pods.length - ready.length;
  return notReady > 0 ? `${head} (${notReady} not ready)` : head;
}

function isReady(p: KubeObject): boolean {
  return p.status?.phase === 'Running' && conditionTrue(p, 'Ready') && !p.metadata.deletionTimestamp;
}

function conditionTrue(o: KubeObject, type: string): boolean {
  return asArray(o.status?.conditions).some((c) => isRecord(c) && c.type === type && c.status === 'True');
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function byKey<V>(a: [string, V], b: [string, V]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
