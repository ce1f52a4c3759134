import type { KubeObject } from '../core/kube.ts';
import type { WatchEntry } from './types.ts';
import type { Store } from './store.ts';
import { refill, refillArray, type StatePart } from './snapshot.ts';
import { cachedRequests as podInfoRequests, isTerminated, nodeAllocatable } from './placement.ts';
import { asList, asMap } from './util.ts';
import { podInfoOf, type HostPortUse, type PodInfo } from './scheduling/pod-info.ts';
import { compileLabelSelector, selectorFromMap, type Selector } from './scheduling/selector.ts';

/** The scheduler's view of one node: the Node object and the Pods bound to it, kept up to date incrementally. */
export interface NodeInfo {
  name: string;
  /** The Node object (undefined while only Pods name this node). */
  node: KubeObject | undefined;
  labels: Readonly<Record<string, string>>;
  unschedulable: boolean;
  /** NoSchedule and NoExecute taints. */
  hardTaints: Record<string, unknown>[];
  preferNoScheduleTaints: Record<string, unknown>[];
  // Flat numbers, not nested objects: the filter and score loops read them for hundreds of nodes per cycle.
  allocatableCpu: number;
  allocatableMemory: number;
  allocatablePods: number;
  /** Summed requests of the bound, non-terminated Pods. */
  requestedCpu: number;
  requestedMemory: number;
  /** The same with the scoring defaults for containers without requests. */
  nonZeroCpu: number;
  nonZeroMemory: number;
  podCount: number;
  pods: Map<string, PodInfo>;
  /** How many bound Pods ask for hostPorts. */
  podsWithHostPorts: number;
}

/** Per-node counts of bound Pods that one predicate selects, kept up to date on every Pod change. */
export interface MatchCounter {
  counts: ReadonlyMap<string, number>;
}

/**
 * The scheduler's cache (kube-scheduler's cache + informers): nodes, bound Pods, and the objects the
 * plugins read (Services, ReplicaSets, StatefulSets, Namespaces), updated from the watch log so one
 * scheduling cycle never scans every Pod.
 */
export interface SchedulerCache extends StatePart {
  observe(entry: WatchEntry): void;
  /** Replays the store once (for a scheduler started after objects exist); later calls do nothing. */
  sync(store: Store): void;
  /** Nodes that exist, sorted by name (the store's order), each with its index in this list. */
  nodes(): readonly NodeInfo[];
  node(name: string): NodeInfo | undefined;
  /** The latest stored (frozen) object of a Pod, by namespace and name. */
  pod(namespace: string, name: string): KubeObject | undefined;
  /** Where a bound Pod is accounted, if it is. */
  placement(uid: string): { node: string; info: PodInfo } | undefined;
  /**
   * Counts bound Pods per node that `matches` selects; `key` names the predicate (equal keys, equal predicates).
   * `matches` reads namespace labels through its second argument, never through a captured cache: counters are
   * copied into cluster forks, and a captured cache would be the original cluster's.
   */
  counter(key: string, anchor: string | undefined, matches: CounterPredicate, usesNamespaceLabels?: boolean): MatchCounter;
  /** Bound Pods that carry pod (anti-)affinity terms, with their node. */
  podsWithAffinity(): Iterable<{ info: PodInfo; node: string }>;
  /** Bound Pods that carry required anti-affinity terms, with their node. */
  podsWithRequiredAntiAffinity(): Iterable<{ info: PodInfo; node: string }>;
  namespaceLabels(namespace: string): Readonly<Record<string, string>> | undefined;
  /** Selectors of the Services in a namespace, by name order. */
  serviceSelectors(namespace: string): readonly Readonly<Record<string, string>>[];
  /** The selector of a ReplicaSet, StatefulSet or ReplicationController. */
  workloadSelector(kind: string, namespace: string, name: string): Selector | undefined;
}

/** Whether a bound Pod counts; `namespaceLabels` looks up the labels of a Namespace in the cache that asks. */
export type CounterPredicate = (pod: PodInfo, namespaceLabels: (namespace: string) => Readonly<Record<string, string>> | undefined) => boolean;

interface Counter extends MatchCounter {
  counts: Map<string, number>;
  matches: CounterPredicate;
  usesNamespaceLabels: boolean;
}

function stringMap(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const m = asMap(raw);
  if (m) for (const k of Object.keys(m)) out[k] = String(m[k]);
  return out;
}

