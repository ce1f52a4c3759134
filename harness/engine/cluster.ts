import { refKey } from '../core/kube.ts';
import { clone } from '../core/kube.ts';
import type { KubeObject, ObjectRef } from '../core/kube.ts';
import type { Cluster, ClusterOptions, SettleResult } from './types.ts';
import { createClock } from './clock.ts';
import { createRandom } from './random.ts';
import { createStore, refOf } from './store.ts';
import type { Store } from './store.ts';
import { createEventRecorder } from './events.ts';
import { createApiServer } from './api/server.ts';
import type { ApiServer } from './api/server.ts';
import { createControllerRegistry } from './controllers/registry.ts';
import type { Controller, ControllerContext, ControllerRegistry } from './controllers/registry.ts';
import { createScheduler } from './scheduler.ts';
import { createKubelet } from './kubelet.ts';
import type { KubeletHandle } from './kubelet.ts';
import { nodeObject, nodeSpecs } from './nodes.ts';
import { createNetworkRegistry, request } from './network.ts';
import type { NetworkRegistry } from './network.ts';
import { asMap } from './util.ts';
import { installServices } from './services/install.ts';
import { installWorkloads } from './controllers/install-workloads.ts';
import { parseCidr, parseIPv4 } from './services/ipv4.ts';
import { installNodeLifecycle } from './node-lifecycle/install.ts';
import { createStateParts, mapState } from './snapshot.ts';
import type { StatePart, StateParts } from './snapshot.ts';

/** Compares as Set and Array.includes do (NaN equals NaN). */
const sameValueZero = (a: number, b: number): boolean => a === b || (a !== a && b !== b);

export const INITIAL_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

interface Work {
  controller: string;
  ref: ObjectRef;
  key: string;
}

/** What later work (Services, Deployments, faults) plugs into. */
export interface ClusterInternals {
  store: Store;
  api: ApiServer;
  controllers: ControllerRegistry;
  network: NetworkRegistry;
  kubelet: KubeletHandle;
  context: ControllerContext;
  /** Registers a controller and enqueues every existing object of its kind. */
  addController(controller: Controller): void;
  /** Enqueues a reconcile of `ref` by the named controller after `afterSeconds` (default now). */
  enqueue(controller: string, ref: ObjectRef, afterSeconds?: number): void;
  /** Registers state that a fork must copy (see snapshot.ts); a controller's own `state` is kept by addController. */
  keepState(name: string, part: StatePart): void;
  /** Loads the saved state of every part (restoreCluster). */
  loadState(parts: readonly (readonly [string, unknown])[]): void;
}

/** A cluster's state at one instant: restoreCluster builds an independent cluster from it, as often as needed. */
export interface ClusterSnapshot {
  readonly options: ClusterOptions;
  readonly parts: readonly (readonly [string, unknown])[];
}

export type SimCluster = Cluster & {
  readonly internals: ClusterInternals;
  /** Saves the whole cluster state (virtual time, queue, random streams, objects, every component's memory). */
  snapshot(): ClusterSnapshot;
};

function checkOptions(options: ClusterOptions): void {
  if (!options || typeof options.images?.resolve !== 'function') throw new TypeError('createCluster: option `images` must be an ImageCatalog (use loadImageCatalog)');
  if (options.seed !== undefined && !Number.isFinite(options.seed)) throw new TypeError('createCluster: option `seed` must be a finite number');
  if (options.startTime !== undefined && !Number.isFinite(Date.parse(options.startTime))) throw new TypeError('createCluster: option `startTime` must be an RFC 3339 instant');
  const pool = options.loadBalancerPool;
  const cidrPool = Array.isArray(pool) && pool.length === 1 && String(pool[0]).includes('/');
  if (pool !== undefined && (!Array.isArray(pool) || (cidrPool ? parseCidr(pool[0]) === undefined : pool.some((ip) => parseIPv4(ip) === undefined)))) {
    throw new TypeError('createCluster: option `loadBalancerPool` must be a list of IPv4 addresses or one IPv4 CIDR');
  }
  const hosts = options.externalHosts;
  if (hosts !== undefined && (!Array.isArray(hosts) || hosts.some((h) => parseIPv4(h?.ip) === undefined || !Number.isInteger(h.port) || h.port < 1 || h.port > 65535))) {
    throw new TypeError('createCluster: option `externalHosts` must be a list of { ip: IPv4, port: 1-65535 }');
  }
}

