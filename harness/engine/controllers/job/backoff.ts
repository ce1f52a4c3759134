/** Pod-failure back-off of the Job controller (pkg/controller/job/backoff_utils.go). */
import type { KubeObject } from '../../../core/kube.ts';
import { asList, asMap } from '../../util.ts';
import { virtualMs } from '../pod-status.ts';
import type { ControllerContext } from '../registry.ts';
import { MAX_POD_FAILURE_BACKOFF_SECONDS, POD_FAILURE_BACKOFF_SECONDS } from './constants.ts';

/** Failures since the last success and when the last of them happened (virtual ms). */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureTime?: number;
}

/** Returns when a Pod finished: its containers' last finishedAt, else Ready=False, else deletion, else creation (virtual ms). */
export function finishedTime(ctx: ControllerContext, pod: KubeObject): number {
  const statuses = asList(asMap(pod.status)?.containerStatuses).map(asMap);
  let latest: number | undefined;
  let allDone = statuses.length > 0;
  for (const s of statuses) {
    const at = virtualMs(ctx, asMap(asMap(s?.state)?.terminated)?.finishedAt);
    if (at === undefined) {
      allDone = false;
      break;
    }
    latest = Math.max(latest ?? at, at);
  }
  if (allDone && latest !== undefined) return latest;
  const ready = asList(asMap(pod.status)?.conditions).map(asMap).find((c) => c?.type === 'Ready');
  const readyAt = ready?.status === 'False' ? virtualMs(ctx, ready.lastTransitionTime) : undefined;
  if (readyAt !== undefined) return readyAt;
  const deletedAt = virtualMs(ctx, pod.metadata.deletionTimestamp);
  if (deletedAt !== undefined) return deletedAt - (pod.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return virtualMs(ctx, pod.metadata.creationTimestamp) ?? 0;
}

/** Updates the record with newly counted Pods: a success resets it, later failures count (newBackoffRecord). */
export function nextBackoffRecord(ctx: ControllerContext, old: BackoffRecord, succeeded: readonly KubeObject[], failed: readonly KubeObject[]): BackoffRecord {
  const failTimes = failed.map((p) => finishedTime(ctx, p)).sort((a, b) => a - b);
  if (succeeded.length === 0) {
    if (failTimes.length === 0) return old;
    return { failuresAfterLastSuccess: old.failuresAfterLastSuccess + failTimes.length, lastFailureTime: failTimes.at(-1)! };
  }
  const lastSuccess = Math.max(...succeeded.map((p) => finishedTime(ctx, p)));
  const after = failTimes.filter((t) => t > lastSuccess);
  return after.length === 0 ? { failuresAfterLastSuccess: 0 } : { failuresAfterLastSuccess: after.length, lastFailureTime: after.at(-1)! };
}

/** Returns the seconds to wait before creating Pods after `failures` consecutive failures, the last at `lastFailure` ms. */
export function remainingBackoffSeconds(now: number, failures: number, lastFailure: number | undefined): number {
  if (failures <= 0 || lastFailure === undefined) return 0;
  let backoff = POD_FAILURE_BACKOFF_SECONDS;
  for (let i = 1; i < failures; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_SECONDS) {
      backoff = MAX_POD_FAILURE_BACKOFF_SECONDS;
      break;
    }
  }
  const elapsed = (now - lastFailure) / 1000;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
