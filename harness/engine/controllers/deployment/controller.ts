import { clone } from '../../../core/kube.ts';
import type { KubeObject } from '../../../core/kube.ts';
import type { ApiServer } from '../../api/server.ts';
import { refOf } from '../../store.ts';
import { asInt, asMap, deepEqual } from '../../util.ts';
import type { Controller, ControllerContext, ReconcileResult } from '../registry.ts';
import { compileSelector } from '../label-selector.ts';
import { claimCandidates } from '../../store-indexes.ts';
import { controllerRef, makeControllerRef } from '../owner-refs.ts';
import { getAllReplicaSets } from './new-replica-set.ts';
import { scaleDeployment } from './proportional.ts';
import { rolloutRecreate } from './recreate.ts';
import type { SyncState } from './replica-sets.ts';
import { ANN_DESIRED, DEPLOYMENT_CONTROLLER, byCreation, desired, isRecreate, replicasOf, revisionOf, statusOf } from './replica-sets.ts';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling.ts';
import { isComplete, syncDeploymentStatus, syncRolloutStatus } from './status.ts';

/** Adopts matching orphan ReplicaSets and releases those that stopped matching; returns those it controls. */
function claimReplicaSets(ctx: ControllerContext, d: KubeObject): KubeObject[] {
  const selector = compileSelector(asMap(d.spec)?.selector);
  const owned: KubeObject[] = [];
  // Only ReplicaSets this Deployment controls and orphans can be claimed.
  for (const rs of claimCandidates(ctx.store, 'ReplicaSet', d.metadata.namespace ?? 'default', d.metadata.uid ?? '')) {
    const ref = controllerRef(rs);
    if (ref && ref.uid !== d.metadata.uid) continue;
    const matches = selector.matches(rs.metadata.labels);
    if (ref) {
      if (matches || rs.metadata.deletionTimestamp) owned.push(rs);
      else {
        const released = clone(rs);
        released.metadata.ownerReferences = (released.metadata.ownerReferences ?? []).filter((r) => r?.uid !== d.metadata.uid);
        if (released.metadata.ownerReferences.length === 0) delete released.metadata.ownerReferences;
        ctx.store.update(released);
      }
      continue;
    }
    if (!matches || rs.metadata.deletionTimestamp) continue;
    const adopted = clone(rs);
    adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), makeControllerRef(d)];
    const res = ctx.store.update(adopted);
    if (res.ok) owned.push(res.object);
  }
  return owned;
}

const fresh = (s: SyncState, rs: KubeObject): KubeObject => s.rsList.find((r) => r.metadata.uid === rs.metadata.uid) ?? rs;

function isScalingEvent(s: SyncState): boolean {
  const { newRS, oldRSs } = getAllReplicaSets(s, false);
  return [...oldRSs, ...(newRS ? [newRS] : [])].some((rs) => {
    const want = asInt(rs.metadata.annotations?.[ANN_DESIRED]);
    return replicasOf(rs) > 0 && want !== undefined && want !== desired(s.d);
  });
}

/** Deletes zero-sized old ReplicaSets beyond revisionHistoryLimit, lowest revision first. */
function cleanupHistory(s: SyncState, oldRSs: KubeObject[]): void {
  const limit = asInt(asMap(s.d.spec)?.revisionHistoryLimit);
  if (limit === undefined || limit < 0) return;
  const cleanable = oldRSs.map((rs) => fresh(s, rs)).filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = cleanable.length - limit;
  if (diff <= 0) return;
  const order = byCreation(s.ctx, cleanable);
  const sorted = [...cleanable].sort((a, b) => revisionOf(a) - revisionOf(b) || order.indexOf(a) - order.indexOf(b));
  for (const rs of sorted.slice(0, diff)) {
    const observed = asInt(asMap(rs.status)?.observedGeneration) ?? 0;
    if (statusOf(rs, 'replicas') !== 0 || replicasOf(rs) !== 0 || (rs.metadata.generation ?? 1) > observed) continue;
    s.api.delete(refOf(rs));
    s.rsList = s.rsList.filter((r) => r.metadata.uid !== rs.metadata.uid);
  }
}

