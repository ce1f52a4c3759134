import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/index.ts';
import type { ClusterOptions } from '../engine/types.ts';
import { permute } from './permute.ts';
import type { ScenarioSetup } from './types.ts';

export interface ManifestSetupOptions extends ClusterOptions {
  /** Objects applied for every scenario, each with the file it came from (for the story). */
  manifests: { file: string; object: KubeObject }[];
  /** Virtual seconds to settle after applying (default 300). */
  settleSeconds?: number;
}

/** Creates a scenario setup that applies manifests to a fresh cluster (tests, simulate, and simple exercises). */
export function createManifestSetup(options: ManifestSetupOptions): ScenarioSetup {
  const { manifests, settleSeconds, ...clusterOptions } = options;
  return ({ order }) => {
    const cluster = createCluster(clusterOptions);
    const appliedAt = cluster.now;
    const ordered = permute(manifests, order);
    for (const m of ordered) cluster.apply(m.object);
    cluster.runUntilSettled({ horizonSeconds: settleSeconds ?? 300 });
    const applied = [...new Set(ordered.map((m) => m.file))];
    const empty = { locate: () => undefined, submitted: () => undefined, documents: () => [] };
    return { cluster, applied, appliedAt, context: { diagnostics: [], sources: empty, images: options.images } };
  };
}
