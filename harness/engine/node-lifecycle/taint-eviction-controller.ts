import type { KubeObject, ObjectRef } from '../../core/kube.ts';
import type { ApiServer } from '../api/server.ts';
import type { Controller, ControllerContext } from '../controllers/registry.ts';
import { tolerates } from '../placement.ts';
import { setCondition } from '../pod-conditions.ts';
import { refOf } from '../store.ts';
import { asList, asMap } from '../util.ts';
import { TAINT_EVICTION_CONTROLLER } from './constants.ts';
import { podsOnNode } from './node-lifecycle-controller.ts';
import { mapState } from '../snapshot.ts';

export const EVENT_TAINT_EVICTION = 'TaintManagerEviction';
export const DISRUPTION_REASON = 'DeletionByTaintManager';
export const DISRUPTION_MESSAGE = 'Taint manager: deleting due to NoExecute taint';
/** Formats the TaintManagerEviction message. */
export const evictionMessage = (namespace: string, name: string): string => `Marking for deletion Pod ${namespace}/${name}`;

/**
 * Returns when a pod must leave its node for its NoExecute taints, counted from `since` (virtual ms):
 * -Infinity for an untolerated taint, since + the smallest matching tolerationSeconds, or undefined (never).
 */
export function evictionTime(pod: KubeObject, node: KubeObject, since: number): number | undefined {
  const tolerations = asList(asMap(pod.spec)?.tolerations).map((t) => asMap(t) ?? {});
  let at: number | undefined;
  for (const taint of noExecuteTaints(node)) {
    const matching = tolerations.filter((t) => tolerates([t], taint));
    if (matching.length === 0) return Number.NEGATIVE_INFINITY;
    // getMinTolerationTime: the smallest tolerationSeconds of the matching tolerations; none set → forever.
    const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => typeof s === 'number' && Number.isFinite(s));
    if (seconds.length === 0) continue;
    const due = since + Math.max(0, Math.min(...seconds)) * 1000;
    at = at === undefined ? due : Math.min(at, due);
  }
  return at;
}

const noExecuteTaints = (node: KubeObject): Record<string, unknown>[] =>
  asList(asMap(node.spec)?.taints)
    .map(asMap)
    .filter((t): t is Record<string, unknown> => t !== undefined && t.effect === 'NoExecute');

/**
 * Creates the taint eviction controller: deletes Pods from nodes with NoExecute taints they do not tolerate,
 * or once their tolerationSeconds (counted from when it first saw the pod on the tainted node) run out.
 */
export function createTaintEvictionController(api: ApiServer): Controller {
  // Pod uid → when this controller first saw it on a NoExecute-tainted node (upstream's scheduled eviction CreatedAt).
  const firstSeen = new Map<string, number>();
  const evict = (ctx: ControllerContext, pod: KubeObject): void => {
    const ns = pod.metadata.namespace ?? 'default';
    ctx.events.record(pod, { type: 'Normal', reason: EVENT_TAINT_EVICTION, message: evictionMessage(ns, pod.metadata.name ?? ''), component: TAINT_EVICTION_CONTROLLER });
    const marked = setCondition(pod, { type: 'DisruptionTarget', status: 'True', reason: DISRUPTION_REASON, message: DISRUPTION_MESSAGE }, ctx.timestamp());
    if (marked) ctx.store.update(marked);
    api.delete(refOf(pod));
  };
  return {
    name: TAINT_EVICTION_CONTROLLER,
    for: 'Pod',
    state: mapState(firstSeen),
    watches: [{ kind: 'Node', map: (node, ctx): ObjectRef[] => podsOnNode(ctx, node.metadata.name ?? '').map(refOf) }],
    reconcile(req, ctx) {
      // Read-only snapshots: eviction writes a new object.
      const pod = ctx.store.peek(req);
      const nodeName = pod ? asMap(pod.spec)?.nodeName : undefined;
      if (!pod || pod.metadata.deletionTimestamp || typeof nodeName !== 'string' || nodeName === '') {
        // Every new (unbound) Pod passes here: scan for gone Pods only when there is something to forget.
        if (firstSeen.size > 0) {
          const live = new Set(ctx.store.list('Pod').map((p) => p.metadata.uid));
          for (const uid of [...firstSeen.keys()]) if (!live.has(uid)) firstSeen.delete(uid);
        }
        return { forgetRequeues: true };
      }
      const phase = asMap(pod.status)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') return { forgetRequeues: true };
      const node = ctx.store.peek({ kind: 'Node', namespace: '', name: nodeName });
      if (!node) return { forgetRequeues: true };
      const uid = pod.metadata.uid ?? '';
      if (noExecuteTaints(node).length === 0) {
        firstSeen.delete(uid);
        return { forgetRequeues: true };
      }
      if (!firstSeen.has(uid)) firstSeen.set(uid, ctx.now());
      const at = evictionTime(pod, node, firstSeen.get(uid) ?? ctx.now());
      if (at === undefined) return { forgetRequeues: true };
      if (at <= ctx.now()) {
        evict(ctx, pod);
        return { forgetRequeues: true };
      }
      return { requeueAfter: (at - ctx.now()) / 1000 };
    },
  };
}
