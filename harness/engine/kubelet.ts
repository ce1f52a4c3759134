import type { KubeObject } from '../core/kube.ts';
import type { Controller, ControllerContext } from './controllers/registry.ts';
import type { ContainerRuntime, PodRuntime, Termination } from './kubelet-runtime.ts';
import { admitPod } from './kubelet-admission.ts';
import { parseImageReference } from './images.ts';
import { initialProbes, probeNumber, runProbe } from './probes.ts';
import { listeningPorts } from './pod-network.ts';
import { buildPodStatus } from './kubelet-status.ts';
import { refOf } from './store.ts';
import { NODE_INDEX } from './store-indexes.ts';
import { asList, asMap, goDuration } from './util.ts';
import { copyMap, refill, refillSet } from './snapshot.ts';

export const SANDBOX_SECONDS = 1;
export const FAILED_PULL_SECONDS = 1;
export const STOP_SECONDS = 1;
export const BACKOFF_INITIAL = 10;
export const BACKOFF_MAX = 300;
/** A container that ran this long without failing gets its crash back-off reset (2 × max). */
export const BACKOFF_RESET_SECONDS = 600;

/** The kubelet's view of every pod it runs, shared with the network model. */
export interface KubeletHandle {
  controller: Controller;
  runtime(uid: string): PodRuntime | undefined;
  /** Pod uid by pod IP. */
  podByIp(ip: string): string | undefined;
  /** Marks a node's kubelet as stopped (it does nothing: no probes, no status) or running again. */
  setNodeStopped(node: string, stopped: boolean): void;
  /** Whether the kubelet of a node is stopped (the stopNode fault). */
  nodeStopped(node: string): boolean;
  /** Makes a running container of a pod exit now with `exitCode` (the crashContainer fault); false when none runs. */
  crashContainer(pod: KubeObject, container: string | undefined, exitCode: number, ctx: ControllerContext): boolean;
}

interface Ctx {
  ctx: ControllerContext;
  pod: KubeObject;
  rt: PodRuntime;
}

const fieldPath = (c: ContainerRuntime): string => `spec.${c.init ? 'initContainers' : 'containers'}{${c.name}}`;

/** Init containers then app containers: the order the kubelet works through them. */
const allContainers = (rt: PodRuntime): ContainerRuntime[] => [...rt.initContainers, ...rt.containers];

/** Whether every init container has exited 0. */
const initialized = (rt: PodRuntime): boolean => rt.initContainers.every((c) => c.stage === 'done' && c.terminated?.exitCode === 0);

function emit(x: Ctx, c: ContainerRuntime | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
  x.ctx.events.record(x.pod, { type, reason, message, component: 'kubelet', host: x.rt.node, ...(c ? { fieldPath: fieldPath(c) } : {}) });
}

function podLabel(pod: KubeObject): string {
  return `${pod.metadata.name}_${pod.metadata.namespace ?? 'default'}(${pod.metadata.uid ?? ''})`;
}

function newContainer(raw: unknown, i: number, init: boolean): ContainerRuntime {
  const spec = asMap(raw) ?? {};
  return {
    name: typeof spec.name === 'string' ? spec.name : `${init ? 'init' : 'container'}-${i}`,
    init,
    spec,
    image: typeof spec.image === 'string' ? spec.image : '',
    stage: 'queued',
    pullBackoff: 0,
    crashBackoff: 0,
    restartCount: 0,
    containerID: '',
    listening: false,
    ports: [],
    probes: [],
  };
}

/** Copies a container's runtime record (its spec and image behaviour are immutable and shared). */
function copyContainer(c: ContainerRuntime): ContainerRuntime {
  const out: ContainerRuntime = { ...c, ports: c.ports.map((p) => ({ ...p })), probes: c.probes.map((p) => ({ ...p })) };
  if (c.terminated) out.terminated = { ...c.terminated };
  if (c.lastState) out.lastState = { ...c.lastState };
  return out;
}

/** Copies a pod's runtime record, deep enough that neither copy's changes reach the other. */
function copyRuntime(rt: PodRuntime): PodRuntime {
  const out: PodRuntime = { ...rt, containers: rt.containers.map(copyContainer), initContainers: rt.initContainers.map(copyContainer) };
  if (rt.rejected) out.rejected = { ...rt.rejected };
  return out;
}

