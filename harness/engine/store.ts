import { clone, refKey } from '../core/kube.ts';
import type { KubeObject, ObjectRef } from '../core/kube.ts';
import type { StatusError, WatchEntry } from './types.ts';
import type { Random } from './random.ts';
import { kindInfo } from './kinds.ts';
import { deepEqual } from './util.ts';
import { NAMESPACE_INDEX, STANDARD_INDEXES, namespaceKey } from './store-indexes.ts';
import type { StoreIndex } from './store-indexes.ts';
import { copyMap, refill, refillArray, type StatePart } from './snapshot.ts';

export type StoreVerb = 'create' | 'update' | 'delete';

/** A fault-injection hook: return a StatusError to make the write fail. */
export type Interceptor = (verb: StoreVerb, obj: KubeObject) => StatusError | undefined;

export type StoreResult = { ok: true; object: KubeObject; changed: boolean } | { ok: false; error: StatusError };

export interface Store {
  /** A private, mutable copy of one object. */
  get(ref: ObjectRef): KubeObject | undefined;
  /** The stored, deep-frozen snapshot of one object (no copy): for callers that only read. */
  peek(ref: ObjectRef): KubeObject | undefined;
  /** Objects of a kind sorted by namespace then name; namespace undefined → all. Shared, frozen snapshots: clone before changing. */
  list(kind: string, namespace?: string): KubeObject[];
  /** Objects filed under `key` in the named index, sorted by kind, namespace then name (shared, frozen snapshots). */
  byIndex(index: string, key: string): KubeObject[];
  /** Adds a secondary index (filing every object already stored); a name used twice is a harness defect. */
  addIndex(index: StoreIndex): void;
  /** Stores a new object: sets uid (a fresh one unless the API server drew it already), resourceVersion, generation 1 and creationTimestamp. */
  create(obj: KubeObject, options?: { uid?: string }): StoreResult;
  /** Replaces an object; writes nothing when it is identical (changed: false). */
  update(obj: KubeObject): StoreResult;
  remove(ref: ObjectRef): StoreResult;
  watchLog(): WatchEntry[];
  /** Number of watch entries so far (cheap, for idempotence checks). */
  revision(): number;
  intercept(hook: Interceptor): () => void;
  /** Called after every write (the cluster uses it to enqueue controllers). */
  onChange(listener: (entry: WatchEntry) => void): void;
}

/** Builds the store key of an object (cluster-scoped kinds use namespace ''). */
export function refOf(obj: KubeObject): ObjectRef {
  const namespaced = kindInfo(obj.kind).namespaced;
  return { kind: obj.kind, namespace: namespaced ? (obj.metadata?.namespace ?? 'default') : '', name: obj.metadata?.name ?? '' };
}

/** Objects kept in one sort order (binary search on a parallel array of sort keys). */
class SortedBucket {

  private find(key: string): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  constructor(
    readonly keys: string[] = [],
    readonly items: KubeObject[] = [],
  ) {}

  copy(): SortedBucket {
    return new SortedBucket(this.keys.slice(), this.items.slice());
  }

  put(key: string, obj: KubeObject): void {
    const i = this.find(key);
    if (i < this.keys.length && this.keys[i] === key) this.items[i] = obj;
    else {
      this.keys.splice(i, 0, key);
      this.items.splice(i, 0, obj);
    }
  }

  drop(key: string): void {
    const i = this.find(key);
    if (i < this.keys.length && this.keys[i] === key) {
      this.keys.splice(i, 1);
      this.items.splice(i, 1);
    }
  }
}

