import type { KubeObject } from '../../../core/kube.ts';
import { asInt, asMap } from '../../util.ts';
import { virtualMs } from '../pod-status.ts';
import type { Condition } from './conditions.ts';
import { conditionsOf, getCondition, MESSAGE, newCondition, REASON, removeCondition, setCondition } from './conditions.ts';
import type { SyncState } from './replica-sets.ts';
import { desired, maxUnavailableOf, sumReplicas, sumStatus, statusOf } from './replica-sets.ts';

/** Computes the Deployment status from its ReplicaSets, with the Available condition (calculateStatus). */
export function calculateStatus(s: SyncState, newRS: KubeObject | undefined, all: KubeObject[]): Record<string, unknown> {
  const old = asMap(s.d.status) ?? {};
  const available = sumStatus(all, 'availableReplicas');
  const total = sumReplicas(all);
  const status: Record<string, unknown> = {
    observedGeneration: s.d.metadata.generation ?? 1,
    replicas: sumStatus(all, 'replicas'),
    updatedReplicas: statusOf(newRS, 'replicas'),
    readyReplicas: sumStatus(all, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  // The API omits zero counters (omitempty), as `kubectl get -o yaml` shows.
  for (const key of Object.keys(status)) if (status[key] === 0) delete status[key];
  const collision = asInt(old.collisionCount);
  if (collision !== undefined) status.collisionCount = collision;
  let conditions = conditionsOf(old);
  const now = s.ctx.timestamp();
  conditions =
    available >= desired(s.d) - maxUnavailableOf(s.d)
      ? setCondition(conditions, newCondition('Available', 'True', REASON.minAvailable, MESSAGE.available, now))
      : setCondition(conditions, newCondition('Available', 'False', REASON.minUnavailable, MESSAGE.unavailable, now));
  status.conditions = conditions;
  return status;
}

/** Returns whether a status shows the rollout complete (DeploymentComplete). */
export function isComplete(d: KubeObject, status: Record<string, unknown>): boolean {
  const want = desired(d);
  const n = (v: unknown): number => asInt(v) ?? 0;
  return n(status.updatedReplicas) === want && n(status.replicas) === want && n(status.availableReplicas) === want && n(status.observedGeneration) >= (d.metadata.generation ?? 1);
}

function isProgressing(d: KubeObject, next: Record<string, unknown>): boolean {
  const old = asMap(d.status) ?? {};
  const n = (v: unknown): number => asInt(v) ?? 0;
  const oldOld = n(old.replicas) - n(old.updatedReplicas);
  const newOld = n(next.replicas) - n(next.updatedReplicas);
  return n(next.updatedReplicas) > n(old.updatedReplicas) || newOld < oldOld || n(next.readyReplicas) > n(old.readyReplicas) || n(next.availableReplicas) > n(old.availableReplicas);
}

const deadlineOf = (d: KubeObject): number | undefined => {
  const v = asInt(asMap(d.spec)?.progressDeadlineSeconds);
  return v === undefined || v >= 2147483647 ? undefined : Math.max(0, v);
};

function timedOut(s: SyncState, conditions: Condition[]): boolean {
  const deadline = deadlineOf(s.d);
  const cond = getCondition(conditions, 'Progressing');
  if (deadline === undefined || !cond) return false;
  if (cond.reason === REASON.newRSAvailable) return false;
  if (cond.reason === REASON.timedOut) return true;
  const from = virtualMs(s.ctx, cond.lastUpdateTime) ?? 0;
  return from + deadline * 1000 < s.ctx.now();
}

function replicaFailure(all: KubeObject[]): Condition | undefined {
  for (const rs of all) {
    const c = conditionsOf(rs.status).find((x) => x.type === 'ReplicaFailure' && x.status === 'True');
    if (c) return { ...c, lastUpdateTime: c.lastTransitionTime };
  }
  return undefined;
}

/** Updates status and the Progressing condition; returns seconds until the progress deadline should be re-checked (syncRolloutStatus). */
export function syncRolloutStatus(s: SyncState, newRS: KubeObject | undefined, all: KubeObject[]): number | undefined {
  const status = calculateStatus(s, newRS, all);
  let conditions = status.conditions as Condition[];
  const deadline = deadlineOf(s.d);
  const now = s.ctx.timestamp();
  const rsName = newRS?.metadata.name;
  if (deadline === undefined) conditions = removeCondition(conditions, 'Progressing');
  else {
    const current = getCondition(conditions, 'Progressing');
    if (current?.reason !== REASON.timedOut) {
      if (isComplete(s.d, status)) {
        conditions = setCondition(conditions, newCondition('Progressing', 'True', REASON.newRSAvailable, MESSAGE.complete(rsName ?? ''), now));
      } else if (isProgressing(s.d, status)) {
        const msg = rsName ? MESSAGE.progressing(rsName) : MESSAGE.deploymentProgressing(s.d.metadata.name ?? '');
        const cond = newCondition('Progressing', 'True', REASON.rsUpdated, msg, now);
        // Progressing is refreshed (lastUpdateTime) on every bit of progress, keeping its transition time.
        if (current?.status === 'True') cond.lastTransitionTime = current.lastTransitionTime;
        conditions = [...removeCondition(conditions, 'Progressing'), cond];
      } else if (timedOut(s, conditions)) {
        const msg = rsName ? MESSAGE.timedOut(rsName) : MESSAGE.deploymentTimedOut(s.d.metadata.name ?? '');
        conditions = setCondition(conditions, newCondition('Progressing', 'False', REASON.timedOut, msg, now));
      }
    }
  }
  const failure = replicaFailure(all);
  conditions = failure ? setCondition(conditions, failure) : removeCondition(conditions, 'ReplicaFailure');
  status.conditions = conditions;
  s.d.status = status;
  return stuckRequeue(s, status, conditions, deadline);
}

function stuckRequeue(s: SyncState, status: Record<string, unknown>, conditions: Condition[], deadline: number | undefined): number | undefined {
  const cond = getCondition(conditions, 'Progressing');
  if (deadline === undefined || !cond || cond.reason === REASON.newRSAvailable || cond.reason === REASON.timedOut) return undefined;
  if (isComplete(s.d, status)) return undefined;
  const from = virtualMs(s.ctx, cond.lastUpdateTime) ?? 0;
  // One tick past the deadline: timedOut needs strictly later than lastUpdateTime + deadline.
  return Math.max(0.001, (from + deadline * 1000 - s.ctx.now() + 1) / 1000);
}

/** Updates status for scaling and paused syncs (syncDeploymentStatus): no Progressing changes. */
export function syncDeploymentStatus(s: SyncState, newRS: KubeObject | undefined, all: KubeObject[]): void {
  s.d.status = calculateStatus(s, newRS, all);
}
