/** The Job controller (pkg/controller/job/job_controller.go syncJob, v1.34 with JobPodReplacementPolicy and JobManagedBy on). */
import type { KubeObject } from '../../../core/kube.ts';
import type { ApiServer } from '../../api/server.ts';
import { asInt, asMap, deepEqual } from '../../util.ts';
import { controllerRef } from '../owner-refs.ts';
import { isPodActive, isPodReady, virtualMs } from '../pod-status.ts';
import type { Controller, ControllerContext, ReconcileResult } from '../registry.ts';
import { finishedTime, nextBackoffRecord } from './backoff.ts';
import type { BackoffRecord } from './backoff.ts';
import { conditionsOf, ensureCondition, isJobFinished, newCondition, trueCondition } from './conditions.ts';
import type { JobCondition } from './conditions.ts';
import {
  FINISH, JOB_CONTROLLER, MSG_COMPLETED, MSG_TOO_MANY_SUCCEEDED, REASON_COMPLETED, REASON_RESUMED, REASON_SUSPENDED, REASON_TOO_MANY_SUCCEEDED, RESUMED, SUSPENDED,
} from './constants.ts';
import { completionIndex, formatIndexes, hasIndex, parseIndexes, totalIndexes, withIndexes } from './indexes.ts';
import type { Interval } from './indexes.ts';
import { claimJobPods, indexFailureCount, isPodFailed, isTerminating, isTracked, restartsOfLivePods, untrack } from './job-pods.ts';
import { readJobSpec } from './job-spec.ts';
import type { JobSpecView } from './job-spec.ts';
import { deleteJobPods, manageJob } from './manage.ts';
import { trackFinishedPods } from './tracking.ts';
import type { SyncState } from './manage.ts';
import { copyMap, refill } from '../../snapshot.ts';

export { JOB_CONTROLLER } from './constants.ts';

/** Why the Job is finishing: the interim condition type and its reason and message. */
interface Finish {
  type: 'SuccessCriteriaMet' | 'FailureTarget';
  reason: string;
  message: string;
}

const failure = (f: { reason: string; message: string }): Finish => ({ type: 'FailureTarget', ...f });

/** The last failed, still-tracked Pod of each index that waits for a replacement (getPodsWithDelayedDeletionPerIndex). */
function lastFailedByIndex(ctx: ControllerContext, pods: readonly KubeObject[], spec: JobSpecView, done: Interval[], failed: Interval[], active: readonly KubeObject[]): Map<number, KubeObject> {
  const activeIndexes = new Set(active.map(completionIndex));
  const out = new Map<number, KubeObject>();
  for (const pod of pods) {
    const ix = completionIndex(pod);
    if (!isTracked(pod) || !isPodFailed(pod, spec) || ix < 0 || ix >= (spec.completions ?? 0)) continue;
    if (hasIndex(done, ix) || hasIndex(failed, ix) || activeIndexes.has(ix)) continue;
    const prev = out.get(ix);
    if (!prev || (indexFailureCount(prev) <= indexFailureCount(pod) && finishedTime(ctx, pod) >= finishedTime(ctx, prev))) out.set(ix, pod);
  }
  return out;
}

/** Decides whether the Job fails now (backoffLimit, activeDeadlineSeconds); returns the finish and a deadline requeue. */
function failureCheck(ctx: ControllerContext, spec: JobSpecView, failed: number, pods: readonly KubeObject[], startTime: string | undefined): { finish?: Finish; requeue?: number } {
  const restarts = spec.restartPolicy === 'OnFailure' ? restartsOfLivePods(pods) : 0;
  const pastOnFailure = spec.restartPolicy === 'OnFailure' && (spec.backoffLimit === 0 ? restarts > 0 : restarts >= spec.backoffLimit);
  if (failed > spec.backoffLimit || pastOnFailure) return { finish: failure(FINISH.backoffLimitExceeded) };
  if (spec.activeDeadlineSeconds === undefined || spec.suspended || startTime === undefined) return {};
  const started = virtualMs(ctx, startTime) ?? ctx.now();
  const left = spec.activeDeadlineSeconds - (ctx.now() - started) / 1000;
  return left <= 0 ? { finish: failure(FINISH.deadlineExceeded) } : { requeue: left };
}

/** Drops the tracking finalizer of Pods whose Job is gone (the controller's orphan-Pod worker), so their deletion can finish. */
function releaseOrphans(ctx: ControllerContext, namespace: string, jobName: string): void {
  for (const pod of ctx.store.list('Pod', namespace)) {
    const ref = controllerRef(pod);
    if (ref?.kind === 'Job' && ref.name === jobName && isTracked(pod)) untrack(ctx, pod);
  }
}

