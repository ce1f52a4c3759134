import type { KubeObject } from '../../../core/kube.ts';
import { asInt, asMap } from '../../util.ts';
import type { SyncState } from './replica-sets.ts';
import { ANN_DESIRED, ANN_MAX, byCreation, desired, isRecreate, maxSurgeOf, replicasOf, scaleReplicaSet, statusOf, sumReplicas } from './replica-sets.ts';

/** Returns the only active ReplicaSet, or the newest one when none is active, or undefined when several are (FindActiveOrLatest). */
function activeOrLatest(s: SyncState, newRS: KubeObject | undefined, oldRSs: KubeObject[]): KubeObject | undefined {
  const all = byCreation(s.ctx, [...oldRSs, ...(newRS ? [newRS] : [])]);
  const active = all.filter((rs) => replicasOf(rs) > 0);
  if (active.length === 0) return newRS ?? all[all.length - 1];
  return active.length === 1 ? active[0] : undefined;
}

function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const want = desired(d);
  return replicasOf(rs) === want && asInt(rs.metadata.annotations?.[ANN_DESIRED]) === want && statusOf(rs, 'availableReplicas') === want;
}

function proportion(d: KubeObject, rs: KubeObject, toAdd: number, added: number, statusReplicas: number): number {
  if (replicasOf(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const size = replicasOf(rs);
  let fraction: number;
  if (desired(d) === 0) fraction = -size;
  else {
    const annotated = asInt(rs.metadata.annotations?.[ANN_MAX]) ?? statusReplicas;
    fraction = annotated > 0 ? Math.round((size * (desired(d) + maxSurgeOf(d))) / annotated) - size : 0;
  }
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** Scales ReplicaSets when the Deployment's replicas changed: the only active one directly, else proportionally (scale). */
export function scaleDeployment(s: SyncState, newRS: KubeObject | undefined, oldRSs: KubeObject[]): void {
  const only = activeOrLatest(s, newRS, oldRSs);
  if (only) {
    scaleReplicaSet(s, only, desired(s.d));
    return;
  }
  if (isSaturated(s.d, newRS)) {
    for (const rs of oldRSs) if (replicasOf(rs) > 0) scaleReplicaSet(s, rs, 0);
    return;
  }
  if (isRecreate(s.d)) return;
  const active = [...oldRSs, ...(newRS ? [newRS] : [])].filter((rs) => replicasOf(rs) > 0);
  const allowed = desired(s.d) > 0 ? desired(s.d) + maxSurgeOf(s.d) : 0;
  const toAdd = allowed - sumReplicas(active);
  const created = (rs: KubeObject): number => byCreation(s.ctx, active).indexOf(rs);
  // Larger first; ties go newer-first when adding and older-first when removing.
  const sorted = [...active].sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? created(b) - created(a) : created(a) - created(b)));
  const statusReplicas = asInt(asMap(s.d.status)?.replicas) ?? 0;
  const sizes = new Map<KubeObject, number>();
  let added = 0;
  for (const rs of sorted) {
    const p = toAdd !== 0 ? proportion(s.d, rs, toAdd, added, statusReplicas) : 0;
    sizes.set(rs, replicasOf(rs) + p);
    added += p;
  }
  const first = sorted[0];
  if (first && toAdd !== 0 && toAdd - added !== 0) sizes.set(first, Math.max(0, (sizes.get(first) ?? 0) + toAdd - added));
  for (const rs of sorted) scaleReplicaSet(s, rs, sizes.get(rs) ?? replicasOf(rs));
}
