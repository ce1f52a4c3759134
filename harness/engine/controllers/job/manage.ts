/** manageJob: how many Pods should run, which to delete, which indexes to start (pkg/controller/job/job_controller.go). */
import type { KubeObject } from '../../../core/kube.ts';
import type { ApiServer } from '../../api/server.ts';
import { refOf } from '../../store.ts';
import type { ControllerContext } from '../registry.ts';
import { isPodReady } from '../pod-status.ts';
import { rankForDeletion } from '../replicaset/victims.ts';
import { finishedTime, remainingBackoffSeconds } from './backoff.ts';
import type { BackoffRecord } from './backoff.ts';
import {
  JOB_CONTROLLER, MAX_POD_CREATE_DELETE_PER_SYNC, MSG_CREATE, MSG_DELETE, MSG_FAILED_CREATE, MSG_FAILED_DELETE, REASON_FAILED_CREATE,
  REASON_FAILED_DELETE, REASON_SUCCESSFUL_CREATE, REASON_SUCCESSFUL_DELETE,
} from './constants.ts';
import { completionIndex, firstPendingIndexes, withIndexes } from './indexes.ts';
import type { Interval } from './indexes.ts';
import { indexFailureCount, untrack } from './job-pods.ts';
import type { JobSpecView } from './job-spec.ts';
import { podForJob } from './pod-template.ts';
import type { PodSlot } from './pod-template.ts';

/** What one sync knows about the Job (syncJobCtx). */
export interface SyncState {
  job: KubeObject;
  spec: JobSpecView;
  active: KubeObject[];
  /** Pods being deleted, not yet terminal. */
  terminating: KubeObject[];
  succeeded: number;
  succeededIndexes: Interval[];
  failedIndexes?: Interval[];
  /** backoffLimitPerIndex: the last failed Pod of each index waiting for its replacement. */
  lastFailedByIndex: Map<number, KubeObject>;
  backoff: BackoffRecord;
}

export interface ManageResult {
  /** Active Pods after this sync's creations and deletions. */
  active: number;
  /** Ready Pods that this sync deleted. */
  deletedReady: number;
  /** Pods this sync deleted (they are terminating now). */
  deleted: number;
  requeueAfter?: number;
  /** A create or delete call failed (the sync is retried with the workqueue's back-off). */
  failed?: boolean;
}

/** Deletes Pods (tracking finalizer first, as deleteJobPods does); returns how many went and how many were Ready. */
export function deleteJobPods(ctx: ControllerContext, api: ApiServer, job: KubeObject, pods: readonly KubeObject[], keepFinalizer = false): { deleted: number; ready: number } {
  let deleted = 0;
  let ready = 0;
  for (const pod of pods) {
    if (!keepFinalizer) untrack(ctx, pod);
    // A Pod already gone counts as deleted (the API would answer NotFound, which the controller ignores).
    const res = ctx.store.get(refOf(pod)) ? api.delete(refOf(pod)) : undefined;
    if (!res || res.ok) {
      deleted++;
      if (isPodReady(pod)) ready++;
      ctx.events.record(job, { type: 'Normal', reason: REASON_SUCCESSFUL_DELETE, message: MSG_DELETE(pod.metadata.name ?? ''), component: JOB_CONTROLLER });
    } else {
      const err = res.error?.message ?? 'unknown error';
      ctx.events.record(job, { type: 'Warning', reason: REASON_FAILED_DELETE, message: MSG_FAILED_DELETE(err), component: JOB_CONTROLLER });
    }
  }
  return { deleted, ready };
}

/** activePodsForRemoval: for Indexed Jobs duplicates, out-of-range and index-less Pods first, then the cheapest ones. */
function podsForRemoval(ctx: ControllerContext, state: SyncState, atLeast: number): KubeObject[] {
  const rm: KubeObject[] = [];
  let left = state.active;
  if (state.spec.indexed) {
    left = [];
    const byIndex = new Map<number, KubeObject[]>();
    for (const pod of state.active) {
      const ix = completionIndex(pod);
      if (ix < 0 || ix >= (state.spec.completions ?? 0)) rm.push(pod);
      else byIndex.set(ix, [...(byIndex.get(ix) ?? []), pod]);
    }
    for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
      const same = byIndex.get(ix)!;
      // Of Pods sharing an index, the one the ranking would delete last stays.
      const ranked = same.length > 1 ? rankForDeletion(ctx, same, same) : same;
      rm.push(...ranked.slice(0, -1));
      left.push(ranked.at(-1)!);
    }
  }
  if (rm.length < atLeast) rm.push(...rankForDeletion(ctx, left, left).slice(0, atLeast - rm.length));
  return rm;
}

