import type { ObjectRef } from '../core/kube.ts';
import type { Controller, ControllerContext } from './controllers/registry.ts';
import { refOf } from './store.ts';
import { isTerminated } from './placement.ts';
import { createSchedulerCache } from './scheduler-cache.ts';
import { asList, asMap } from './util.ts';
import { setCondition } from './pod-conditions.ts';
import { DEFAULT_FILTERS, DEFAULT_SCORERS } from './scheduling/profile.ts';
import { scheduleOne, type NodeFailure, type Profile } from './scheduling/schedule-one.ts';

export const SCHEDULER_NAME = 'default-scheduler';
export const REASON_SCHEDULED = 'Scheduled';
export const REASON_FAILED_SCHEDULING = 'FailedScheduling';
export const MSG_NO_NODES = 'no nodes available to schedule pods';
/** FitError ends with the postfilter message plus a final '.', the classic double period (k8s-semantics §4). */
export const FIT_ERROR_SUFFIX = '.';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** Filters whose verdict can change when another Pod is bound or relabelled (their failures are retried then). */
const POD_SENSITIVE_PLUGINS = new Set(['PodTopologySpread', 'InterPodAffinity']);

/** The default profile (filters in order, score plugins with weights). */
export const DEFAULT_PROFILE: Profile = { filters: DEFAULT_FILTERS, scorers: DEFAULT_SCORERS };

function countList(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/** Builds the FitError message (framework/types.go) from each node's failing reasons; resolvable failures get the preemption dry-run's answer. */
export function fitErrorMessage(total: number, failures: { reasons: string[]; resolvable: boolean }[]): string {
  if (total === 0) return MSG_NO_NODES;
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    // Every Pod here has the same priority, so preemption finds no victims where it could help at all.
    const p = f.resolvable ? NO_VICTIMS : NOT_HELPFUL;
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  return `0/${total} nodes are available: ${countList(reasons)}. preemption: 0/${total} nodes are available: ${countList(preemption)}.${FIT_ERROR_SUFFIX}`;
}

function sameLabels(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => a[k] === b[k]);
}

/** Creates the scheduler controller (filter → score → bind) with FailedScheduling retries on cluster changes. */
export function createScheduler(profile: Profile = DEFAULT_PROFILE): Controller {
  const cache = createSchedulerCache();
  const attempts = new Map<string, number>();
  const unschedulable = new Map<string, { ref: ObjectRef; podSensitive: boolean }>();
  // Where the next filter pass starts (upstream nextStartNodeIndex), so every node gets examined in turn.
  let nextStart = 0;

  const retry = (enqueue: (ref: ObjectRef, after?: number) => void, onlyPodSensitive: boolean): void => {
    for (const [uid, { ref, podSensitive }] of [...unschedulable.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (onlyPodSensitive && !podSensitive) continue;
      const n = attempts.get(uid) ?? 1;
      enqueue(ref, Math.min(10, 2 ** Math.max(0, n - 1)));
    }
  };

  return {
    name: 'scheduler',
    for: 'Pod',
    state: {
      save: () => ({ cache: cache.save(), attempts: [...attempts], unschedulable: [...unschedulable], nextStart }),
      load(state) {
        const saved = state as { cache: unknown; attempts: [string, number][]; unschedulable: [string, { ref: ObjectRef; podSensitive: boolean }][]; nextStart: number };
        cache.load(saved.cache);
        attempts.clear();
        for (const [uid, n] of saved.attempts) attempts.set(uid, n);
        unschedulable.clear();
        for (const [uid, u] of saved.unschedulable) unschedulable.set(uid, u);
        nextStart = saved.nextStart;
      },
    },
    onChange(entry, enqueue) {
      const obj = entry.object;
      const uid = obj.metadata.uid ?? '';
      const before = obj.kind === 'Pod' ? cache.placement(uid) : undefined;
      cache.observe(entry);
      if (obj.kind === 'Node') retry(enqueue, false);
      if (obj.kind !== 'Pod') return;
      if (entry.type === 'DELETED' || isTerminated(obj)) retry(enqueue, false);
      else {
        // A Pod bound or relabelled can satisfy another Pod's affinity or spread constraint.
        const after = cache.placement(uid);
        if (after && (!before || before.node !== after.node || !sameLabels(before.info.labels, after.info.labels))) retry(enqueue, true);
      }
    },
    reconcile(req, ctx: ControllerContext) {
      cache.sync(ctx.store);
      // The cache holds the stored (frozen) object: reading it saves a deep copy per cycle.
      const pod = cache.pod(req.namespace, req.name);
      const spec = asMap(pod?.spec);
      if (!pod || !spec || pod.metadata.deletionTimestamp || isTerminated(pod)) {
        for (const [uid, { ref }] of unschedulable) if (ref.name === req.name && ref.namespace === req.namespace) unschedulable.delete(uid);
        return;
      }
      const uid = pod.metadata.uid ?? '';
      if ((typeof spec.nodeName === 'string' && spec.nodeName !== '') || (spec.schedulerName ?? SCHEDULER_NAME) !== SCHEDULER_NAME) {
        unschedulable.delete(uid);
        return;
      }
      if (asList(spec.schedulingGates).length > 0) {
        const next = setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'SchedulingGated', message: 'Scheduling is blocked due to non-empty scheduling gates' }, ctx.timestamp());
        if (next) ctx.store.update(next);
        return;
      }
      const { result, processed } = scheduleOne(pod, cache, profile, ctx.random, nextStart);
      const total = cache.nodes().length;
      if (total > 0) nextStart = (nextStart + processed) % total;
      if (!result.node) {
        const message = fitErrorMessage(
          result.numAllNodes,
          result.failures.map((f: NodeFailure) => ({ reasons: f.failure.reasons, resolvable: f.failure.code === 'Unschedulable' })),
        );
        attempts.set(uid, (attempts.get(uid) ?? 0) + 1);
        unschedulable.set(uid, { ref: refOf(pod), podSensitive: result.failures.some((f) => POD_SENSITIVE_PLUGINS.has(f.plugin)) });
        ctx.events.record(pod, { type: 'Warning', reason: REASON_FAILED_SCHEDULING, message, component: SCHEDULER_NAME });
        const next = setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, ctx.timestamp());
        if (next) ctx.store.update(next);
        return;
      }
      const chosen = result.node.name;
      unschedulable.delete(uid);
      attempts.delete(uid);
      const bound = { ...(setCondition(pod, { type: 'PodScheduled', status: 'True' }, ctx.timestamp()) ?? pod) };
      bound.spec = { ...bound.spec, nodeName: chosen };
      const res = ctx.store.update(bound);
      if (res.ok) {
        ctx.events.record(res.object, {
          type: 'Normal',
          reason: REASON_SCHEDULED,
          message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${chosen}`,
          component: SCHEDULER_NAME,
        });
      }
    },
  };
}
