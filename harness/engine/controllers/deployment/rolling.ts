import type { KubeObject } from '../../../core/kube.ts';
import type { SyncState } from './replica-sets.ts';
import { byCreation, desired, maxUnavailableOf, newRSNewReplicas, replicasOf, scaleReplicaSet, statusOf, sumReplicas, sumStatus } from './replica-sets.ts';

/** Scales the new ReplicaSet toward its rolling-update target; returns whether it scaled. */
export function reconcileNewReplicaSet(s: SyncState, newRS: KubeObject, oldRSs: KubeObject[]): boolean {
  const want = desired(s.d);
  const size = replicasOf(newRS);
  if (size === want) return false;
  if (size > want) return scaleReplicaSet(s, newRS, want);
  return scaleReplicaSet(s, newRS, newRSNewReplicas(s.d, [...oldRSs, newRS], newRS));
}

function cleanupUnhealthy(s: SyncState, oldRSs: KubeObject[], maxCleanup: number): number {
  let total = 0;
  for (const rs of byCreation(s.ctx, oldRSs)) {
    if (total >= maxCleanup) break;
    const size = replicasOf(rs);
    if (size === 0) continue;
    const unhealthy = size - statusOf(rs, 'availableReplicas');
    if (unhealthy <= 0) continue;
    const count = Math.min(maxCleanup - total, unhealthy);
    scaleReplicaSet(s, rs, size - count);
    total += count;
  }
  return total;
}

function scaleDownOld(s: SyncState, all: KubeObject[], oldRSs: KubeObject[]): number {
  const minAvailable = desired(s.d) - maxUnavailableOf(s.d);
  const available = sumStatus(all, 'availableReplicas');
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of byCreation(s.ctx, oldRSs)) {
    if (total >= target) break;
    const size = replicasOf(rs);
    if (size === 0) continue;
    const count = Math.min(size, target - total);
    scaleReplicaSet(s, rs, size - count);
    total += count;
  }
  return total;
}

/** Scales old ReplicaSets down as far as availability allows, unhealthy Pods first; returns whether anything scaled. */
export function reconcileOldReplicaSets(s: SyncState, newRS: KubeObject, oldRSs: KubeObject[]): boolean {
  if (sumReplicas(oldRSs) === 0) return false;
  const all = [...oldRSs, newRS];
  const minAvailable = desired(s.d) - maxUnavailableOf(s.d);
  const newUnavailable = replicasOf(newRS) - statusOf(newRS, 'availableReplicas');
  const maxScaledDown = sumReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const cleaned = cleanupUnhealthy(s, oldRSs, maxScaledDown);
  const fresh = (rs: KubeObject): KubeObject => s.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;
  const scaled = scaleDownOld(s, [...oldRSs.map(fresh), newRS], oldRSs.map(fresh));
  return cleaned + scaled > 0;
}