/** Chooses the slots of the Pods to create; `wait` is set when every candidate index is still backing off. */
function slotsToCreate(ctx: ControllerContext, state: SyncState, count: number): { slots: PodSlot[]; wait?: number } {
  const { spec } = state;
  if (!spec.indexed) return { slots: Array.from({ length: count }, () => ({})) };
  let nonPending = withIndexes(state.succeededIndexes, state.active.map(completionIndex).filter((i) => i >= 0));
  if (spec.onlyReplaceFailed) nonPending = withIndexes(nonPending, state.terminating.map(completionIndex).filter((i) => i >= 0));
  if (state.failedIndexes) nonPending = withIndexes(nonPending, state.failedIndexes.flatMap((iv) => Array.from({ length: iv.last - iv.first + 1 }, (_, k) => iv.first + k)));
  const indexes = firstPendingIndexes(nonPending, count, spec.completions ?? 0);
  if (spec.backoffLimitPerIndex === undefined) return { slots: indexes.map((index) => ({ index })) };
  const slots: PodSlot[] = [];
  let wait: number | undefined;
  for (const index of indexes) {
    const last = state.lastFailedByIndex.get(index);
    const failures = last ? indexFailureCount(last) + 1 : 0;
    const remaining = last ? remainingBackoffSeconds(ctx.now(), failures, finishedTime(ctx, last)) : 0;
    if (remaining === 0) slots.push({ index, failureCount: failures });
    else wait = Math.min(wait ?? Infinity, remaining);
  }
  return slots.length > 0 ? { slots } : wait === undefined ? { slots } : { slots, wait };
}

/** Creates Pods in slow-start batches of 1, 2, 4, …; stops after a batch with a failure. */
function createPods(ctx: ControllerContext, api: ApiServer, job: KubeObject, slots: readonly PodSlot[]): { created: number; failed: boolean } {
  let created = 0;
  let next = 0;
  for (let batch = 1; next < slots.length; batch *= 2) {
    const size = Math.min(batch, slots.length - next);
    let failed = false;
    for (let i = 0; i < size; i++) {
      const res = api.create(podForJob(job, slots[next + i]!));
      if (res.ok && res.object) {
        created++;
        ctx.events.record(job, { type: 'Normal', reason: REASON_SUCCESSFUL_CREATE, message: MSG_CREATE(res.object.metadata.name ?? ''), component: JOB_CONTROLLER });
      } else {
        failed = true;
        ctx.events.record(job, { type: 'Warning', reason: REASON_FAILED_CREATE, message: MSG_FAILED_CREATE(res.error?.message ?? 'unknown error'), component: JOB_CONTROLLER });
      }
    }
    next += size;
    if (failed) return { created, failed };
  }
  return { created, failed: false };
}

/** Runs manageJob: deletes surplus Pods or creates missing ones, honouring suspension and the failure back-off. */
export function manageJob(ctx: ControllerContext, api: ApiServer, state: SyncState): ManageResult {
  const { spec, job } = state;
  const active = state.active.length;
  if (spec.suspended) {
    const { deleted, ready } = deleteJobPods(ctx, api, job, rankForDeletion(ctx, state.active, state.active));
    return { active: active - deleted, deleted, deletedReady: ready };
  }
  let want: number;
  if (spec.completions === undefined) want = state.succeeded > 0 ? active : spec.parallelism;
  else want = Math.max(0, Math.min(spec.completions - state.succeeded, spec.parallelism));
  const surplus = podsForRemoval(ctx, state, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (surplus.length > 0) {
    // Deletion and creation never happen in the same sync; deletion wins.
    const { deleted, ready } = deleteJobPods(ctx, api, job, surplus);
    return { active: active - deleted, deleted, deletedReady: ready };
  }
  const terminating = spec.onlyReplaceFailed ? state.terminating.length : 0;
  const diff = Math.min(want - terminating - active, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (diff <= 0) return { active, deleted: 0, deletedReady: 0 };
  if (spec.backoffLimitPerIndex === undefined) {
    const remaining = remainingBackoffSeconds(ctx.now(), state.backoff.failuresAfterLastSuccess, state.backoff.lastFailureTime);
    // Upstream reports 0 active Pods for a sync that only waits for the back-off.
    if (remaining > 0) return { active: 0, deleted: 0, deletedReady: 0, requeueAfter: remaining };
  }
  const { slots, wait } = slotsToCreate(ctx, state, diff);
  if (slots.length === 0 && wait !== undefined) return { active: 0, deleted: 0, deletedReady: 0, requeueAfter: wait };
  const { created, failed } = createPods(ctx, api, job, slots);
  return { active: active + created, deleted: 0, deletedReady: 0, ...(failed ? { failed } : {}) };
}
