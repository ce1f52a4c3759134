/**
 * Forking a cluster: every component that keeps state between reconciles (maps, queues, counters, random
 * streams) registers a StatePart, and a snapshot is the list of their saved states in registration order.
 * Restoring builds a new cluster from the same options (so the same parts register in the same order) and
 * loads each part. A fork then behaves exactly as a cluster that ran the same history from scratch: property
 * scenarios start from one settled snapshot instead of applying and settling the submission again.
 * Store interceptors (store.intercept, a test hook for failing writes) are not state: a fork has none.
 */

/** One component's state that a fork copies. */
export interface StatePart {
  /**
   * Returns a copy of the state that later changes to the component cannot reach. Frozen store objects may
   * be shared (they never change); anything the component mutates in place must be copied.
   */
  save(): unknown;
  /**
   * Replaces the state with a copy of `state` (from save() of the same part of a cluster built with the same
   * options). `state` itself must stay untouched: the next fork loads it again.
   */
  load(state: unknown): void;
}

/** Named state parts in registration order (the order is the same for every cluster built with the same options). */
export interface StateParts {
  /** Registers a part; a name used twice is a harness defect. */
  keep(name: string, part: StatePart): void;
  /** Saves every part, in registration order. */
  saveAll(): [string, unknown][];
  /** Loads saved states into parts registered under the same names in the same order. */
  loadAll(saved: readonly (readonly [string, unknown])[]): void;
}

/** Creates an empty list of state parts. */
export function createStateParts(): StateParts {
  const parts: [string, StatePart][] = [];
  return {
    keep(name, part) {
      if (parts.some(([n]) => n === name)) throw new Error(`state part ${name} kept twice`);
      parts.push([name, part]);
    },
    saveAll: () => parts.map(([name, part]) => [name, part.save()]),
    loadAll(saved) {
      const names = parts.map(([n]) => n).join(', ');
      const savedNames = saved.map(([n]) => n).join(', ');
      if (names !== savedNames) throw new Error(`cannot restore a snapshot of other parts (snapshot: ${savedNames}; cluster: ${names})`);
      saved.forEach(([, state], i) => parts[i]![1].load(state));
    },
  };
}

/** Copies a Map whose values are immutable (or copied by `copy`). */
export function copyMap<K, V>(map: ReadonlyMap<K, V>, copy: (v: V) => V = (v) => v): Map<K, V> {
  const out = new Map<K, V>();
  for (const [k, v] of map) out.set(k, copy(v));
  return out;
}

/** Replaces the contents of `target` with copies of `source`'s entries (a part whose Map is captured by closures). */
export function refill<K, V>(target: Map<K, V>, source: ReadonlyMap<K, V>, copy: (v: V) => V = (v) => v): void {
  target.clear();
  for (const [k, v] of source) target.set(k, copy(v));
}

/** Replaces the contents of `target` with `source`'s items. */
export function refillSet<T>(target: Set<T>, source: ReadonlySet<T>): void {
  target.clear();
  for (const v of source) target.add(v);
}

/** Replaces the contents of an array in place with copies of `source`'s items. */
export function refillArray<T>(target: T[], source: readonly T[], copy: (v: T) => T = (v) => v): void {
  target.length = 0;
  for (const v of source) target.push(copy(v));
}

/** Builds the StatePart of a Map a component keeps (values immutable, or copied by `copy`), for a cluster fork. */
export function mapState<K, V>(map: Map<K, V>, copy: (v: V) => V = (v) => v): StatePart {
  return {
    save: () => copyMap(map, copy),
    load: (state) => refill(map, state as Map<K, V>, copy),
  };
}
