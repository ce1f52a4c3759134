import type { KubeObject } from '../../core/kube.ts';
import { parseInstant } from '../clock.ts';
import { asList, asMap } from '../util.ts';
import type { ControllerContext } from './registry.ts';

/** Returns whether a Pod counts for a controller: not Succeeded/Failed and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = asMap(pod.status)?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

function readyCondition(pod: KubeObject): Record<string, unknown> | undefined {
  return asList(asMap(pod.status)?.conditions)
    .map(asMap)
    .find((c) => c?.type === 'Ready');
}

/** Returns whether the Pod's Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Converts an RFC 3339 timestamp to virtual milliseconds of this cluster (undefined when unparsable). */
export function virtualMs(ctx: ControllerContext, stamp: unknown): number | undefined {
  if (typeof stamp !== 'string') return undefined;
  const at = parseInstant(stamp);
  const epoch = parseInstant(ctx.timestamp(0));
  return at === undefined || epoch === undefined ? undefined : at - epoch;
}

/** Returns the virtual ms since which the Pod is Ready, or undefined when it is not Ready. */
export function readySince(ctx: ControllerContext, pod: KubeObject): number | undefined {
  const cond = readyCondition(pod);
  if (cond?.status !== 'True') return undefined;
  return virtualMs(ctx, cond.lastTransitionTime) ?? 0;
}

/** Returns ms until a Ready Pod becomes available (0 = available now, undefined = not Ready). */
export function msUntilAvailable(ctx: ControllerContext, pod: KubeObject, minReadySeconds: number): number | undefined {
  const since = readySince(ctx, pod);
  if (since === undefined) return undefined;
  if (minReadySeconds <= 0) return 0;
  // Kubernetes needs the instant strictly after lastTransitionTime + minReadySeconds.
  const due = since + minReadySeconds * 1000;
  return due < ctx.now() ? 0 : due - ctx.now() + 1;
}

/** Returns whether the Pod has been Ready for at least minReadySeconds. */
export function isPodAvailable(ctx: ControllerContext, pod: KubeObject, minReadySeconds: number): boolean {
  return msUntilAvailable(ctx, pod, minReadySeconds) === 0;
}