/** Creates the Job controller: runs Pods to completion (NonIndexed or Indexed), counts them with the tracking finalizer, writes status and conditions. */
export function createJobController(api: ApiServer): Controller {
  // Consecutive Pod failures per Job uid (the controller's in-memory podBackoffStore).
  const backoffs = new Map<string, BackoffRecord>();
  // Failed syncs per Job uid: retried after 1 s, doubling up to 1 min (DefaultJobApiBackOff, MaxJobApiBackOff).
  const syncFailures = new Map<string, number>();
  return {
    name: JOB_CONTROLLER,
    for: 'Job',
    state: {
      save: () => ({ backoffs: copyMap(backoffs, (r) => ({ ...r })), syncFailures: copyMap(syncFailures) }),
      load(state) {
        const saved = state as { backoffs: Map<string, BackoffRecord>; syncFailures: Map<string, number> };
        refill(backoffs, saved.backoffs, (r) => ({ ...r }));
        refill(syncFailures, saved.syncFailures);
      },
    },
    owns: ['Pod'],
    reconcile(req, ctx): ReconcileResult | void {
      const job = ctx.store.get(req);
      if (!job) {
        releaseOrphans(ctx, req.namespace, req.name);
        return;
      }
      const uid = job.metadata.uid ?? '';
      const oldStatus = asMap(job.status) ?? {};
      if (isJobFinished(oldStatus)) {
        backoffs.delete(uid);
        syncFailures.delete(uid);
        return { forgetRequeues: true };
      }
      const spec = readJobSpec(job);
      if (spec.unknownMode) {
        ctx.events.record(job, { type: 'Warning', reason: 'UnknownCompletionMode', message: 'Skipped Job sync because completion mode is unknown', component: JOB_CONTROLLER });
        return;
      }
      const pods = claimJobPods(ctx, job);
      const completions = spec.completions ?? 0;
      const validIndex = (p: KubeObject): boolean => !spec.indexed || (completionIndex(p) >= 0 && completionIndex(p) < completions);
      const active = pods.filter(isPodActive);
      const terminating = pods.filter(isTerminating);
      const newSucceeded = pods.filter((p) => isTracked(p) && asMap(p.status)?.phase === 'Succeeded' && validIndex(p));
      const newFailed = pods.filter((p) => isTracked(p) && isPodFailed(p, spec) && validIndex(p));
      let succeeded = Math.max(0, asInt(oldStatus.succeeded) ?? 0) + newSucceeded.length;
      const failed = Math.max(0, asInt(oldStatus.failed) ?? 0) + newFailed.length;
      let startTime = typeof oldStatus.startTime === 'string' ? oldStatus.startTime : undefined;
      if (startTime === undefined && !spec.suspended) startTime = ctx.timestamp();
      const backoff = nextBackoffRecord(ctx, backoffs.get(uid) ?? { failuresAfterLastSuccess: 0 }, newSucceeded, newFailed);
      backoffs.set(uid, backoff);

      const conditions: JobCondition[] = conditionsOf(oldStatus).map((c) => ({ ...c }));
      let finish: Finish | undefined;
      let requeue: number | undefined;
      const met = trueCondition(conditions, 'SuccessCriteriaMet');
      const target = trueCondition(conditions, 'FailureTarget');
      if (met) finish = { type: 'SuccessCriteriaMet', reason: String(met.reason ?? ''), message: String(met.message ?? '') };
      else if (target) finish = { type: 'FailureTarget', reason: String(target.reason ?? ''), message: String(target.message ?? '') };
      else {
        const check = failureCheck(ctx, spec, failed, pods, startTime);
        finish = check.finish;
        requeue = check.requeue;
      }

      let succeededIndexes: Interval[] = [];
      let failedIndexes: Interval[] | undefined;
      if (spec.indexed) {
        succeededIndexes = withIndexes(parseIndexes(oldStatus.completedIndexes, completions), newSucceeded.map(completionIndex));
        succeeded = totalIndexes(succeededIndexes);
        if (spec.backoffLimitPerIndex !== undefined) {
          const limit = spec.backoffLimitPerIndex;
          const indexFailed = newFailed.filter((p) => indexFailureCount(p) >= limit).map(completionIndex);
          failedIndexes = withIndexes(parseIndexes(oldStatus.failedIndexes, completions), indexFailed);
          const nFailed = totalIndexes(failedIndexes);
          if (!finish && spec.maxFailedIndexes !== undefined && nFailed > spec.maxFailedIndexes) finish = failure(FINISH.maxFailedIndexesExceeded);
          else if (!finish && nFailed > 0 && nFailed + succeeded >= completions) finish = failure(FINISH.failedIndexes);
        }
      }
      const delayed = spec.backoffLimitPerIndex !== undefined ? lastFailedByIndex(ctx, pods, spec, succeededIndexes, failedIndexes ?? [], active) : new Map<number, KubeObject>();
      const state: SyncState = { job, spec, active, terminating, succeeded, succeededIndexes, lastFailedByIndex: delayed, backoff };
      if (failedIndexes) state.failedIndexes = failedIndexes;

      let activeCount = active.length;
      let ready = active.filter(isPodReady).length;
      let terminatingCount = terminating.length;
      if (finish) {
        // Finishing: active Pods go (keeping their finalizer until they are counted below).
        const { deleted, ready: deletedReady } = deleteJobPods(ctx, api, job, active, true);
        activeCount -= deleted;
        terminatingCount += deleted;
        ready -= deletedReady;
      } else {
        if (!job.metadata.deletionTimestamp) {
          const managed = manageJob(ctx, api, state);
          activeCount = managed.active;
          terminatingCount += managed.deleted;
          ready -= managed.deletedReady;
          if (managed.requeueAfter !== undefined) requeue = Math.min(requeue ?? Infinity, managed.requeueAfter);
          if (managed.failed) {
            const n = syncFailures.get(uid) ?? 0;
            syncFailures.set(uid, n + 1);
            requeue = Math.min(requeue ?? Infinity, Math.min(2 ** n, 60));
          } else syncFailures.delete(uid);
          const complete = spec.completions === undefined ? succeeded > 0 && activeCount === 0 : succeeded >= spec.completions && activeCount === 0;
          if (complete) finish = { type: 'SuccessCriteriaMet', ...FINISH.completionsReached };
          else if (spec.suspended) {
            if (ensureCondition(conditions, 'Suspended', 'True', SUSPENDED.reason, SUSPENDED.message, ctx.timestamp())) {
              ctx.events.record(job, { type: 'Normal', reason: REASON_SUSPENDED, message: SUSPENDED.message, component: JOB_CONTROLLER });
            }
          } else if (ensureCondition(conditions, 'Suspended', 'False', RESUMED.reason, RESUMED.message, ctx.timestamp())) {
            ctx.events.record(job, { type: 'Normal', reason: REASON_RESUMED, message: RESUMED.message, component: JOB_CONTROLLER });
            // activeDeadlineSeconds counts from the resume: the Job was not active while suspended.
            startTime = ctx.timestamp();
          }
        }
      }

      const status = trackFinishedPods(ctx, {
        job, spec, pods, finishing: !!finish, failing: finish?.type === 'FailureTarget', delayed: new Set([...delayed.values()].map((p) => p.metadata.uid)),
      });
      if (spec.indexed) succeededIndexes = status.succeededIndexes;

      let finalCondition: JobCondition | undefined;
      const now = ctx.timestamp();
      if (finish) {
        if (!trueCondition(conditions, finish.type)) conditions.push(newCondition(finish.type, 'True', finish.reason, finish.message, now));
        finalCondition = newCondition(finish.type === 'SuccessCriteriaMet' ? 'Complete' : 'Failed', 'True', finish.reason, finish.message, now);
      }
      // The terminal condition waits until no Pod of the Job is still terminating.
      const finished = finalCondition !== undefined && terminatingCount === 0;
      let completionTime = typeof oldStatus.completionTime === 'string' ? oldStatus.completionTime : undefined;
      if (finished && finalCondition) {
        ensureCondition(conditions, finalCondition.type, 'True', String(finalCondition.reason ?? ''), String(finalCondition.message ?? ''), now);
        if (finalCondition.type === 'Complete') completionTime = now;
      }

      const next: Record<string, unknown> = {};
      if (conditions.length > 0) next.conditions = conditions;
      if (startTime !== undefined) next.startTime = startTime;
      if (completionTime !== undefined) next.completionTime = completionTime;
      if (activeCount > 0) next.active = activeCount;
      if (status.succeeded > 0) next.succeeded = status.succeeded;
      if (status.failed > 0) next.failed = status.failed;
      next.terminating = terminatingCount;
      if (spec.indexed && succeededIndexes.length > 0) next.completedIndexes = formatIndexes(succeededIndexes);
      if (failedIndexes) next.failedIndexes = formatIndexes(failedIndexes);
      next.uncountedTerminatedPods = {};
      next.ready = Math.max(0, ready);
      const current = ctx.store.get(req);
      if (current && current.metadata.uid === uid && !deepEqual(next, current.status ?? {})) ctx.store.update({ ...current, status: next });
      if (finished && finalCondition) {
        backoffs.delete(uid);
        syncFailures.delete(uid);
        if (finalCondition.type === 'Complete') {
          if (spec.completions !== undefined && status.succeeded > spec.completions) {
            ctx.events.record(job, { type: 'Warning', reason: REASON_TOO_MANY_SUCCEEDED, message: MSG_TOO_MANY_SUCCEEDED, component: JOB_CONTROLLER });
          }
          ctx.events.record(job, { type: 'Normal', reason: REASON_COMPLETED, message: MSG_COMPLETED, component: JOB_CONTROLLER });
        } else ctx.events.record(job, { type: 'Warning', reason: String(finalCondition.reason ?? ''), message: String(finalCondition.message ?? ''), component: JOB_CONTROLLER });
        return { forgetRequeues: true };
      }
      return requeue !== undefined ? { requeueAfter: requeue } : undefined;
    },
  };
}