interface KubeletState {
  pods: Map<string, PodRuntime>;
  ips: Map<string, string>;
  caches: Map<string, Set<string>>;
  stoppedNodes: Set<string>;
  gone: Set<string>;
  quiet: Map<string, QuietSync>;
}

/** What the last full sync of a pod saw and answered (frozen store objects, compared by identity). */
interface QuietSync {
  pod: KubeObject;
  now: number;
  node: KubeObject | undefined;
  hostNode: KubeObject | undefined;
  requeueAfter: number | undefined;
}

/** Creates the kubelet (one controller standing for the kubelet of every node). */
export function createKubelet(): KubeletHandle {
  const pods = new Map<string, PodRuntime>();
  const ips = new Map<string, string>();
  const caches = new Map<string, Set<string>>();
  const stoppedNodes = new Set<string>();

  const cacheOf = (node: string): Set<string> => {
    let set = caches.get(node);
    if (!set) caches.set(node, (set = new Set()));
    return set;
  };

  const allocateIp = (ctx: ControllerContext, uid: string): string => {
    for (;;) {
      const ip = `10.1.${ctx.random.int(0, 255)}.${ctx.random.int(2, 254)}`;
      if (!ips.has(ip)) {
        ips.set(ip, uid);
        return ip;
      }
    }
  };

  // Uids of deleted pods whose runtime is not released yet (a pod's uid never comes back).
  const gone = new Set<string>();

  // Per pod uid, what the last full sync saw and answered (see the shortcut in reconcile).
  const quiet = new Map<string, QuietSync>();

  const release = (rt: PodRuntime): void => {
    if (rt.ip) ips.delete(rt.ip);
    pods.delete(rt.uid);
    gone.delete(rt.uid);
    quiet.delete(rt.uid);
  };

  const startContainer = (x: Ctx, c: ContainerRuntime, now: number): void => {
    const b = c.behavior;
    if (!b) return;
    c.containerID = `containerd://${x.ctx.random.hex(64)}`;
    c.startedAtMs = now;
    c.startedAt = x.ctx.timestamp(now);
    c.terminated = undefined;
    c.waitingReason = undefined;
    c.waitingMessage = undefined;
    c.ports = listeningPorts(b, c.spec);
    emit(x, c, 'Normal', 'Created', `Created container: ${c.name}`);
    emit(x, c, 'Normal', 'Started', `Started container ${c.name}`);
    c.stage = 'running';
    c.at = undefined;
    x.rt.epoch++;
    const clash = c.ports.find((p) => x.rt.containers.some((o) => o !== c && o.stage === 'running' && o.ports.some((q) => q.port === p.port && q.protocol === p.protocol)));
    if (clash) {
      c.ports = [];
      exitContainer(x, c, now, 1, `listen ${clash.protocol.toLowerCase()} :${clash.port}: bind: address already in use`);
      return;
    }
    c.listening = false;
    c.listenAt = now + b.startSeconds * 1000;
    c.exitAt = b.exit ? now + b.exit.afterSeconds * 1000 : undefined;
    c.probes = initialProbes(c.spec, now);
  };

  const restartPolicyAllows = (pod: KubeObject, code: number, init: boolean): boolean => {
    const policy = asMap(pod.spec)?.restartPolicy ?? 'Always';
    // Init containers run to completion: Always behaves like OnFailure for them.
    if (init) return policy !== 'Never' && code !== 0;
    return policy === 'Always' || (policy === 'OnFailure' && code !== 0);
  };

  const exitContainer = (x: Ctx, c: ContainerRuntime, now: number, code: number, message?: string): void => {
    const term: Termination = {
      exitCode: code,
      reason: code === 0 ? 'Completed' : 'Error',
      startedAt: c.startedAt ?? x.ctx.timestamp(now),
      finishedAt: x.ctx.timestamp(now),
      containerID: c.containerID,
    };
    if (message !== undefined) term.message = message;
    c.listening = false;
    c.listenAt = undefined;
    c.exitAt = undefined;
    c.probes = [];
    x.rt.epoch++;
    if (!restartPolicyAllows(x.pod, code, c.init)) {
      c.stage = 'done';
      c.terminated = term;
      c.at = undefined;
      return;
    }
    if (c.startedAtMs !== undefined && now - c.startedAtMs >= BACKOFF_RESET_SECONDS * 1000) c.crashBackoff = 0;
    c.lastState = term;
    if (c.crashBackoff === 0) {
      c.crashBackoff = BACKOFF_INITIAL;
      restart(x, c, now);
      return;
    }
    const wait = c.crashBackoff;
    c.crashBackoff = Math.min(wait * 2, BACKOFF_MAX);
    c.stage = 'crashBackOff';
    c.waitingReason = 'CrashLoopBackOff';
    c.waitingMessage = `back-off ${goDuration(wait)} restarting failed container=${c.name} pod=${podLabel(x.pod)}`;
    c.at = now + wait * 1000;
    emit(x, c, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podLabel(x.pod)}`);
  };

  const restart = (x: Ctx, c: ContainerRuntime, now: number): void => {
    c.restartCount++;
    beginPull(x, c, now);
  };

  const beginPull = (x: Ctx, c: ContainerRuntime, now: number): void => {
    const resolved = x.ctx.images.resolve(c.image);
    const policy = c.spec.imagePullPolicy;
    if (!resolved.ok && resolved.reason === 'InvalidImageName') {
      c.stage = 'invalid';
      c.waitingReason = 'InvalidImageName';
      c.waitingMessage = resolved.message;
      c.at = undefined;
      emit(x, c, 'Warning', 'InspectFailed', resolved.message);
      emit(x, c, 'Warning', 'Failed', 'Error: InvalidImageName');
      return;
    }
    const parsed = parseImageReference(c.image);
    const canonical = parsed.ok ? parsed.ref.canonical : c.image;
    const present = cacheOf(x.rt.node).has(canonical);
    if (resolved.ok) c.behavior = resolved.image;
    if (policy === 'Never' && !present) {
      c.stage = 'neverPull';
      c.waitingReason = 'ErrImageNeverPull';
      c.waitingMessage = `Container image "${c.image}" is not present with pull policy of Never`;
      c.at = undefined;
      emit(x, c, 'Warning', 'ErrImageNeverPull', c.waitingMessage);
      emit(x, c, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
      return;
    }
    if (present && policy !== 'Always' && resolved.ok) {
      emit(x, c, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      startContainer(x, c, now);
      return;
    }
    emit(x, c, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    c.stage = 'pulling';
    if (c.waitingReason === undefined) c.waitingReason = 'ContainerCreating';
    c.at = now + (resolved.ok ? resolved.image.pullSeconds : FAILED_PULL_SECONDS) * 1000;
  };

  const finishPull = (x: Ctx, c: ContainerRuntime, now: number): void => {
    const resolved = x.ctx.images.resolve(c.image);
    if (resolved.ok) {
      cacheOf(x.rt.node).add(resolved.image.reference);
      c.pullBackoff = 0;
      const took = goDuration(resolved.image.pullSeconds);
      emit(x, c, 'Normal', 'Pulled', `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${resolved.image.sizeBytes} bytes.`);
      startContainer(x, c, now);
      return;
    }
    emit(x, c, 'Warning', 'Failed', `Failed to pull image "${c.image}": ${resolved.message}`);
    emit(x, c, 'Warning', 'Failed', 'Error: ErrImagePull');
    c.stage = 'pullFailed';
    c.waitingReason = 'ErrImagePull';
    c.waitingMessage = `Failed to pull image "${c.image}": ${resolved.message}`;
    c.pullBackoff = c.pullBackoff === 0 ? BACKOFF_INITIAL : Math.min(c.pullBackoff * 2, BACKOFF_MAX);
    c.at = now + 1000;
  };

  const enterPullBackOff = (x: Ctx, c: ContainerRuntime, now: number): void => {
    c.stage = 'pullBackOff';
    c.waitingReason = 'ImagePullBackOff';
    c.waitingMessage = `Back-off pulling image "${c.image}"`;
    emit(x, c, 'Normal', 'BackOff', c.waitingMessage);
    emit(x, c, 'Warning', 'Failed', 'Error: ImagePullBackOff');
    c.at = now - 1000 + c.pullBackoff * 1000;
  };

  const runProbes = (x: Ctx, c: ContainerRuntime, now: number): void => {
    const startup = c.probes.find((p) => p.kind === 'Startup');
    for (const p of c.probes) {
      if (p.nextAt === undefined || p.nextAt > now || c.stage !== 'running') continue;
      if (p.kind !== 'Startup' && startup && !startup.result) {
        p.nextAt = undefined;
        p.pausedEpoch = -1;
        continue;
      }
      const period = Math.max(1, probeNumber(p.spec, 'periodSeconds', 10)) * 1000;
      const outcome = runProbe(p, x.rt, c);
      if (outcome.ok) {
        p.successes++;
        p.failures = 0;
        if (p.successes >= Math.max(1, probeNumber(p.spec, 'successThreshold', 1))) p.result = true;
      } else {
        p.failures++;
        p.successes = 0;
        emit(x, c, 'Warning', 'Unhealthy', `${p.kind} probe failed: ${outcome.message ?? ''}`);
        if (p.failures >= Math.max(1, probeNumber(p.spec, 'failureThreshold', 3))) {
          p.result = false;
          if (p.kind !== 'Readiness') {
            emit(x, c, 'Normal', 'Killing', `Container ${c.name} failed ${p.kind.toLowerCase()} probe, will be restarted`);
            exitContainer(x, c, now, 137);
            return;
          }
        }
      }
      const settled = outcome.ok ? p.result : !p.result && p.failures >= Math.max(1, probeNumber(p.spec, 'failureThreshold', 3));
      if (settled && !(p.kind === 'Startup' && outcome.ok)) {
        p.nextAt = undefined;
        p.pausedEpoch = x.rt.epoch;
      } else if (p.kind === 'Startup' && outcome.ok && p.result) {
        p.nextAt = undefined;
        p.pausedEpoch = Number.POSITIVE_INFINITY;
        x.rt.epoch++;
      } else p.nextAt = now + period;
    }
  };

  const resumeProbes = (rt: PodRuntime, now: number): void => {
    for (const c of rt.containers) {
      for (const p of c.probes) {
        if (p.nextAt !== undefined || p.pausedEpoch === undefined || p.pausedEpoch === rt.epoch || p.pausedEpoch === Number.POSITIVE_INFINITY) continue;
        const period = Math.max(1, probeNumber(p.spec, 'periodSeconds', 10)) * 1000;
        const first = (c.startedAtMs ?? now) + probeNumber(p.spec, 'initialDelaySeconds', 0) * 1000;
        p.nextAt = now <= first ? first : first + Math.ceil((now - first) / period) * period;
        p.pausedEpoch = undefined;
      }
    }
  };

  /** Restarts containers whose image was changed (the only mutable container field). */
  const applySpecChanges = (x: Ctx, now: number): void => {
    const specs = asList(asMap(x.pod.spec)?.containers).map((c) => asMap(c) ?? {});
    for (const c of x.rt.containers) {
      const spec = specs.find((s) => s.name === c.name);
      if (!spec || typeof spec.image !== 'string' || spec.image === c.image) continue;
      const wasRunning = c.stage === 'running';
      if (wasRunning) emit(x, c, 'Normal', 'Killing', `Container ${c.name} definition changed, will be restarted`);
      c.image = spec.image;
      c.spec = spec;
      c.behavior = undefined;
      c.listening = false;
      c.probes = [];
      x.rt.epoch++;
      if (c.stage === 'queued' || c.stage === 'pulling') continue;
      c.pullBackoff = 0;
      if (wasRunning) c.restartCount++;
      c.waitingReason = 'ContainerCreating';
      c.waitingMessage = undefined;
      if (x.rt.sandboxReady) beginPull(x, c, now);
      else c.stage = 'queued';
    }
  };

  /** Runs every transition due at `now`, in container order, until nothing is due. */
  const step = (x: Ctx, now: number): void => {
    const { rt } = x;
    if (!rt.sandboxReady) {
      if (rt.sandboxAt > now) return;
      rt.sandboxReady = true;
      rt.ip = allocateIp(x.ctx, rt.uid);
    }
    for (let guard = 0; guard < 1000; guard++) {
      let progressed = false;
      const list = allContainers(rt);
      for (let i = 0; i < list.length; i++) {
        const c = list[i] as ContainerRuntime;
        if (c.stage === 'queued') {
          const earlier = list.slice(0, i);
          const earlierBusy = earlier.some((o) => o.stage === 'queued' || o.stage === 'pulling');
          const ready = c.init ? earlier.every((o) => o.stage === 'done' && o.terminated?.exitCode === 0) : initialized(rt);
          if (!earlierBusy && ready) {
            beginPull(x, c, now);
            progressed = true;
          }
          continue;
        }
        if (c.stage === 'running' && c.exitAt !== undefined && c.exitAt <= now) {
          exitContainer(x, c, now, c.behavior?.exit?.code ?? 0, c.behavior?.exit?.message);
          progressed = true;
          continue;
        }
        if (c.stage === 'running' && !c.listening && c.listenAt !== undefined && c.listenAt <= now) {
          c.listening = true;
          rt.epoch++;
          progressed = true;
        }
        if (c.at === undefined || c.at > now) continue;
        progressed = true;
        if (c.stage === 'pulling') finishPull(x, c, now);
        else if (c.stage === 'pullFailed') enterPullBackOff(x, c, now);
        else if (c.stage === 'pullBackOff') beginPull(x, c, now);
        else if (c.stage === 'crashBackOff') restart(x, c, now);
        else c.at = undefined;
      }
      // Ports that start listening now are open before this instant's probes run.
      for (const c of allContainers(rt)) {
        if (c.stage === 'running' && !c.listening && c.listenAt !== undefined && c.listenAt <= now) {
          c.listening = true;
          rt.epoch++;
        }
      }
      resumeProbes(rt, now);
      for (const c of allContainers(rt)) {
        if (c.stage === 'running' && c.probes.some((p) => p.nextAt !== undefined && p.nextAt <= now)) {
          runProbes(x, c, now);
          progressed = true;
        }
      }
      if (!progressed) return;
    }
  };

  const nextDue = (rt: PodRuntime): number | undefined => {
    const times: number[] = [];
    if (!rt.sandboxReady) times.push(rt.sandboxAt);
    if (rt.stopAt !== undefined) times.push(rt.stopAt);
    for (const c of allContainers(rt)) {
      if (c.at !== undefined) times.push(c.at);
      if (c.stage === 'running') {
        if (c.exitAt !== undefined) times.push(c.exitAt);
        if (!c.listening && c.listenAt !== undefined) times.push(c.listenAt);
        for (const p of c.probes) if (p.nextAt !== undefined) times.push(p.nextAt);
      }
    }
    return times.length > 0 ? Math.min(...times) : undefined;
  };

  const controller: Controller = {
    name: 'kubelet',
    for: 'Pod',
    // Runtime records change in place: a fork gets its own copies. The quiet-sync memo holds frozen store
    // objects that the fork's store shares, so its identity comparisons answer as the original's would.
    state: {
      save: (): KubeletState => ({
        pods: copyMap(pods, copyRuntime),
        ips: copyMap(ips),
        caches: copyMap(caches, (images) => new Set(images)),
        stoppedNodes: new Set(stoppedNodes),
        gone: new Set(gone),
        quiet: copyMap(quiet),
      }),
      load(state) {
        const saved = state as KubeletState;
        refill(pods, saved.pods, copyRuntime);
        refill(ips, saved.ips);
        refill(caches, saved.caches, (images) => new Set(images));
        refillSet(stoppedNodes, saved.stoppedNodes);
        refillSet(gone, saved.gone);
        refill(quiet, saved.quiet);
      },
    },
    onChange(entry, enqueue, ctx) {
      // A node appearing lets pods bound to it by name start.
      if (entry.object.kind === 'Node' && entry.type === 'ADDED') {
        const name = entry.object.metadata.name;
        if (typeof name === 'string') for (const p of ctx.store.byIndex(NODE_INDEX, name)) enqueue(refOf(p));
      }
      // A deleted pod's runtime is released by the next reconcile of any pod that is gone.
      if (entry.object.kind === 'Pod' && entry.type === 'DELETED') {
        const uid = entry.object.metadata.uid ?? '';
        if (pods.has(uid)) gone.add(uid);
      }
    },
    reconcile(req, ctx) {
      // The kubelet only reads the pod: its status is written as a new object.
      const pod = ctx.store.peek(req);
      const boundTo = pod ? asMap(pod.spec)?.nodeName : undefined;
      // A stopped node's kubelet does nothing; the node lifecycle controller enqueues its pods when it is back.
      if (typeof boundTo === 'string' && stoppedNodes.has(boundTo)) return;
      const existing = pod ? pods.get(pod.metadata.uid ?? '') : undefined;
      if (!pod) {
        for (const uid of [...gone]) {
          const rt = pods.get(uid);
          if (rt) release(rt);
        }
        gone.clear();
        return;
      }
      const nodeName = asMap(pod.spec)?.nodeName;
      const node = typeof nodeName === 'string' && nodeName !== '' ? ctx.store.peek({ kind: 'Node', namespace: '', name: nodeName }) : undefined;
      const now = ctx.now();
      if (existing) {
        // The reconcile that follows our own status write (same instant, same pod and node snapshots,
        // runtime untouched since) would find nothing due and nothing to write: answer as that one did.
        const last = quiet.get(existing.uid);
        if (last && last.pod === pod && last.now === now && last.node === node && last.hostNode === ctx.store.peek({ kind: 'Node', namespace: '', name: existing.node })) {
          return last.requeueAfter === undefined ? undefined : { requeueAfter: last.requeueAfter };
        }
        quiet.delete(existing.uid);
      }
      let rt = existing;
      if (!rt) {
        if (pod.metadata.deletionTimestamp && node) {
          ctx.store.remove(refOf(pod));
          return;
        }
        if (!node) return;
        const phase = asMap(pod.status)?.phase;
        if (phase === 'Failed' || phase === 'Succeeded') return;
        rt = {
          uid: pod.metadata.uid ?? '',
          node: nodeName as string,
          sandboxAt: now + SANDBOX_SECONDS * 1000,
          sandboxReady: false,
          startTime: ctx.timestamp(now),
          containers: asList(asMap(pod.spec)?.containers).map((raw, i) => newContainer(raw, i, false)),
          initContainers: asList(asMap(pod.spec)?.initContainers).map((raw, i) => newContainer(raw, i, true)),
          epoch: 0,
        };
        pods.set(rt.uid, rt);
        const rejection = admitPod(pod, node, ctx.store.byIndex(NODE_INDEX, nodeName as string).filter((p) => pods.has(p.metadata.uid ?? '')));
        if (rejection) {
          rt.rejected = rejection;
          ctx.events.record(pod, { type: 'Warning', reason: rejection.reason, message: rejection.message, component: 'kubelet', host: rt.node });
        }
      }
      const x: Ctx = { ctx, pod, rt };
      if (pod.metadata.deletionTimestamp && !rt.rejected) {
        if (rt.stopAt === undefined) {
          for (const c of allContainers(rt)) {
            if (c.stage === 'running') emit(x, c, 'Normal', 'Killing', `Stopping container ${c.name}`);
            c.stage = 'stopped';
            c.at = undefined;
            c.listening = false;
            c.probes = [];
          }
          rt.epoch++;
          rt.stopAt = now + STOP_SECONDS * 1000;
        }
        if (rt.stopAt <= now) {
          ctx.store.remove(refOf(pod));
          release(rt);
          return;
        }
        return { requeueAfter: (rt.stopAt - now) / 1000 };
      }
      if (!rt.rejected && !pod.metadata.deletionTimestamp) applySpecChanges(x, now);
      if (!rt.rejected) step(x, now);
      if (rt.rejected && pod.metadata.deletionTimestamp) {
        ctx.store.remove(refOf(pod));
        release(rt);
        return;
      }
      const next = buildPodStatus(pod, rt, ctx);
      const written = next ? ctx.store.update(next).ok : true;
      const due = rt.rejected ? undefined : nextDue(rt);
      const requeueAfter = due !== undefined ? Math.max(0, due - now) / 1000 : undefined;
      // A failed write (an injected fault) is retried by the next reconcile, so it is not remembered.
      if (written) {
        const stored = ctx.store.peek(req);
        if (stored) quiet.set(rt.uid, { pod: stored, now, node, hostNode: ctx.store.peek({ kind: 'Node', namespace: '', name: rt.node }), requeueAfter });
      }
      return requeueAfter !== undefined ? { requeueAfter } : undefined;
    },
  };

  return {
    controller,
    runtime: (uid) => pods.get(uid),
    podByIp: (ip) => ips.get(ip),
    setNodeStopped(node, stopped) {
      if (stopped) stoppedNodes.add(node);
      else stoppedNodes.delete(node);
    },
    nodeStopped: (node) => stoppedNodes.has(node),
    crashContainer(pod, container, exitCode, ctx) {
      const rt = pods.get(pod.metadata.uid ?? '');
      if (!rt || rt.rejected || pod.metadata.deletionTimestamp || stoppedNodes.has(rt.node)) return false;
      const c = rt.containers.find((o) => o.stage === 'running' && (container === undefined || o.name === container));
      if (!c) return false;
      quiet.delete(rt.uid);
      exitContainer({ ctx, pod, rt }, c, ctx.now(), exitCode);
      return true;
    },
  };
}
