import { clone } from '../../core/kube.ts';
import type { KubeObject } from '../../core/kube.ts';
import type { Controller, ControllerContext } from '../controllers/registry.ts';
import { asList, asMap, deepEqual } from '../util.ts';
import { NODE_INDEX } from '../store-indexes.ts';
import type { NodeHealth } from './node-health.ts';
import {
  HEALTHY_NODE_CONDITIONS,
  NODE_CONTROLLER,
  NODE_MONITOR_GRACE_SECONDS,
  NODE_STATUS_UNKNOWN_MESSAGE,
  NODE_STATUS_UNKNOWN_REASON,
  TAINT_NOT_READY,
  TAINT_UNREACHABLE,
} from './constants.ts';

type Condition = Record<string, unknown>;

export const EVENT_NODE_NOT_READY = 'NodeNotReady';
export const EVENT_NODE_READY = 'NodeReady';
export const MESSAGE_POD_NODE_NOT_READY = 'Node is not ready';
/** Formats the node event message of RecordNodeStatusChange. */
export const nodeStatusMessage = (node: string, status: string): string => `Node ${node} status is now: ${status}`;

/** Returns the Node's Ready condition status (`True`, `False`, `Unknown`), or undefined when it has none. */
export function nodeReadyStatus(node: KubeObject): string | undefined {
  const ready = asList(asMap(node.status)?.conditions).map(asMap).find((c) => c?.type === 'Ready');
  return typeof ready?.status === 'string' ? ready.status : undefined;
}

/** Lists the Pods bound to a node by name (sorted by namespace, then name). */
export function podsOnNode(ctx: ControllerContext, node: string): KubeObject[] {
  return ctx.store.byIndex(NODE_INDEX, node);
}

/** Sets each wanted condition, keeping lastTransitionTime unless status changed; heartbeat is the given time. */
function withConditions(old: Condition[], wanted: readonly { type: string; status: string; reason: string; message: string }[], now: string, heartbeat?: string): Condition[] {
  const byType = new Map(old.map((c) => [String(c.type), c]));
  const same = wanted.every((w) => {
    const c = byType.get(w.type);
    return c !== undefined && c.status === w.status && c.reason === w.reason && c.message === w.message;
  });
  if (same) return old;
  const others = old.filter((c) => !wanted.some((w) => w.type === c.type));
  return [
    ...others,
    ...wanted.map((w) => {
      const c = byType.get(w.type);
      return {
        type: w.type,
        status: w.status,
        lastHeartbeatTime: heartbeat ?? c?.lastHeartbeatTime ?? now,
        lastTransitionTime: c !== undefined && c.status === w.status ? c.lastTransitionTime : now,
        reason: w.reason,
        message: w.message,
      };
    }),
  ];
}

const isLifecycleTaint = (t: Record<string, unknown> | undefined): boolean => t?.key === TAINT_UNREACHABLE || t?.key === TAINT_NOT_READY;

/** Returns the node's taints with the unreachable taints added (true) or the lifecycle taints removed (false). */
function withTaints(node: KubeObject, unreachable: boolean, now: string): unknown[] {
  const taints = asList(asMap(node.spec)?.taints);
  if (!unreachable) return taints.filter((t) => !isLifecycleTaint(asMap(t)));
  const has = (effect: string): boolean => taints.some((t) => asMap(t)?.key === TAINT_UNREACHABLE && asMap(t)?.effect === effect);
  const kept = taints.filter((t) => !(asMap(t)?.key === TAINT_NOT_READY));
  if (!has('NoExecute')) kept.push({ key: TAINT_UNREACHABLE, effect: 'NoExecute', timeAdded: now });
  if (!has('NoSchedule')) kept.push({ key: TAINT_UNREACHABLE, effect: 'NoSchedule' });
  return kept;
}

/** Sets Ready=False on every Pod of the node whose Ready condition says otherwise (MarkPodsNotReady), with a NodeNotReady event. */
function markPodsNotReady(ctx: ControllerContext, node: string): void {
  for (const pod of podsOnNode(ctx, node)) {
    const conditions = asList(asMap(pod.status)?.conditions).map((c) => asMap(c) ?? {});
    const ready = conditions.find((c) => c.type === 'Ready');
    if (!ready || ready.status === 'False') continue;
    const next = clone(pod);
    next.status = { ...(asMap(pod.status) ?? {}), conditions: conditions.map((c) => (c === ready ? { ...c, status: 'False', lastTransitionTime: ctx.timestamp() } : c)) };
    if (ctx.store.update(next).ok) ctx.events.record(pod, { type: 'Warning', reason: EVENT_NODE_NOT_READY, message: MESSAGE_POD_NODE_NOT_READY, component: NODE_CONTROLLER });
  }
}

/**
 * Creates the node lifecycle controller: a Node whose kubelet stopped goes Ready=Unknown after the grace
 * period, gets the unreachable taints and its Pods Ready=False; a kubelet back posts Ready again.
 */
export function createNodeLifecycleController(health: NodeHealth): Controller {
  return {
    name: NODE_CONTROLLER,
    for: 'Node',
    watches: [
      {
        kind: 'Pod',
        map: (pod) => {
          const node = asMap(pod.spec)?.nodeName;
          return typeof node === 'string' && health.stoppedAt(node) !== undefined ? [{ kind: 'Node', namespace: '', name: node }] : [];
        },
      },
    ],
    reconcile(req, ctx) {
      const node = ctx.store.get(req);
      if (!node) return { forgetRequeues: true };
      const name = node.metadata.name ?? '';
      const stoppedAt = health.stoppedAt(name);
      const now = ctx.timestamp();
      const conditions = asList(asMap(node.status)?.conditions).map((c) => asMap(c) ?? {});
      const next = clone(node);
      if (stoppedAt !== undefined) {
        const deadline = stoppedAt + NODE_MONITOR_GRACE_SECONDS * 1000;
        if (ctx.now() < deadline) return { requeueAfter: (deadline - ctx.now()) / 1000 };
        const unknown = HEALTHY_NODE_CONDITIONS.map((c) => ({ type: c.type, status: 'Unknown', reason: NODE_STATUS_UNKNOWN_REASON, message: NODE_STATUS_UNKNOWN_MESSAGE }));
        const wasReady = nodeReadyStatus(node) === 'True';
        next.status = { ...(asMap(node.status) ?? {}), conditions: withConditions(conditions, unknown, now) };
        next.spec = { ...(asMap(node.spec) ?? {}), taints: withTaints(node, true, now) };
        if (!deepEqual(next, node) && ctx.store.update(next).ok && wasReady) {
          ctx.events.record(node, { type: 'Normal', reason: EVENT_NODE_NOT_READY, message: nodeStatusMessage(name, EVENT_NODE_NOT_READY), component: NODE_CONTROLLER });
        }
        markPodsNotReady(ctx, name);
        return { forgetRequeues: true };
      }
      const wasReady = nodeReadyStatus(node) === 'True';
      next.status = { ...(asMap(node.status) ?? {}), conditions: withConditions(conditions, HEALTHY_NODE_CONDITIONS, now, now) };
      const taints = withTaints(node, false, now);
      const spec = { ...(asMap(node.spec) ?? {}) };
      if (taints.length > 0) spec.taints = taints;
      else delete spec.taints;
      next.spec = spec;
      if (!deepEqual(next, node) && ctx.store.update(next).ok && !wasReady) {
        ctx.events.record(node, { type: 'Normal', reason: EVENT_NODE_READY, message: nodeStatusMessage(name, EVENT_NODE_READY), component: 'kubelet', host: name });
      }
      return { forgetRequeues: true };
    },
  };
}