/** Creates an in-memory object store on virtual time and seeded uids. */
export function createStore(deps: { now: () => number; timestamp: () => string; random: Random }): Store & StatePart {
  // Stored objects are deep-frozen snapshots: reads share them without copying (controllers list
  // every Pod on every reconcile, so copying made the engine quadratic), and a caller that tried to
  // modify one would get a TypeError instead of silently changing the store.
  // kind → namespace → name → object: lookups reuse the caller's strings instead of building a key
  // (String() keeps refKey's conversion of odd, non-string parts of a reference).
  const objects = new Map<string, Map<string, Map<string, KubeObject>>>();
  const lookup = (ref: ObjectRef): KubeObject | undefined => objects.get(String(ref.kind))?.get(String(ref.namespace))?.get(String(ref.name));
  const keep = (ref: ObjectRef, obj: KubeObject): void => {
    const kind = String(ref.kind);
    const namespace = String(ref.namespace);
    let byNamespace = objects.get(kind);
    if (!byNamespace) objects.set(kind, (byNamespace = new Map()));
    let byName = byNamespace.get(namespace);
    if (!byName) byNamespace.set(namespace, (byName = new Map()));
    byName.set(String(ref.name), obj);
  };
  const forget = (ref: ObjectRef): void => {
    const byNamespace = objects.get(String(ref.kind));
    const byName = byNamespace?.get(String(ref.namespace));
    byName?.delete(String(ref.name));
    if (byName?.size === 0) byNamespace?.delete(String(ref.namespace));
  };
  // Per kind, the objects in list order (namespace, then name), kept up to date on every write.
  const sorted = new Map<string, SortedBucket>();
  // Secondary indexes: index name → key → bucket (sorted by kind, namespace, name).
  const indexes: StoreIndex[] = [];
  const buckets = new Map<string, Map<string, SortedBucket>>();
  const log: WatchEntry[] = [];
  const hooks: Interceptor[] = [];
  const listeners: ((entry: WatchEntry) => void)[] = [];
  let rv = 0;

  const listKey = (o: KubeObject): string => `${o.metadata.namespace ?? ''}\u0000${o.metadata.name ?? ''}`;
  const indexKey = (o: KubeObject): string => `${o.kind}\u0000${listKey(o)}`;

  const file = (index: StoreIndex, before: KubeObject | undefined, after: KubeObject | undefined): void => {
    const byKey = buckets.get(index.name)!;
    const sortKey = indexKey((after ?? before)!);
    const oldKeys = before ? index.keys(before) : [];
    const newKeys = after ? index.keys(after) : [];
    for (const k of oldKeys) {
      if (newKeys.includes(k)) continue;
      const bucket = byKey.get(k);
      bucket?.drop(sortKey);
      if (bucket?.keys.length === 0) byKey.delete(k);
    }
    for (const k of newKeys) {
      let bucket = byKey.get(k);
      if (!bucket) byKey.set(k, (bucket = new SortedBucket()));
      bucket.put(sortKey, after!);
    }
  };

  const addIndex = (index: StoreIndex): void => {
    if (buckets.has(index.name)) throw new Error(`store index ${index.name} added twice`);
    indexes.push(index);
    buckets.set(index.name, new Map());
    for (const bucket of sorted.values()) for (const o of bucket.items) file(index, undefined, o);
  };
  for (const index of STANDARD_INDEXES) addIndex(index);

  const record = (type: WatchEntry['type'], object: KubeObject, previous: KubeObject | undefined): void => {
    let bucket = sorted.get(object.kind);
    if (!bucket) sorted.set(object.kind, (bucket = new SortedBucket()));
    if (type === 'DELETED') bucket.drop(listKey(object));
    else bucket.put(listKey(object), object);
    for (const index of indexes) file(index, previous, type === 'DELETED' ? undefined : object);
    const entry: WatchEntry = { time: deps.now(), type, object };
    log.push(entry);
    for (const l of listeners) l(entry);
  };
  const check = (verb: StoreVerb, obj: KubeObject): StatusError | undefined => {
    for (const h of hooks) {
      const err = h(verb, clone(obj));
      if (err) return err;
    }
    return undefined;
  };

  return {
    get(ref) {
      // get() hands out a private copy: callers commonly change it and write it back with update().
      const o = lookup(ref);
      return o ? clone(o) : undefined;
    },
    peek(ref) {
      return lookup(ref);
    },
    list(kind, namespace) {
      if (namespace === undefined) return [...(sorted.get(kind)?.items ?? [])];
      // Stored namespaces are strings: any other value (hostile input) matches nothing.
      if (typeof namespace !== 'string' || typeof kind !== 'string') return [];
      return [...(buckets.get(NAMESPACE_INDEX)!.get(namespaceKey(kind, namespace))?.items ?? [])];
    },
    byIndex(index, key) {
      const byKey = buckets.get(index);
      if (!byKey) throw new Error(`unknown store index ${index} (known: ${[...buckets.keys()].sort().join(', ')})`);
      return [...(byKey.get(key)?.items ?? [])];
    },
    addIndex,
    create(input, options) {
      const obj = copySharing(input);
      obj.metadata = { ...(obj.metadata ?? {}) };
      const ref = refOf(obj);
      if (kindInfo(obj.kind).namespaced) obj.metadata.namespace = ref.namespace;
      obj.metadata.uid = options?.uid ?? deps.random.uid();
      obj.metadata.resourceVersion = String(++rv);
      obj.metadata.generation = 1;
      obj.metadata.creationTimestamp = deps.timestamp();
      const err = check('create', obj);
      if (err) {
        rv--;
        return { ok: false, error: err };
      }
      deepFreeze(obj);
      keep(ref, obj);
      record('ADDED', obj, undefined);
      return written(obj, true);
    },
    update(input) {
      const ref = refOf(input);
      const old = lookup(ref);
      if (!old) throw new Error(`store.update of a missing object ${refKey(ref)}`);
      const obj = copySharing(input);
      obj.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, resourceVersion: old.metadata.resourceVersion };
      obj.metadata.generation = old.metadata.generation ?? 1;
      if (deepEqual(obj, old)) return written(old, false);
      // Binding a pod (setting nodeName) is not a spec change the user made: generation stays.
      const specChanged = obj.kind === 'Pod' ? !deepEqual({ ...obj.spec, nodeName: undefined }, { ...old.spec, nodeName: undefined }) : !deepEqual(obj.spec, old.spec);
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
      const err = check('update', obj);
      if (err) return { ok: false, error: err };
      obj.metadata.resourceVersion = String(++rv);
      deepFreeze(obj);
      keep(ref, obj);
      record('MODIFIED', obj, old);
      return written(obj, true);
    },
    remove(ref) {
      const old = lookup(ref);
      if (!old) throw new Error(`store.remove of a missing object ${refKey(ref)}`);
      const err = check('delete', old);
      if (err) return { ok: false, error: err };
      forget(ref);
      // Only metadata changes: everything else is shared with the frozen snapshot.
      const gone: KubeObject = { ...old, metadata: { ...old.metadata, resourceVersion: String(++rv) } };
      deepFreeze(gone);
      record('DELETED', gone, old);
      return { ok: true, object: gone, changed: true };
    },
    watchLog() {
      return log.map((e) => clone(e));
    },
    revision() {
      return log.length;
    },
    intercept(hook) {
      hooks.push(hook);
      return () => {
        const i = hooks.indexOf(hook);
        if (i >= 0) hooks.splice(i, 1);
      };
    },
    onChange(listener) {
      listeners.push(listener);
    },
    // Stored objects and watch entries are frozen or never changed: a fork shares them and copies the maps.
    save: (): StoreState => ({ objects: copyObjects(objects), sorted: copyBuckets(sorted), buckets: copyMap(buckets, copyBuckets), log: [...log], rv, indexes: indexes.map((i) => i.name) }),
    load(state) {
      const saved = state as StoreState;
      if (saved.indexes.join(',') !== indexes.map((i) => i.name).join(',')) throw new Error(`cannot restore a store with indexes ${saved.indexes.join(', ')} into one with ${indexes.map((i) => i.name).join(', ')}`);
      refill(objects, copyObjects(saved.objects));
      refill(sorted, saved.sorted, (b) => b.copy());
      refill(buckets, saved.buckets, copyBuckets);
      refillArray(log, saved.log);
      rv = saved.rv;
    },
  };
}

