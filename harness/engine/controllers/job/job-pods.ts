/** The Pods of a Job: claiming, how each one counts, and the tracking finalizer. */
import { clone } from '../../../core/kube.ts';
import type { KubeObject } from '../../../core/kube.ts';
import { refOf } from '../../store.ts';
import { asInt, asList, asMap } from '../../util.ts';
import { compileSelector } from '../label-selector.ts';
import { controllerRef, makeControllerRef } from '../owner-refs.ts';
import type { ControllerContext } from '../registry.ts';
import { INDEX_FAILURE_COUNT_ANNOTATION, TRACKING_FINALIZER } from './constants.ts';
import type { JobSpecView } from './job-spec.ts';

const phaseOf = (pod: KubeObject): unknown => asMap(pod.status)?.phase;

/** Tells whether the Pod still carries the job-tracking finalizer (it has not been counted yet). */
export function isTracked(pod: KubeObject): boolean {
  return asList(pod.metadata.finalizers).includes(TRACKING_FINALIZER);
}

/** Tells whether a Pod counts as failed: phase Failed or, unless only failed Pods are replaced, being deleted before it succeeded. */
export function isPodFailed(pod: KubeObject, spec: JobSpecView): boolean {
  if (phaseOf(pod) === 'Failed') return true;
  if (spec.onlyReplaceFailed) return false;
  return !!pod.metadata.deletionTimestamp && phaseOf(pod) !== 'Succeeded';
}

/** Tells whether a Pod is being deleted and has not reached a terminal phase (status.terminating). */
export function isTerminating(pod: KubeObject): boolean {
  const phase = phaseOf(pod);
  return !!pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded';
}

/** Reads the index-failure-count annotation (0 when missing or not a valid int32). */
export function indexFailureCount(pod: KubeObject): number {
  const n = asInt(pod.metadata.annotations?.[INDEX_FAILURE_COUNT_ANNOTATION]);
  return n === undefined || n < 0 || n > 2147483647 ? 0 : n;
}

/** Lists the Job's Pods, adopting matching orphans (with the tracking finalizer) as the real controller does. */
export function claimJobPods(ctx: ControllerContext, job: KubeObject): KubeObject[] {
  const namespace = job.metadata.namespace ?? 'default';
  const uid = job.metadata.uid;
  const selector = compileSelector(asMap(job.spec)?.selector);
  const out: KubeObject[] = [];
  for (const pod of ctx.store.list('Pod', namespace)) {
    const ref = controllerRef(pod);
    if (ref) {
      if (ref.uid === uid) out.push(pod);
      continue;
    }
    if (job.metadata.deletionTimestamp || pod.metadata.deletionTimestamp || !selector.matches(pod.metadata.labels)) continue;
    const adopted = clone(pod);
    adopted.metadata.ownerReferences = [...asList(adopted.metadata.ownerReferences), makeControllerRef(job)] as KubeObject['metadata']['ownerReferences'];
    const phase = phaseOf(pod);
    if (phase !== 'Succeeded' && phase !== 'Failed' && !isTracked(pod)) adopted.metadata.finalizers = [...asList(pod.metadata.finalizers).filter((f): f is string => typeof f === 'string'), TRACKING_FINALIZER];
    const res = ctx.store.update(adopted);
    if (res.ok) out.push(res.object);
  }
  return out;
}

/** Removes the tracking finalizer from the stored Pod; a Pod already deleted and held only by it goes away. */
export function untrack(ctx: ControllerContext, pod: KubeObject): void {
  const current = ctx.store.get(refOf(pod));
  if (!current || current.metadata.uid !== pod.metadata.uid || !isTracked(current)) return;
  const finalizers = asList(current.metadata.finalizers).filter((f) => f !== TRACKING_FINALIZER) as string[];
  const phase = phaseOf(current);
  // The API server removes an object whose deletion only waited for finalizers; a running Pod is left to its kubelet.
  const held = !!current.metadata.deletionTimestamp && (phase === 'Succeeded' || phase === 'Failed' || !asMap(current.spec)?.nodeName);
  if (finalizers.length === 0 && held) {
    ctx.store.remove(refOf(current));
    return;
  }
  if (finalizers.length > 0) current.metadata.finalizers = finalizers;
  else delete current.metadata.finalizers;
  ctx.store.update(current);
}

/** Sums container restarts of Pending and Running Pods (the OnFailure back-off limit counts restarts, not Pods). */
export function restartsOfLivePods(pods: readonly KubeObject[]): number {
  let total = 0;
  for (const pod of pods) {
    const phase = phaseOf(pod);
    if (phase !== 'Running' && phase !== 'Pending') continue;
    const status = asMap(pod.status) ?? {};
    for (const s of [...asList(status.initContainerStatuses), ...asList(status.containerStatuses)]) total += Math.max(0, asInt(asMap(s)?.restartCount) ?? 0);
  }
  return total;
}