function emptyNode(name: string): NodeInfo {
  return {
    name,
    node: undefined,
    labels: {},
    unschedulable: false,
    hardTaints: [],
    preferNoScheduleTaints: [],
    allocatableCpu: 0,
    allocatableMemory: 0,
    allocatablePods: 0,
    requestedCpu: 0,
    requestedMemory: 0,
    nonZeroCpu: 0,
    nonZeroMemory: 0,
    podCount: 0,
    pods: new Map(),
    podsWithHostPorts: 0,
  };
}

const WORKLOAD_KINDS = new Set(['ReplicaSet', 'StatefulSet', 'ReplicationController']);

function sameLabels(a: Readonly<Record<string, string>>, raw: unknown): boolean {
  const b = asMap(raw) ?? {};
  const keys = Object.keys(b);
  if (keys.length !== Object.keys(a).length) return false;
  for (const k of keys) if (a[k] !== String(b[k])) return false;
  return true;
}

/** Whether a newer object of a bound Pod keeps everything the cache derived from it (spec scheduling fields are immutable). */
function sameSchedulingFacts(info: PodInfo, pod: KubeObject): boolean {
  const terminating = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  if (info.terminating !== terminating || info.namespace !== (pod.metadata.namespace ?? 'default') || !sameLabels(info.labels, pod.metadata.labels)) return false;
  // Requests are immutable through the API, but a direct store write could change them: compare what was summed.
  const now = podInfoRequests(pod);
  return now.cpu === info.requests.cpu && now.memory === info.requests.memory;
}

/** Lists the hostPorts in use on a node (from its bound Pods). */
export function usedHostPorts(node: NodeInfo): HostPortUse[] {
  if (node.podsWithHostPorts === 0) return [];
  const out: HostPortUse[] = [];
  for (const p of node.pods.values()) out.push(...p.hostPorts);
  return out;
}

/** Everything a scheduler cache holds (PodInfo, Selector and stored objects are immutable and shared by copies). */
interface CacheState {
  buckets: Map<string, NodeInfo>;
  placed: Map<string, { node: string; info: PodInfo }>;
  latest: Map<string, KubeObject>;
  withAffinity: Map<string, { info: PodInfo; node: string }>;
  withRequiredAnti: Map<string, { info: PodInfo; node: string }>;
  counters: Map<string, Counter>;
  byAnchor: Map<string, Counter[]>;
  unanchored: Counter[];
  byLabel: Map<string, Set<string>>;
  namespaces: Map<string, Record<string, string>>;
  services: Map<string, Map<string, Record<string, string>>>;
  workloads: Map<string, Selector>;
  synced: boolean;
}

/** Copies a cache's state deep enough that neither copy's changes reach the other, keeping every Map's order. */
function copyCacheState(s: CacheState): CacheState {
  const counters = new Map<Counter, Counter>();
  const counter = (c: Counter): Counter => {
    let out = counters.get(c);
    if (!out) counters.set(c, (out = { ...c, counts: new Map(c.counts) }));
    return out;
  };
  return {
    buckets: new Map([...s.buckets].map(([k, b]) => [k, { ...b, pods: new Map(b.pods) }])),
    placed: new Map(s.placed),
    latest: new Map(s.latest),
    withAffinity: new Map(s.withAffinity),
    withRequiredAnti: new Map(s.withRequiredAnti),
    counters: new Map([...s.counters].map(([k, c]) => [k, counter(c)])),
    byAnchor: new Map([...s.byAnchor].map(([k, cs]) => [k, cs.map(counter)])),
    unanchored: s.unanchored.map(counter),
    byLabel: new Map([...s.byLabel].map(([k, uids]) => [k, new Set(uids)])),
    namespaces: new Map(s.namespaces),
    services: new Map([...s.services].map(([k, m]) => [k, new Map(m)])),
    workloads: new Map(s.workloads),
    synced: s.synced,
  };
}

