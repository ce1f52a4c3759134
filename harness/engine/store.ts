import { clone, refKey } from '../core/kube.ts';
import type { KubeObject, ObjectRef } from '../core/kube.ts';
import type { StatusError, WatchEntry } from './types.ts';
import type { Random } from './random.ts';
import { kindInfo } from './kinds.ts';
import { deepEqual } from './util.ts';

export type StoreVerb = 'create' | 'update' | 'delete';

/** A fault-injection hook: return a StatusError to make the write fail. */
export type Interceptor = (verb: StoreVerb, obj: KubeObject) => StatusError | undefined;

export type StoreResult = { ok: true; object: KubeObject; changed: boolean } | { ok: false; error: StatusError };

export interface Store {
  /** A private, mutable copy of one object. */
  get(ref: ObjectRef): KubeObject | undefined;
  /** Objects of a kind sorted by namespace then name; namespace undefined → all. Shared, frozen snapshots: clone before changing. */
  list(kind: string, namespace?: string): KubeObject[];
  /** Stores a new object: sets uid, resourceVersion, generation 1 and creationTimestamp. */
  create(obj: KubeObject): StoreResult;
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

/** Creates an in-memory object store on virtual time and seeded uids. */
export function createStore(deps: { now: () => number; timestamp: () => string; random: Random }): Store {
  // Stored objects are deep-frozen snapshots: reads share them without copying (controllers list
  // every Pod on every reconcile, so copying made the engine quadratic), and a caller that tried to
  // modify one would get a TypeError instead of silently changing the store.
  const objects = new Map<string, KubeObject>();
  // Per kind, the objects in list order (namespace, then name), kept up to date on every write.
  const sorted = new Map<string, { keys: string[]; items: KubeObject[] }>();
  const log: WatchEntry[] = [];
  const hooks: Interceptor[] = [];
  const listeners: ((entry: WatchEntry) => void)[] = [];
  let rv = 0;

  const index = (type: WatchEntry['type'], object: KubeObject): void => {
    let bucket = sorted.get(object.kind);
    if (!bucket) sorted.set(object.kind, (bucket = { keys: [], items: [] }));
    const key = sortKey(object);
    let lo = 0;
    let hi = bucket.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (bucket.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    const found = lo < bucket.keys.length && bucket.keys[lo] === key;
    if (type === 'DELETED') {
      if (found) {
        bucket.keys.splice(lo, 1);
        bucket.items.splice(lo, 1);
      }
    } else if (found) bucket.items[lo] = object;
    else {
      bucket.keys.splice(lo, 0, key);
      bucket.items.splice(lo, 0, object);
    }
  };
  const record = (type: WatchEntry['type'], object: KubeObject): void => {
    index(type, object);
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
  const sortKey = (o: KubeObject): string => `${o.metadata.namespace ?? ''}\u0000${o.metadata.name ?? ''}`;

  return {
    get(ref) {
      // get() hands out a private copy: callers commonly change it and write it back with update().
      const o = objects.get(refKey(ref));
      return o ? clone(o) : undefined;
    },
    list(kind, namespace) {
      const all = sorted.get(kind)?.items ?? [];
      return namespace === undefined ? [...all] : all.filter((o) => (o.metadata.namespace ?? '') === namespace);
    },
    create(input) {
      const obj = clone(input);
      obj.metadata = { ...(obj.metadata ?? {}) };
      const ref = refOf(obj);
      if (kindInfo(obj.kind).namespaced) obj.metadata.namespace = ref.namespace;
      obj.metadata.uid = deps.random.uid();
      obj.metadata.resourceVersion = String(++rv);
      obj.metadata.generation = 1;
      obj.metadata.creationTimestamp = deps.timestamp();
      const err = check('create', obj);
      if (err) {
        rv--;
        return { ok: false, error: err };
      }
      deepFreeze(obj);
      objects.set(refKey(ref), obj);
      record('ADDED', obj);
      return { ok: true, object: clone(obj), changed: true };
    },
    update(input) {
      const ref = refOf(input);
      const old = objects.get(refKey(ref));
      if (!old) throw new Error(`store.update of a missing object ${refKey(ref)}`);
      const obj = clone(input);
      obj.metadata = { ...obj.metadata, uid: old.metadata.uid, creationTimestamp: old.metadata.creationTimestamp, resourceVersion: old.metadata.resourceVersion };
      obj.metadata.generation = old.metadata.generation ?? 1;
      if (deepEqual(obj, old)) return { ok: true, object: clone(old), changed: false };
      // Binding a pod (setting nodeName) is not a spec change the user made: generation stays.
      const specChanged = obj.kind === 'Pod' ? !deepEqual({ ...obj.spec, nodeName: undefined }, { ...old.spec, nodeName: undefined }) : !deepEqual(obj.spec, old.spec);
      obj.metadata.generation = (old.metadata.generation ?? 1) + (specChanged ? 1 : 0);
      const err = check('update', obj);
      if (err) return { ok: false, error: err };
      obj.metadata.resourceVersion = String(++rv);
      deepFreeze(obj);
      objects.set(refKey(ref), obj);
      record('MODIFIED', obj);
      return { ok: true, object: clone(obj), changed: true };
    },
    remove(ref) {
      const old = objects.get(refKey(ref));
      if (!old) throw new Error(`store.remove of a missing object ${refKey(ref)}`);
      const err = check('delete', old);
      if (err) return { ok: false, error: err };
      objects.delete(refKey(ref));
      const gone = clone(old);
      gone.metadata.resourceVersion = String(++rv);
      deepFreeze(gone);
      record('DELETED', gone);
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
  };
}

/** Freezes plain JSON data all the way down (stored objects are immutable snapshots). */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
