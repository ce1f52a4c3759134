/**
 * The READY, STATUS and RESTARTS cells of `kubectl get pods` (printPod in
 * kubernetes/pkg/printers/internalversion/printers.go), reproduced from its documented behaviour.
 */
import { translateTimestampSince, parseTimestamp } from './duration.ts';
import { obj, objs, str, int, bool } from './fields.ts';
import type { Json } from './fields.ts';

export interface PodSummary {
  /** `ready/total`; total counts regular containers plus restartable (sidecar) init containers. */
  ready: string;
  /** The STATUS column (`Running`, `Init:0/1`, `CrashLoopBackOff`, `Terminating`, …). */
  status: string;
  /** The RESTARTS column: `N` or `N (5m ago)`. */
  restarts: string;
}

const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
const SCHEDULING_GATED = 'SchedulingGated';

function conditionTrue(status: Json, type: string): boolean {
  return objs(status.conditions).some((c) => c.type === type && c.status === 'True');
}

/** Returns the finish time of a container's last termination, if any (epoch ms). */
function lastTerminationFinished(container: Json): number | undefined {
  const terminated = obj(container.lastState).terminated;
  if (terminated === undefined || terminated === null) return undefined;
  // A terminated state without finishedAt counts as Go's zero time: it never wins the "latest" race.
  return parseTimestamp(obj(terminated).finishedAt) ?? Number.NEGATIVE_INFINITY;
}

function terminatedReason(terminated: Json, prefix: string): string {
  if (str(terminated.reason) !== '') return prefix + str(terminated.reason);
  const signal = int(terminated.signal);
  return signal !== 0 ? `${prefix}Signal:${signal}` : `${prefix}ExitCode:${int(terminated.exitCode)}`;
}

/** Computes the READY, STATUS and RESTARTS cells of a Pod row as kubectl v1.34 prints them. */
export function summarizePod(pod: unknown, now: string): PodSummary {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const phase = str(status.phase);

  let restarts = 0;
  let restartableRestarts = 0;
  let totalContainers = objs(spec.containers).length;
  let readyContainers = 0;
  let lastRestart: number | undefined;
  let lastRestartableRestart: number | undefined;

  let reason = str(status.reason) !== '' ? str(status.reason) : phase;
  for (const condition of objs(status.conditions)) {
    if (condition.type === 'PodScheduled' && condition.reason === SCHEDULING_GATED) reason = SCHEDULING_GATED;
  }

  const initSpecs = new Map<string, Json>();
  const initContainers = objs(spec.initContainers);
  for (const c of initContainers) {
    initSpecs.set(str(c.name), c);
    if (c.restartPolicy === 'Always') totalContainers++;
  }
  const isSidecar = (name: string): boolean => initSpecs.get(name)?.restartPolicy === 'Always';
  const later = (a: number | undefined, b: number | undefined): number | undefined =>
    b === undefined ? a : a === undefined || b > a ? b : a;

  let initializing = false;
  const initStatuses = objs(status.initContainerStatuses);
  for (let i = 0; i < initStatuses.length; i++) {
    const container = initStatuses[i] as Json;
    const state = obj(container.state);
    restarts += int(container.restartCount);
    lastRestart = later(lastRestart, lastTerminationFinished(container));
    const sidecar = isSidecar(str(container.name));
    if (sidecar) {
      restartableRestarts += int(container.restartCount);
      lastRestartableRestart = later(lastRestartableRestart, lastTerminationFinished(container));
    }
    const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
    const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
    if (terminated && int(terminated.exitCode) === 0) continue;
    if (sidecar && bool(container.started)) {
      if (bool(container.ready)) readyContainers++;
      continue;
    }
    if (terminated) reason = terminatedReason(terminated, 'Init:');
    else if (waiting && str(waiting.reason) !== '' && waiting.reason !== 'PodInitializing') reason = `Init:${str(waiting.reason)}`;
    else reason = `Init:${i}/${initContainers.length}`;
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status, 'Initialized')) {
    restarts = restartableRestarts;
    lastRestart = lastRestartableRestart;
    let hasRunning = false;
    const statuses = objs(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i] as Json;
      const state = obj(container.state);
      restarts += int(container.restartCount);
      lastRestart = later(lastRestart, lastTerminationFinished(container));
      const waiting = state.waiting === undefined || state.waiting === null ? undefined : obj(state.waiting);
      const terminated = state.terminated === undefined || state.terminated === null ? undefined : obj(state.terminated);
      if (waiting && str(waiting.reason) !== '') reason = str(waiting.reason);
      else if (terminated) reason = terminatedReason(terminated, '');
      else if (bool(container.ready) && state.running !== undefined && state.running !== null) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A finished container next to a running one: the pod is still running (or not ready).
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(status, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null;
  if (deleting && str(status.reason) === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && phase !== 'Failed' && phase !== 'Succeeded') reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestart !== undefined && lastRestart !== Number.NEGATIVE_INFINITY) {
    restartsCell = `${restarts} (${translateTimestampSince(new Date(lastRestart).toISOString(), now)} ago)`;
  }
  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsCell };
}
