import { clone } from '../../core/kube.ts';
import type { KubeObject, ObjectRef } from '../../core/kube.ts';
import type { ApiServer } from '../api/server.ts';
import type { Controller, ControllerContext } from '../controllers/registry.ts';
import { setCondition } from '../pod-conditions.ts';
import { refOf } from '../store.ts';
import { asList, asMap } from '../util.ts';
import { POD_GC_CONTROLLER, POD_GC_PERIOD_SECONDS, POD_GC_QUARANTINE_SECONDS, TAINT_OUT_OF_SERVICE } from './constants.ts';
import { nodeReadyStatus, podsOnNode } from './node-lifecycle-controller.ts';
import { mapState } from '../snapshot.ts';

const PERIOD_MS = POD_GC_PERIOD_SECONDS * 1000;
export const DISRUPTION_REASON_POD_GC = 'DeletionByPodGC';
export const DISRUPTION_MESSAGE_NODE_GONE = 'PodGC: node no longer exists';

/** Returns the first PodGC tick at or after `ms` (ticks fall on multiples of 20s since the cluster's start). */
export function nextGcTick(ms: number): number {
  return Math.ceil(Math.max(0, ms) / PERIOD_MS) * PERIOD_MS;
}

/** Returns whether PodGC force-deletes a terminating pod on this node (not Ready and tainted out-of-service). */
export function outOfService(node: KubeObject): boolean {
  const tainted = asList(asMap(node.spec)?.taints).some((t) => asMap(t)?.key === TAINT_OUT_OF_SERVICE);
  return tainted && nodeReadyStatus(node) !== 'True';
}

/**
 * Creates PodGC: on its 20s ticks it force-deletes Pods bound to a Node missing for 40s (phase Failed,
 * DisruptionTarget/DeletionByPodGC first) and terminating Pods on not-Ready nodes tainted out-of-service.
 */
export function createPodGcController(api: ApiServer): Controller {
  // Node name → the tick at which PodGC first saw it missing (its quarantine start), as upstream's nodeQueue.
  const missingSince = new Map<string, number>();

  const forceDelete = (ctx: ControllerContext, pod: KubeObject, condition?: { reason: string; message: string }): void => {
    let next: KubeObject = clone(pod);
    const phase = asMap(pod.status)?.phase;
    if (phase !== 'Succeeded' && phase !== 'Failed') next.status = { ...(asMap(pod.status) ?? {}), phase: 'Failed' };
    if (condition) next = setCondition(next, { type: 'DisruptionTarget', status: 'True', ...condition }, ctx.timestamp()) ?? next;
    ctx.store.update(next);
    api.delete(refOf(pod), { gracePeriodSeconds: 0 });
  };

  return {
    name: POD_GC_CONTROLLER,
    state: mapState(missingSince),
    for: 'Pod',
    watches: [{ kind: 'Node', map: (node, ctx): ObjectRef[] => podsOnNode(ctx, node.metadata.name ?? '').map(refOf) }],
    reconcile(req, ctx) {
      // Read-only snapshots: forceDelete writes a copy.
      const pod = ctx.store.peek(req);
      const nodeName = pod ? asMap(pod.spec)?.nodeName : undefined;
      if (!pod || typeof nodeName !== 'string' || nodeName === '') return { forgetRequeues: true };
      const node = ctx.store.peek({ kind: 'Node', namespace: '', name: nodeName });
      const now = ctx.now();
      if (node) {
        missingSince.delete(nodeName);
        if (!pod.metadata.deletionTimestamp || !outOfService(node)) return { forgetRequeues: true };
        const tick = nextGcTick(now);
        if (tick > now) return { requeueAfter: (tick - now) / 1000 };
        forceDelete(ctx, pod);
        return { forgetRequeues: true };
      }
      if (!missingSince.has(nodeName)) missingSince.set(nodeName, nextGcTick(now));
      const due = (missingSince.get(nodeName) ?? now) + POD_GC_QUARANTINE_SECONDS * 1000;
      if (due > now) return { requeueAfter: (due - now) / 1000 };
      forceDelete(ctx, pod, { reason: DISRUPTION_REASON_POD_GC, message: DISRUPTION_MESSAGE_NODE_GONE });
      return { forgetRequeues: true };
    },
  };
}
