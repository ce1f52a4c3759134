import type { KubeObject } from '../core/kube.ts';
import { createCluster, restoreCluster } from '../engine/index.ts';
import type { ClusterSnapshot, SimCluster } from '../engine/index.ts';
import type { ClusterOptions } from '../engine/types.ts';
import { permute } from './permute.ts';
import type { ScenarioSetup, ScenarioStart } from './types.ts';

export interface ManifestSetupOptions extends ClusterOptions {
  /** Objects applied for every scenario, each with the file it came from (for the story). */
  manifests: { file: string; object: KubeObject }[];
  /** Virtual seconds to settle after applying (default 300). */
  settleSeconds?: number;
}

/** Creates a scenario setup that applies manifests to a fresh cluster (tests, simulate, and simple exercises); each order is applied once and forked after. */
export function createManifestSetup(options: ManifestSetupOptions): ScenarioSetup {
  const { manifests, settleSeconds, ...clusterOptions } = options;
  return forkingSetup(({ order }) => {
    const cluster = createCluster(clusterOptions);
    const appliedAt = cluster.now;
    const ordered = permute(manifests, order);
    for (const m of ordered) cluster.apply(m.object);
    cluster.runUntilSettled({ horizonSeconds: settleSeconds ?? 300 });
    const applied = [...new Set(ordered.map((m) => m.file))];
    const empty = { locate: () => undefined, submitted: () => undefined, documents: () => [] };
    return { cluster, applied, appliedAt, context: { diagnostics: [], sources: empty, images: options.images } };
  });
}

/** A set-up cluster's snapshot with the rest of its scenario start (shared by every scenario forked from it). */
export interface SettledStart {
  snapshot: ClusterSnapshot;
  start: Omit<ScenarioStart, 'cluster'>;
}

/**
 * Wraps a setup so each apply order is set up once: every later scenario of that order starts from a fork of
 * the settled snapshot (restoreCluster), which behaves exactly as a cluster set up again from scratch.
 * `settled` seeds an order already set up elsewhere (grading's own run of order 0).
 */
export function forkingSetup(setup: ScenarioSetup, settled: ReadonlyMap<number, SettledStart> = new Map()): ScenarioSetup {
  const built = new Map(settled);
  return (args) => {
    const hit = built.get(args.order);
    if (hit) return { ...hit.start, cluster: restoreCluster(hit.snapshot) };
    const start = setup(args);
    const saved = snapshotOf(start);
    if (saved) built.set(args.order, saved);
    return start;
  };
}

/** Saves a freshly set-up scenario start for forking (undefined for a cluster that cannot be snapshotted). */
export function snapshotOf(start: ScenarioStart): SettledStart | undefined {
  const { cluster, ...rest } = start;
  const c = cluster as Partial<SimCluster>;
  return typeof c.snapshot === 'function' ? { snapshot: c.snapshot(), start: rest } : undefined;
}