function rolloutRolling(s: SyncState): number | undefined {
  const { newRS, oldRSs } = getAllReplicaSets(s, true);
  const all = (): KubeObject[] => [...oldRSs.map((r) => fresh(s, r)), ...(newRS ? [fresh(s, newRS)] : [])];
  if (!newRS) return syncRolloutStatus(s, undefined, all());
  if (reconcileNewReplicaSet(s, newRS, oldRSs)) return syncRolloutStatus(s, fresh(s, newRS), all());
  if (reconcileOldReplicaSets(s, fresh(s, newRS), oldRSs.map((r) => fresh(s, r)))) return syncRolloutStatus(s, fresh(s, newRS), all());
  if (isComplete(s.d, asMap(s.d.status) ?? {})) cleanupHistory(s, oldRSs);
  return syncRolloutStatus(s, fresh(s, newRS), all());
}

function syncScale(s: SyncState): void {
  const { newRS, oldRSs } = getAllReplicaSets(s, false);
  scaleDeployment(s, newRS && fresh(s, newRS), oldRSs.map((r) => fresh(s, r)));
  if (asMap(s.d.spec)?.paused !== true && newRS && isComplete(s.d, asMap(s.d.status) ?? {})) cleanupHistory(s, oldRSs);
  syncDeploymentStatus(s, newRS && fresh(s, newRS), [...oldRSs.map((r) => fresh(s, r)), ...(newRS ? [fresh(s, newRS)] : [])]);
}

/** Creates the Deployment controller: ReplicaSets per template revision, RollingUpdate/Recreate rollouts, proportional scaling, status. */
export function createDeploymentController(api: ApiServer): Controller {
  return {
    name: DEPLOYMENT_CONTROLLER,
    for: 'Deployment',
    owns: ['ReplicaSet'],
    watches: [
      {
        kind: 'ReplicaSet',
        // Orphan ReplicaSets may be adopted by a Deployment whose selector matches them.
        map(rs, ctx) {
          if (controllerRef(rs)) return [];
          return ctx.store
            .list('Deployment', rs.metadata.namespace ?? 'default')
            .filter((d) => compileSelector(asMap(d.spec)?.selector).matches(rs.metadata.labels))
            .map(refOf);
        },
      },
      {
        kind: 'Pod',
        // Recreate waits for old Pods to disappear: a Pod change wakes its Deployment. As upstream, only a
        // Recreate Deployment listens to its Pods; a RollingUpdate one learns from its ReplicaSets' status.
        map(pod, ctx) {
          const rsRef = controllerRef(pod);
          if (rsRef?.kind !== 'ReplicaSet') return [];
          const namespace = pod.metadata.namespace ?? 'default';
          const rs = ctx.store.peek({ kind: 'ReplicaSet', namespace, name: rsRef.name });
          const dRef = rs ? controllerRef(rs) : undefined;
          if (dRef?.kind !== 'Deployment') return [];
          const d = ctx.store.peek({ kind: 'Deployment', namespace, name: dRef.name });
          return asMap(asMap(d?.spec)?.strategy)?.type === 'Recreate' ? [{ kind: 'Deployment', namespace, name: dRef.name }] : [];
        },
      },
    ],
    reconcile(req, ctx): ReconcileResult | void {
      // Read-only snapshots; the sync works on its own copy (s.d).
      const stored = ctx.store.peek(req);
      if (!stored || stored.metadata.deletionTimestamp) return;
      if (!compileSelector(asMap(stored.spec)?.selector).valid || !asMap(asMap(stored.spec)?.template)) return;
      const s: SyncState = { ctx, api, d: clone(stored), rsList: claimReplicaSets(ctx, stored) };
      let requeue: number | undefined;
      let rollout = false;
      if (asMap(stored.spec)?.paused === true || isScalingEvent(s)) syncScale(s);
      else {
        rollout = true;
        requeue = isRecreate(s.d) ? rolloutRecreate(s) : rolloutRolling(s);
      }
      const latest = ctx.store.peek(req);
      if (latest && (!deepEqual(latest.status, s.d.status) || !deepEqual(latest.metadata.annotations, s.d.metadata.annotations))) {
        ctx.store.update({ ...latest, metadata: { ...latest.metadata, annotations: s.d.metadata.annotations }, status: s.d.status });
      }
      // Only the latest progress-deadline check matters: earlier ones are dropped.
      if (!rollout) return undefined;
      return requeue !== undefined ? { requeueAfter: requeue, forgetRequeues: true } : { forgetRequeues: true };
    },
  };
}