interface StoreState {
  objects: Map<string, Map<string, Map<string, KubeObject>>>;
  sorted: Map<string, SortedBucket>;
  buckets: Map<string, Map<string, SortedBucket>>;
  log: WatchEntry[];
  rv: number;
  indexes: string[];
}

function copyBuckets(map: ReadonlyMap<string, SortedBucket>): Map<string, SortedBucket> {
  return copyMap(map, (b) => b.copy());
}

function copyObjects(map: ReadonlyMap<string, Map<string, Map<string, KubeObject>>>): Map<string, Map<string, Map<string, KubeObject>>> {
  return copyMap(map, (byNamespace) => copyMap(byNamespace, (byName) => new Map(byName)));
}

/** Builds a successful write result whose `object` is a private copy made on first read (most writers never read it). */
function written(stored: KubeObject, changed: boolean): StoreResult {
  let copy: KubeObject | undefined;
  return {
    ok: true,
    changed,
    get object(): KubeObject {
      return (copy ??= clone(stored));
    },
  };
}

/**
 * Deep-copies plain JSON data as clone() does, except that frozen subtrees are shared: only the
 * store freezes, so a frozen node is an already-normalised stored snapshot that can never change.
 * Controllers write back objects read from the store with a small change; copying only the changed
 * part made writes cost O(change) instead of O(object).
 */
function copySharing<T>(value: T): T {
  // The top level is always a fresh object: the store sets metadata on it before freezing.
  return (value === undefined ? value : copyNode(value, true)) as T;
}

function copyNode(v: unknown, top = false): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
    return v;
  }
  if (!top && Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = v[i] as unknown;
      out[i] = item === undefined || typeof item === 'function' ? null : copyNode(item);
    }
    return out;
  }
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') return clone(v);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const item = (v as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    // Own data properties only; a key named __proto__ is copied as data, never as the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copyNode(item), enumerable: true, writable: true, configurable: true });
    else out[key] = copyNode(item);
  }
  return out;
}

/** Freezes plain JSON data all the way down (stored objects are immutable snapshots). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
