import type { KubeObject, ObjectRef } from '../core/kube.ts';
import type { Controller, ControllerContext } from './controllers/registry.ts';
import { refOf } from './store.ts';
import type { NodeState } from './placement.ts';
import { cachedRequests, hostPortConflict, insufficientResources, isTerminated, matchesNodeAffinity, untoleratedTaint } from './placement.ts';
import { createSchedulerCache, groupOf } from './scheduler-cache.ts';
import { asList, asMap } from './util.ts';
import { setCondition } from './pod-conditions.ts';

export const SCHEDULER_NAME = 'default-scheduler';
export const REASON_SCHEDULED = 'Scheduled';
export const REASON_FAILED_SCHEDULING = 'FailedScheduling';
export const MSG_NO_NODES = 'no nodes available to schedule pods';
/** FitError ends with the postfilter message plus a final '.', the classic double period (k8s-semantics §4). */
export const FIT_ERROR_SUFFIX = '.';
export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const NOT_HELPFUL = 'Preemption is not helpful for scheduling';

/** One filter plugin: returns the reasons the node fails (empty = passes). */
export interface FilterPlugin {
  name: string;
  /** Whether preemption could resolve this plugin's failures (only resource shortfalls). */
  resolvable: boolean;
  filter(pod: KubeObject, state: NodeState): string[];
}

/** Filters in the default plugin order; a node stops at its first failing plugin. */
export const FILTER_PLUGINS: FilterPlugin[] = [
  {
    name: 'NodeUnschedulable',
    resolvable: false,
    filter: (pod, s) =>
      asMap(s.node.spec)?.unschedulable === true && untoleratedTaint(pod, { ...s.node, spec: { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] } }) !== undefined
        ? ['node(s) were unschedulable']
        : [],
  },
  {
    name: 'NodeName',
    resolvable: false,
    filter: (pod, s) => {
      const want = asMap(pod.spec)?.nodeName;
      return typeof want === 'string' && want !== '' && want !== s.name ? ["node(s) didn't match the requested node name"] : [];
    },
  },
  {
    name: 'TaintToleration',
    resolvable: false,
    filter: (pod, s) => {
      const taint = untoleratedTaint(pod, s.node);
      return taint ? [`node(s) had untolerated taint {${String(taint.key)}: ${String(taint.value ?? '')}}`] : [];
    },
  },
  { name: 'NodeAffinity', resolvable: false, filter: (pod, s) => (matchesNodeAffinity(pod, s.node) ? [] : ["node(s) didn't match Pod's node affinity/selector"]) },
  { name: 'NodePorts', resolvable: false, filter: (pod, s) => (hostPortConflict(pod, s) ? ["node(s) didn't have free ports for the requested pod ports"] : []) },
  { name: 'NodeResourcesFit', resolvable: true, filter: (pod, s) => insufficientResources(pod, s) },
];

function countList(counts: Map<string, number>): string {
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort()
    .join(', ');
}

/** Builds the FitError message (framework/types.go) from each node's failing reasons. */
export function fitErrorMessage(total: number, failures: { reasons: string[]; resolvable: boolean }[]): string {
  if (total === 0) return MSG_NO_NODES;
  const reasons = new Map<string, number>();
  const preemption = new Map<string, number>();
  for (const f of failures) {
    for (const r of f.reasons) reasons.set(r, (reasons.get(r) ?? 0) + 1);
    const p = f.resolvable ? NO_VICTIMS : NOT_HELPFUL;
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  return `0/${total} nodes are available: ${countList(reasons)}. preemption: 0/${total} nodes are available: ${countList(preemption)}.${FIT_ERROR_SUFFIX}`;
}

function score(pod: KubeObject, s: NodeState, maxSame: number, same: number): number {
  const r = cachedRequests(pod);
  const cpu = s.requested.cpu + (r.cpu || 100);
  const mem = s.requested.memory + (r.memory || 200 * 1024 * 1024);
  const free = (used: number, cap: number): number => (cap > 0 ? Math.max(0, ((cap - used) * 100) / cap) : 0);
  const least = Math.floor((free(cpu, s.allocatable.cpu) + free(mem, s.allocatable.memory)) / 2);
  const spread = maxSame === 0 ? 100 : Math.floor(((maxSame - same) * 100) / maxSame);
  return least + 2 * spread;
}

/** Creates the scheduler controller (filter → score → bind) with FailedScheduling retries on cluster changes. */
export function createScheduler(): Controller {
  const cache = createSchedulerCache();
  const attempts = new Map<string, number>();
  const unschedulable = new Map<string, ObjectRef>();

  const retryAll = (enqueue: (ref: ObjectRef, after?: number) => void): void => {
    for (const [uid, ref] of [...unschedulable.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const n = attempts.get(uid) ?? 1;
      enqueue(ref, Math.min(10, 2 ** Math.max(0, n - 1)));
    }
  };

  return {
    name: 'scheduler',
    for: 'Pod',
    onChange(entry, enqueue) {
      cache.observe(entry);
      if (entry.object.kind === 'Node') retryAll(enqueue);
      if (entry.object.kind === 'Pod' && (entry.type === 'DELETED' || isTerminated(entry.object))) retryAll(enqueue);
    },
    reconcile(req, ctx: ControllerContext) {
      const pod = ctx.store.get(req);
      const spec = asMap(pod?.spec);
      if (!pod || !spec || pod.metadata.deletionTimestamp || isTerminated(pod)) {
        for (const [uid, ref] of unschedulable) if (ref.name === req.name && ref.namespace === req.namespace) unschedulable.delete(uid);
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
      const nodes = ctx.store.list('Node');
      const states = cache.states(nodes);
      const feasible: NodeState[] = [];
      const failures: { reasons: string[]; resolvable: boolean }[] = [];
      for (const s of states) {
        let failed: { reasons: string[]; resolvable: boolean } | undefined;
        for (const plugin of FILTER_PLUGINS) {
          const reasons = plugin.filter(pod, s);
          if (reasons.length > 0) {
            failed = { reasons, resolvable: plugin.resolvable };
            break;
          }
        }
        if (failed) failures.push(failed);
        else feasible.push(s);
      }
      if (feasible.length === 0) {
        const message = fitErrorMessage(states.length, failures);
        attempts.set(uid, (attempts.get(uid) ?? 0) + 1);
        unschedulable.set(uid, refOf(pod));
        ctx.events.record(pod, { type: 'Warning', reason: REASON_FAILED_SCHEDULING, message, component: SCHEDULER_NAME });
        const next = setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }, ctx.timestamp());
        if (next) ctx.store.update(next);
        return;
      }
      const group = groupOf(pod);
      const sameOf = (s: NodeState): number => cache.sameGroup(s.name, group);
      const maxSame = Math.max(0, ...feasible.map(sameOf));
      const scored = feasible.map((s) => ({ s, score: score(pod, s, maxSame, sameOf(s)) }));
      const best = Math.max(...scored.map((x) => x.score));
      const top = scored.filter((x) => x.score === best).map((x) => x.s);
      const chosen = top.length === 1 ? (top[0] as NodeState) : ctx.random.pick(top);
      unschedulable.delete(uid);
      attempts.delete(uid);
      const bound = setCondition(pod, { type: 'PodScheduled', status: 'True' }, ctx.timestamp()) ?? pod;
      bound.spec = { ...bound.spec, nodeName: chosen.name };
      const res = ctx.store.update(bound);
      if (res.ok) {
        ctx.events.record(res.object, {
          type: 'Normal',
          reason: REASON_SCHEDULED,
          message: `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${chosen.name}`,
          component: SCHEDULER_NAME,
        });
      }
    },
  };
}
