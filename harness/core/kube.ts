/** The shape every Kubernetes object shares; everything else is kind-specific plain JSON. */
export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  [key: string]: unknown;
}

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  // spec and status are kind-specific plain JSON, read defensively by each consumer.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  spec?: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  status?: any;
  [key: string]: unknown;
}

/** Identifies one object: kind, namespace ('' for cluster-scoped kinds) and name. */
export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
}

/** Formats a reference as `kind/namespace/name` (stable key for maps and sorting). */
export function refKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.namespace}/${ref.name}`;
}

/**
 * Deep-clones plain JSON data with JSON's semantics (undefined object members are dropped, undefined
 * array items and non-finite numbers become null), several times faster than a JSON round trip.
 */
export function clone<T>(value: T): T {
  return value === undefined ? value : (copyJson(value) as T);
}

function copyJson(v: unknown): unknown {
  if (v === null || typeof v !== 'object') {
    if (typeof v === 'number') return Number.isFinite(v) ? (Object.is(v, -0) ? 0 : v) : null;
    return v;
  }
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = v[i] as unknown;
      out[i] = item === undefined || typeof item === 'function' ? null : copyJson(item);
    }
    return out;
  }
  const toJSON = (v as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return JSON.parse(JSON.stringify(v)) as unknown;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const item = (v as Record<string, unknown>)[key];
    if (item === undefined || typeof item === 'function') continue;
    // Own data properties only; a key named __proto__ is copied as data, never as the prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: copyJson(item), enumerable: true, writable: true, configurable: true });
    else out[key] = copyJson(item);
  }
  return out;
}
