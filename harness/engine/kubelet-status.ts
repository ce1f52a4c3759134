import type { KubeObject } from '../core/kube.ts';
import type { ControllerContext } from './controllers/registry.ts';
import type { ContainerRuntime, PodRuntime } from './kubelet-runtime.ts';
import { withCondition } from './pod-conditions.ts';
import { parseImageReference } from './images.ts';
import { asMap, deepEqual } from './util.ts';

/** Derives a stable fake image digest from the canonical reference (FNV-1a, repeated to 64 hex). */
function imageDigest(reference: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < 64; round++) {
    for (const ch of `${round}:${reference}`) {
      h ^= ch.charCodeAt(0);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, 64);
}

const initDone = (rt: PodRuntime): boolean => rt.initContainers.every((c) => c.stage === 'done' && c.terminated?.exitCode === 0);

/**
 * Returns whether the container counts as ready: running, startup and readiness probes passing.
 * Without a readiness probe a running container is Ready at once, even if its app does not listen
 * yet — exactly the gap a readiness probe closes (so the simulation must not hide it).
 */
export function containerReady(c: ContainerRuntime): boolean {
  if (c.stage !== 'running') return false;
  return c.probes.every((p) => p.kind === 'Liveness' || p.result);
}

// Status is rebuilt on every kubelet sync, for few distinct images: parse and hash each one once.
// Shared by every cluster and not fork state: each entry is a pure function of its key.
const imageNames = new Map<string, { canonical: string; repository: string }>();
const digests = new Map<string, string>();
const CACHE_LIMIT = 10_000;

function imageNamesOf(image: string): { canonical: string; repository: string } {
  let names = imageNames.get(image);
  if (!names) {
    const parsed = parseImageReference(image);
    names = parsed.ok ? { canonical: parsed.ref.canonical, repository: parsed.ref.repository } : { canonical: image, repository: image };
    if (imageNames.size >= CACHE_LIMIT) imageNames.clear();
    imageNames.set(image, names);
  }
  return names;
}

function digestOf(reference: string): string {
  let digest = digests.get(reference);
  if (digest === undefined) {
    if (digests.size >= CACHE_LIMIT) digests.clear();
    digests.set(reference, (digest = imageDigest(reference)));
  }
  return digest;
}

function containerStatus(c: ContainerRuntime, initDone: boolean): Record<string, unknown> {
  const names = imageNamesOf(c.image);
  const status: Record<string, unknown> = { name: c.name, image: names.canonical, imageID: '', ready: containerReady(c), restartCount: c.restartCount };
  if (c.behavior && c.containerID) status.imageID = `${names.repository}@sha256:${digestOf(c.behavior.reference)}`;
  if (c.containerID) status.containerID = c.containerID;
  const startup = c.probes.find((p) => p.kind === 'Startup');
  status.started = c.stage === 'running' && (startup ? startup.result : true);
  if (c.stage === 'running') status.state = { running: { startedAt: c.startedAt } };
  else if (c.stage === 'done' && c.terminated) status.state = { terminated: { ...c.terminated } };
  else if (c.stage === 'stopped') status.state = { terminated: { exitCode: 0, reason: 'Completed', startedAt: c.startedAt, finishedAt: c.startedAt, containerID: c.containerID } };
  else {
    const waiting: Record<string, unknown> = { reason: c.waitingReason ?? (c.init || initDone ? 'ContainerCreating' : 'PodInitializing') };
    if (c.waitingMessage && c.stage !== 'pulling' && c.stage !== 'queued') waiting.message = c.waitingMessage;
    status.state = { waiting };
  }
  status.lastState = c.lastState ? { terminated: { ...c.lastState } } : {};
  return status;
}

function phaseOf(pod: KubeObject, rt: PodRuntime): string {
  if (rt.rejected) return 'Failed';
  const failedInit = rt.initContainers.some((c) => c.stage === 'done' && c.terminated?.exitCode !== 0);
  if (failedInit) return 'Failed';
  if (!initDone(rt)) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of rt.containers) {
    if (c.stage === 'running') running++;
    else if (c.stage === 'done') {
      stopped++;
      if (c.terminated?.exitCode === 0) succeeded++;
    } else if (c.lastState) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  const policy = asMap(pod.spec)?.restartPolicy ?? 'Always';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (policy === 'OnFailure') return stopped === succeeded ? 'Succeeded' : 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

/** Builds the pod status the kubelet would report; returns undefined when the stored one already matches. */
export function buildPodStatus(pod: KubeObject, rt: PodRuntime, ctx: ControllerContext): KubeObject | undefined {
  const now = ctx.timestamp();
  const old = asMap(pod.status) ?? {};
  // Only status changes: the result shares everything else with `pod` (the store copies what is new).
  if (rt.rejected) {
    const rejected = { phase: 'Failed', reason: rt.rejected.reason, message: rt.rejected.message, startTime: rt.startTime, ...(old.qosClass ? { qosClass: old.qosClass } : {}) };
    return deepEqual(rejected, pod.status) ? undefined : { ...pod, status: rejected };
  }
  let status: Record<string, unknown> = { ...old };
  const apply = (type: string, ok: boolean, reason?: string, message?: string): void => {
    const input = ok ? { type, status: 'True' as const } : { type, status: 'False' as const, ...(reason ? { reason } : {}), ...(message ? { message } : {}) };
    const conditions = withCondition(status.conditions, input, now);
    if (conditions) status = { ...status, conditions };
  };
  const phase = phaseOf(pod, rt);
  status.phase = phase;
  status.hostIP = ctx.store.peek({ kind: 'Node', namespace: '', name: rt.node })?.status?.addresses?.[0]?.address;
  if (status.hostIP === undefined) delete status.hostIP;
  else status.hostIPs = [{ ip: status.hostIP }];
  if (rt.ip) {
    status.podIP = rt.ip;
    status.podIPs = [{ ip: rt.ip }];
  }
  status.startTime = rt.startTime;
  const done = initDone(rt);
  if (rt.initContainers.length > 0) status.initContainerStatuses = rt.initContainers.map((c) => ({ ...containerStatus(c, true), ready: c.stage === 'done' && c.terminated?.exitCode === 0 }));
  status.containerStatuses = [...rt.containers].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((c) => containerStatus(c, done));
  apply('PodReadyToStartContainers', rt.sandboxReady);
  const incomplete = rt.initContainers.filter((c) => !(c.stage === 'done' && c.terminated?.exitCode === 0)).map((c) => c.name);
  apply('Initialized', incomplete.length === 0, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
  const unready = rt.containers.filter((c) => !containerReady(c)).map((c) => c.name);
  const terminal = phase === 'Succeeded' ? 'PodCompleted' : phase === 'Failed' ? 'PodFailed' : undefined;
  const message = unready.length > 0 && !terminal ? `containers with unready status: [${unready.join(' ')}]` : undefined;
  apply('Ready', unready.length === 0, terminal ?? 'ContainersNotReady', message);
  apply('ContainersReady', unready.length === 0, terminal ?? 'ContainersNotReady', message);
  apply('PodScheduled', true);
  return deepEqual(status, pod.status) ? undefined : { ...pod, status };
}
