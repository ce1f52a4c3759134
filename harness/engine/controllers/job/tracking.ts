/** trackJobStatusAndRemoveFinalizers: each finished Pod is counted once, then loses the tracking finalizer. */
import type { KubeObject } from '../../../core/kube.ts';
import { asInt, asMap } from '../../util.ts';
import type { ControllerContext } from '../registry.ts';
import { completionIndex, hasIndex, parseIndexes, totalIndexes, withIndexes } from './indexes.ts';
import type { Interval } from './indexes.ts';
import { isPodFailed, isTracked, untrack } from './job-pods.ts';
import type { JobSpecView } from './job-spec.ts';

export interface TrackingInput {
  job: KubeObject;
  spec: JobSpecView;
  pods: readonly KubeObject[];
  /** The Job is finishing (SuccessCriteriaMet or FailureTarget): every tracked Pod is released. */
  finishing: boolean;
  /** It is failing: Pods that did not succeed count as failed. */
  failing: boolean;
  /** Failed Pods whose finalizer stays until their index has a replacement (backoffLimitPerIndex). */
  delayed: ReadonlySet<string | undefined>;
}

export interface Counts {
  succeeded: number;
  failed: number;
  /** Indexed Jobs: the completed indexes. */
  succeededIndexes: Interval[];
}

/** Counts newly finished Pods into the Job's status counters and drops their finalizers; returns the new counters. */
export function trackFinishedPods(ctx: ControllerContext, input: TrackingInput): Counts {
  const { job, spec, pods } = input;
  const status = asMap(job.status) ?? {};
  const completions = spec.completions ?? 0;
  const validIndex = (p: KubeObject): boolean => !spec.indexed || (completionIndex(p) >= 0 && completionIndex(p) < completions);
  let succeeded = Math.max(0, asInt(status.succeeded) ?? 0);
  let failed = Math.max(0, asInt(status.failed) ?? 0);
  const prevSucceeded = parseIndexes(status.completedIndexes, completions);
  const newIndexes: number[] = [];
  // Indexed Jobs add completed indexes in order.
  const ordered = spec.indexed ? [...pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : pods;
  for (const pod of ordered) {
    if (!isTracked(pod)) continue;
    const podFailed = isPodFailed(pod, spec);
    const podSucceeded = asMap(pod.status)?.phase === 'Succeeded';
    const removable = !!job.metadata.deletionTimestamp || input.finishing || podSucceeded || (podFailed && !input.delayed.has(pod.metadata.uid));
    if (!removable) continue;
    if (podSucceeded) {
      const ix = completionIndex(pod);
      if (!spec.indexed) succeeded++;
      else if (validIndex(pod) && !hasIndex(prevSucceeded, ix)) newIndexes.push(ix);
    } else if ((podFailed || input.failing) && validIndex(pod)) failed++;
    untrack(ctx, pod);
  }
  const succeededIndexes = spec.indexed ? withIndexes(prevSucceeded, newIndexes) : [];
  if (spec.indexed) succeeded = totalIndexes(succeededIndexes);
  return { succeeded, failed, succeededIndexes };
}