/** Creates an empty scheduler cache. */
export function createSchedulerCache(): SchedulerCache {
  const buckets = new Map<string, NodeInfo>();
  let list: NodeInfo[] | undefined;
  const placed = new Map<string, { node: string; info: PodInfo }>();
  const latest = new Map<string, KubeObject>();
  const withAffinity = new Map<string, { info: PodInfo; node: string }>();
  const withRequiredAnti = new Map<string, { info: PodInfo; node: string }>();
  const counters = new Map<string, Counter>();
  const byAnchor = new Map<string, Counter[]>();
  const unanchored: Counter[] = [];
  // Bound Pods by `key=value` label, so a new anchored counter scans only the Pods that can match.
  const byLabel = new Map<string, Set<string>>();
  const index = (info: PodInfo, add: boolean): void => {
    for (const k of Object.keys(info.labels)) {
      const pair = `${k}=${info.labels[k]}`;
      let uids = byLabel.get(pair);
      if (add) {
        if (!uids) byLabel.set(pair, (uids = new Set()));
        uids.add(info.uid);
      } else if (uids) {
        uids.delete(info.uid);
        if (uids.size === 0) byLabel.delete(pair);
      }
    }
  };
  const namespaces = new Map<string, Record<string, string>>();
  const namespaceLabelsOf = (namespace: string): Readonly<Record<string, string>> | undefined => namespaces.get(namespace);
  const services = new Map<string, Map<string, Record<string, string>>>();
  const workloads = new Map<string, Selector>();
  let synced = false;

  const bucket = (name: string): NodeInfo => {
    let b = buckets.get(name);
    if (!b) buckets.set(name, (b = emptyNode(name)));
    return b;
  };
  const count = (info: PodInfo, node: string, delta: number): void => {
    const bump = (c: Counter): void => {
      if (!c.matches(info, namespaceLabelsOf)) return;
      const n = (c.counts.get(node) ?? 0) + delta;
      if (n === 0) c.counts.delete(node);
      else c.counts.set(node, n);
    };
    for (const k of Object.keys(info.labels)) {
      const cs = byAnchor.get(`${k}=${info.labels[k]}`);
      if (cs) for (const c of cs) bump(c);
    }
    for (const c of unanchored) bump(c);
  };
  const removePod = (uid: string): void => {
    const was = placed.get(uid);
    if (!was) return;
    placed.delete(uid);
    withAffinity.delete(uid);
    withRequiredAnti.delete(uid);
    const b = bucket(was.node);
    b.pods.delete(uid);
    b.podCount = b.pods.size;
    b.requestedCpu -= was.info.requests.cpu;
    b.requestedMemory -= was.info.requests.memory;
    b.nonZeroCpu -= was.info.nonZero.cpu;
    b.nonZeroMemory -= was.info.nonZero.memory;
    if (was.info.hostPorts.length > 0) b.podsWithHostPorts--;
    count(was.info, was.node, -1);
    index(was.info, false);
  };
  const addPod = (pod: KubeObject): void => {
    const node = asMap(pod.spec)?.nodeName;
    if (typeof node !== 'string' || node === '' || isTerminated(pod)) return;
    const info = podInfoOf(pod);
    placed.set(info.uid, { node, info });
    if (info.hasPodAffinity) withAffinity.set(info.uid, { info, node });
    if (info.requiredAntiAffinity.length > 0) withRequiredAnti.set(info.uid, { info, node });
    const b = bucket(node);
    b.pods.set(info.uid, info);
    b.podCount = b.pods.size;
    b.requestedCpu += info.requests.cpu;
    b.requestedMemory += info.requests.memory;
    b.nonZeroCpu += info.nonZero.cpu;
    b.nonZeroMemory += info.nonZero.memory;
    if (info.hostPorts.length > 0) b.podsWithHostPorts++;
    count(info, node, 1);
    index(info, true);
  };
  const setNode = (obj: KubeObject, deleted: boolean): void => {
    const name = obj.metadata.name ?? '';
    const b = bucket(name);
    if (deleted) {
      b.node = undefined;
      list = undefined;
      return;
    }
    if (!b.node) list = undefined;
    b.node = obj;
    b.labels = stringMap(obj.metadata.labels);
    const spec = asMap(obj.spec);
    b.unschedulable = spec?.unschedulable === true;
    const taints = asList(spec?.taints)
      .map(asMap)
      .filter((t): t is Record<string, unknown> => t !== undefined);
    b.hardTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    b.preferNoScheduleTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
    const alloc = nodeAllocatable(obj);
    b.allocatableCpu = alloc.cpu;
    b.allocatableMemory = alloc.memory;
    b.allocatablePods = alloc.pods;
  };
  const refName = (o: KubeObject): string => `${o.metadata.namespace ?? 'default'}/${o.metadata.name ?? ''}`;

  const cache: SchedulerCache = {
    save: () => copyCacheState({ buckets, placed, latest, withAffinity, withRequiredAnti, counters, byAnchor, unanchored, byLabel, namespaces, services, workloads, synced }),
    load(state) {
      const c = copyCacheState(state as CacheState);
      refill(buckets, c.buckets);
      refill(placed, c.placed);
      refill(latest, c.latest);
      refill(withAffinity, c.withAffinity);
      refill(withRequiredAnti, c.withRequiredAnti);
      refill(counters, c.counters);
      refill(byAnchor, c.byAnchor);
      refillArray(unanchored, c.unanchored);
      refill(byLabel, c.byLabel);
      refill(namespaces, c.namespaces);
      refill(services, c.services);
      refill(workloads, c.workloads);
      synced = c.synced;
      // The sorted node list is derived from the buckets; it is rebuilt on first use.
      list = undefined;
    },
    observe(entry) {
      const obj = entry.object;
      const deleted = entry.type === 'DELETED';
      switch (obj.kind) {
        case 'Pod': {
          const uid = obj.metadata.uid ?? '';
          if (deleted) {
            latest.delete(refName(obj));
            removePod(uid);
            return;
          }
          latest.set(refName(obj), obj);
          // Most Pod updates are kubelet status writes: same node, labels and requests, nothing to recount.
          const was = placed.get(uid);
          if (was && was.node === asMap(obj.spec)?.nodeName && !isTerminated(obj) && sameSchedulingFacts(was.info, obj)) return;
          removePod(uid);
          addPod(obj);
          return;
        }
        case 'Node':
          setNode(obj, deleted);
          return;
        case 'Namespace':
          if (deleted) namespaces.delete(obj.metadata.name ?? '');
          else namespaces.set(obj.metadata.name ?? '', stringMap(obj.metadata.labels));
          // Counters that read namespace labels are rebuilt on their next use.
          for (const [key, c] of [...counters.entries()]) {
            if (!c.usesNamespaceLabels) continue;
            counters.delete(key);
            for (const cs of [...byAnchor.values(), unanchored]) {
              const i = cs.indexOf(c);
              if (i >= 0) cs.splice(i, 1);
            }
          }
          return;
        case 'Service': {
          const ns = obj.metadata.namespace ?? 'default';
          let m = services.get(ns);
          if (!m) services.set(ns, (m = new Map()));
          const selector = asMap(asMap(obj.spec)?.selector);
          if (deleted || !selector) m.delete(obj.metadata.name ?? '');
          else m.set(obj.metadata.name ?? '', stringMap(selector));
          return;
        }
        default:
          if (!WORKLOAD_KINDS.has(obj.kind)) return;
          if (deleted) workloads.delete(`${obj.kind}/${refName(obj)}`);
          else {
            const raw = asMap(obj.spec)?.selector;
            // A ReplicationController's selector is a plain label map.
            workloads.set(`${obj.kind}/${refName(obj)}`, obj.kind === 'ReplicationController' ? selectorFromMap(asMap(raw) ?? {}) : compileLabelSelector(raw));
          }
      }
    },
    sync(store) {
      if (synced) return;
      synced = true;
      for (const kind of ['Namespace', 'Node', 'Service', 'ReplicaSet', 'StatefulSet', 'ReplicationController', 'Pod']) {
        for (const object of store.list(kind)) cache.observe({ time: 0, type: 'MODIFIED', object });
      }
    },
    nodes() {
      if (!list) {
        list = [...buckets.values()].filter((b) => b.node !== undefined).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      }
      return list;
    },
    node(name) {
      const b = buckets.get(name);
      return b?.node ? b : undefined;
    },
    counter(key, anchor, matches, usesNamespaceLabels = false) {
      let c = counters.get(key);
      if (c) return c;
      c = { counts: new Map(), matches, usesNamespaceLabels };
      counters.set(key, c);
      if (anchor === undefined) unanchored.push(c);
      else {
        const cs = byAnchor.get(anchor);
        if (cs) cs.push(c);
        else byAnchor.set(anchor, [c]);
      }
      const scan = (uid: string): void => {
        const p = placed.get(uid);
        if (p && matches(p.info, namespaceLabelsOf)) c.counts.set(p.node, (c.counts.get(p.node) ?? 0) + 1);
      };
      if (anchor === undefined) for (const uid of placed.keys()) scan(uid);
      else for (const uid of byLabel.get(anchor) ?? []) scan(uid);
      return c;
    },
    pod: (namespace, name) => latest.get(`${namespace}/${name}`),
    placement: (uid) => placed.get(uid),
    podsWithAffinity: () => withAffinity.values(),
    podsWithRequiredAntiAffinity: () => withRequiredAnti.values(),
    namespaceLabels: namespaceLabelsOf,
    serviceSelectors(namespace) {
      const m = services.get(namespace);
      if (!m) return [];
      return [...m.keys()].sort().map((k) => m.get(k) as Record<string, string>);
    },
    workloadSelector: (kind, namespace, name) => workloads.get(`${kind}/${namespace}/${name}`),
  };
  return cache;
}
