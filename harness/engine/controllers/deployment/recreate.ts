import type { KubeObject } from '../../../core/kube.ts';
import { asMap } from '../../util.ts';
import { controllerRef } from '../owner-refs.ts';
import { getAllReplicaSets } from './new-replica-set.ts';
import type { SyncState } from './replica-sets.ts';
import { desired, replicasOf, scaleReplicaSet } from './replica-sets.ts';
import { syncRolloutStatus } from './status.ts';

/** Old Pods still running (anything not Succeeded/Failed, terminating ones included) hold a Recreate rollout. */
function oldPodsRunning(s: SyncState, newRS: KubeObject | undefined, oldRSs: KubeObject[]): boolean {
  const uids = new Set(oldRSs.map((rs) => rs.metadata.uid));
  return s.ctx.store.list('Pod', s.d.metadata.namespace ?? 'default').some((p) => {
    const owner = controllerRef(p)?.uid;
    if (!owner || owner === newRS?.metadata.uid || !uids.has(owner)) return false;
    const phase = asMap(p.status)?.phase;
    return phase !== 'Failed' && phase !== 'Succeeded';
  });
}

const fresh = (s: SyncState, rs: KubeObject): KubeObject => s.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;

/** Runs one Recreate step: old ReplicaSets to 0, wait until their Pods are gone, then the new ReplicaSet to full size; returns requeue seconds. */
export function rolloutRecreate(s: SyncState): number | undefined {
  const first = getAllReplicaSets(s, false);
  let scaledDown = false;
  for (const rs of first.oldRSs) if (replicasOf(rs) > 0 && scaleReplicaSet(s, rs, 0)) scaledDown = true;
  const all = (newRS: KubeObject | undefined, old: KubeObject[]): KubeObject[] => [...old.map((r) => fresh(s, r)), ...(newRS ? [fresh(s, newRS)] : [])];
  if (scaledDown || oldPodsRunning(s, first.newRS, first.oldRSs)) return syncRolloutStatus(s, first.newRS && fresh(s, first.newRS), all(first.newRS, first.oldRSs));
  const { newRS, oldRSs } = first.newRS ? first : getAllReplicaSets(s, true);
  if (newRS && replicasOf(fresh(s, newRS)) !== desired(s.d)) scaleReplicaSet(s, fresh(s, newRS), desired(s.d));
  return syncRolloutStatus(s, newRS && fresh(s, newRS), all(newRS, oldRSs));
}