/** Creates a deterministic simulated cluster with nodes, namespaces, the scheduler and the kubelet. */
export function createCluster(options: ClusterOptions): SimCluster {
  return buildCluster(options, true);
}

/**
 * Builds a cluster. Without `bootstrap` (a cluster about to be restored from a snapshot) it skips the
 * start-up writes (namespaces, nodes, system Services) and their reactions: loading the snapshot replaces
 * all of that state anyway.
 */
function buildCluster(options: ClusterOptions, bootstrap: boolean): SimCluster {
  checkOptions(options);
  let quiet = !bootstrap;
  const state: StateParts = createStateParts();
  const clock = createClock<Work>(options.startTime);
  const random = createRandom(options.seed ?? 1);
  // Formatting an instant costs a Date; most calls in one step ask for the same instant.
  let stampAt = Number.NaN;
  let stamp = '';
  const timestamp = (at?: number): string => {
    const t = at ?? clock.now;
    if (t !== stampAt) {
      stamp = clock.timestamp(t);
      stampAt = t;
    }
    return stamp;
  };
  const store = createStore({ now: () => clock.now, timestamp: () => timestamp(), random });
  const events = createEventRecorder({ random, timestamp: () => timestamp() });
  state.keep('clock', clock);
  state.keep('random', random);
  state.keep('store', store);
  state.keep('events', events);
  const api = createApiServer({
    store,
    random,
    now: () => clock.now,
    timestamp,
    hasKubelet: (pod) => {
      const node = asMap(pod.spec)?.nodeName;
      return typeof node === 'string' && node !== '' && store.peek({ kind: 'Node', namespace: '', name: node }) !== undefined;
    },
  });
  const context: ControllerContext = { store, events, random, images: options.images, now: () => clock.now, timestamp };
  const controllers = createControllerRegistry();
  // Queued times per controller+object: the same time is queued once; a later requeue is kept apart.
  // Usually one or two times per key, so a small array (compared as a Set would: SameValueZero) beats a Set.
  const pending = new Map<string, number[]>();
  const isPending = (key: string, time: number): boolean => pending.get(key)?.includes(time) === true;
  state.keep('api', api);
  state.keep('pending', mapState(pending, (times) => [...times]));

  const enqueue = (controller: string, ref: ObjectRef, afterSeconds = 0): void => {
    const key = `${controller}|${refKey(ref)}`;
    const time = clock.now + Math.max(0, Math.ceil(afterSeconds * 1000));
    const times = pending.get(key);
    if (!times) pending.set(key, [time]);
    else if (times.includes(time)) return;
    else times.push(time);
    clock.schedule(time, { controller, ref, key });
  };
  // One enqueue function per controller for its onChange hook (not a new closure per watch entry).
  const enqueuers = new Map<string, (ref: ObjectRef, afterSeconds?: number) => void>();
  const enqueuerOf = (name: string): ((ref: ObjectRef, afterSeconds?: number) => void) => {
    let f = enqueuers.get(name);
    if (!f) enqueuers.set(name, (f = (ref, after) => enqueue(name, ref, after)));
    return f;
  };

  store.onChange((entry) => {
    if (quiet) return;
    for (const c of controllers.all()) {
      const obj = entry.object;
      if (obj.kind === c.for) enqueue(c.name, refOf(obj));
      if (c.owns?.includes(obj.kind)) {
        for (const owner of obj.metadata.ownerReferences ?? []) {
          if (owner?.controller === true && owner.kind === c.for) enqueue(c.name, { kind: c.for, namespace: obj.metadata.namespace ?? '', name: owner.name });
        }
      }
      for (const w of c.watches ?? []) if (w.kind === obj.kind) for (const ref of w.map(obj, context)) enqueue(c.name, ref);
      c.onChange?.(entry, enqueuerOf(c.name), context);
    }
  });

  const kubelet = createKubelet();
  const network = createNetworkRegistry();
  const addController = (controller: Controller): void => {
    controllers.register(controller);
    if (controller.state) state.keep(`controller/${controller.name}`, controller.state);
    if (!quiet) for (const o of store.list(controller.for)) enqueue(controller.name, refOf(o));
  };
  addController(createScheduler());
  addController(kubelet.controller);

  if (bootstrap) for (const name of INITIAL_NAMESPACES) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  if (bootstrap) nodeSpecs(options.nodes).forEach((spec, i) => store.create(nodeObject(spec, i, clock.timestamp())));
  const internals: ClusterInternals = { store, api, controllers, network, kubelet, context, addController, enqueue, keepState: (name, part) => state.keep(name, part), loadState: (parts) => state.loadAll(parts) };
  const services = installServices(internals, options, bootstrap);
  installWorkloads(internals);
  const nodeLifecycle = installNodeLifecycle(internals);
  quiet = false;

  const processOne = (): boolean => {
    const item = clock.pop();
    if (!item) return false;
    const times = pending.get(item.value.key);
    const at = times ? times.findIndex((t) => sameValueZero(t, item.time)) : -1;
    if (!times || at < 0) return true;
    times.splice(at, 1);
    if (times.length === 0) pending.delete(item.value.key);
    clock.setNow(item.time);
    const controller = controllers.get(item.value.controller);
    const result = controller?.reconcile(item.value.ref, context);
    if (result?.forgetRequeues) {
      const queued = pending.get(item.value.key);
      if (queued) pending.set(item.value.key, queued.filter((t) => !(t > clock.now)));
    }
    if (result && typeof result.requeueAfter === 'number' && Number.isFinite(result.requeueAfter)) enqueue(item.value.controller, item.value.ref, result.requeueAfter);
    return true;
  };

  const nextLive = (): number | undefined => {
    for (;;) {
      const top = clock.peek();
      if (!top) return undefined;
      if (isPending(top.value.key, top.time)) return top.time;
      clock.pop();
    }
  };

  const cluster: SimCluster = {
    get now() {
      return clock.now;
    },
    timestamp: () => timestamp(),
    create: (obj: KubeObject) => api.create(obj),
    apply: (obj: KubeObject) => api.apply(obj),
    update: (obj: KubeObject) => api.update(obj),
    delete: (ref, opts) => api.delete(ref, opts),
    get: (ref) => store.get(ref),
    list: (kind, namespace) => store.list(kind, namespace).map((o) => clone(o)),
    peekList: (kind, namespace) => store.list(kind, namespace),
    events: () => events.list(),
    watchLog: () => store.watchLog(),
    runUntilSettled(opts = {}): SettleResult {
      const horizon = clock.now + Math.max(0, opts.horizonSeconds ?? 600) * 1000;
      const budget = Math.max(0, opts.maxSteps ?? 200_000);
      for (let steps = 0; ; steps++) {
        const next = nextLive();
        if (next === undefined) return { settled: true, reason: 'settled', time: clock.now };
        if (next > horizon) {
          clock.setNow(horizon);
          return { settled: false, reason: 'horizon', time: clock.now };
        }
        if (steps >= budget) return { settled: false, reason: 'budget', time: clock.now };
        processOne();
      }
    },
    advance(seconds: number) {
      const target = clock.now + Math.max(0, Number.isFinite(seconds) ? seconds : 0) * 1000;
      for (let steps = 0; steps < 1_000_000; steps++) {
        const next = nextLive();
        if (next === undefined || next > target) break;
        processOne();
      }
      clock.setNow(target);
    },
    request: (source, url) => request(source, url, { store, kubelet }, network),
    resolve: (source, name) => services.resolve(source, name),
    fault: (f) => nodeLifecycle.fault(f),
    // Added for property runs (harness/properties/timeline.ts): they stop at every instant where work is
    // queued, so an invariant is checked whenever the cluster can change, not on a fixed grid.
    nextEventAt: () => nextLive(),
    internals,
    snapshot: () => ({ options, parts: state.saveAll() }),
  };
  return cluster;
}

/**
 * Builds an independent cluster in the state a snapshot saved: from then on it behaves exactly as the
 * snapshotted cluster would have (same names, uids, times and events for the same calls).
 */
export function restoreCluster(snapshot: ClusterSnapshot): SimCluster {
  const cluster = buildCluster(snapshot.options, false);
  // The same options registered the same parts in the same order while the new cluster was built.
  cluster.internals.loadState(snapshot.parts);
  return cluster;
}
