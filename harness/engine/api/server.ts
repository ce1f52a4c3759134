import { clone } from '../../core/kube.ts';
import type { KubeObject, ObjectRef } from '../../core/kube.ts';
import type { ApiResult, DeleteOptions, StatusError } from '../types.ts';
import type { Store } from '../store.ts';
import { mapState, type StatePart } from '../snapshot.ts';
import { refOf } from '../store.ts';
import type { Random } from '../random.ts';
import { kindInfo } from '../kinds.ts';
import { applyDefaults } from './defaults.ts';
import { generateJobSelector } from './defaults-job.ts';
import { admit } from './admission.ts';
import { invalid, validate } from './validation-adapter.ts';
import { alreadyExists, badRequest, conflict, notFound } from './errors.ts';
import { qosClass } from '../qos.ts';
import { asMap, asInt } from '../util.ts';
import type { FieldError } from '../../validate/types.ts';

export interface ApiServerDeps {
  store: Store;
  random: Random;
  now: () => number;
  /** RFC 3339 of a virtual time in ms (default now). */
  timestamp: (at?: number) => string;
  /** Whether a kubelet will finish a graceful Pod deletion (the pod is on an existing node). */
  hasKubelet: (pod: KubeObject) => boolean;
}

export interface ApiServer {
  create(obj: KubeObject): ApiResult;
  apply(obj: KubeObject): ApiResult;
  update(obj: KubeObject): ApiResult;
  delete(ref: ObjectRef, options?: DeleteOptions): ApiResult;
}

/** Initialises server-set fields of a freshly created object (status) per kind. */
export type CreateHook = (obj: KubeObject) => void;
const CREATE_HOOKS = new Map<string, CreateHook>();

/** Registers a hook that fills server-set fields (such as status) when a kind is created. */
export function registerCreateHook(kind: string, hook: CreateHook): void {
  CREATE_HOOKS.set(kind, hook);
}

registerCreateHook('Pod', (pod) => {
  pod.status = { phase: 'Pending', qosClass: qosClass(pod) };
});
registerCreateHook('Namespace', (ns) => {
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? '' };
  ns.spec = { finalizers: ['kubernetes'] };
  ns.status = { phase: 'Active' };
});

/**
 * Fills fields that need the object's uid (the Job's generated selector, registry PrepareForCreate): mutates
 * `obj` and returns whether it changed. Runs on update before validation, and on create right after the
 * store assigned the uid (validation rules emulate the generation on a copy, so they already saw the result).
 */
export type UidHook = (obj: KubeObject, uid: string) => boolean;
const UID_HOOKS = new Map<string, UidHook>();

/** Registers the uid-dependent preparation of a kind. */
export function registerUidHook(kind: string, hook: UidHook): void {
  UID_HOOKS.set(kind, hook);
}
registerUidHook('Job', generateJobSelector);

/** Server-side allocation at storage time (ClusterIPs, NodePorts): mutates the object or returns field errors. */
export type AllocationHook = (obj: KubeObject, ctx: { store: Store; random: Random; old?: KubeObject }) => FieldError[];
const ALLOCATION_HOOKS = new Map<string, AllocationHook>();

/** Registers the storage-time allocator of a kind (runs after validation, before the write). */
export function registerAllocation(kind: string, hook: AllocationHook): void {
  ALLOCATION_HOOKS.set(kind, hook);
}

/** Decides how a delete proceeds (finalizers, propagation policy): a result to answer with, or undefined to remove now. */
export type DeleteHook = (obj: KubeObject, options: DeleteOptions | undefined, ctx: { store: Store; timestamp: () => string }) => ApiResult | undefined;
let deleteHook: DeleteHook | undefined;

/** Registers the garbage collector's delete hook (one at most). */
export function registerDeleteHook(hook: DeleteHook): void {
  deleteHook = hook;
}

const fail = (error: StatusError, warnings: string[] = []): ApiResult => ({ ok: false, error, warnings });

/** A successful result whose object is copied only when a caller reads it (controllers mostly do not). */
const succeeded = (verb: 'created' | 'configured' | 'unchanged' | 'deleted', res: { object: KubeObject }, warnings: string[]): ApiResult => ({
  ok: true,
  verb,
  get object(): KubeObject {
    return res.object;
  },
  warnings,
});

/** Merges a map three ways: keys the applier set win; keys it never set are kept from the stored object. */
function threeWay(old: unknown, last: unknown, next: unknown): Record<string, unknown> | undefined {
  const o = asMap(old);
  const n = asMap(next);
  if (!o) return n;
  const l = asMap(last) ?? {};
  const out: Record<string, unknown> = { ...(n ?? {}) };
  for (const key of Object.keys(o).sort()) {
    if (!(key in out) && !(key in l)) out[key] = o[key];
  }
  return Object.keys(out).length > 0 || n ? out : undefined;
}

function shapeError(obj: unknown): StatusError | undefined {
  const o = asMap(obj);
  if (!o || typeof o.kind !== 'string' || o.kind === '' || typeof o.apiVersion !== 'string') return badRequest('Object \'Kind\' is missing in the request body');
  if (o.metadata !== undefined && !asMap(o.metadata)) return badRequest(`${o.kind} in version "${o.apiVersion}" cannot be handled as a ${o.kind}: metadata must be an object`);
  return undefined;
}

/** Creates the API server: defaulting → admission → validation → store, with real Status errors. */
export function createApiServer(deps: ApiServerDeps): ApiServer & StatePart {
  const { store } = deps;
  const lastApplied = new Map<string, KubeObject>();

  const namespaceMissing = (obj: KubeObject): StatusError | undefined => {
    if (!kindInfo(obj.kind).namespaced) return undefined;
    const ns = obj.metadata.namespace ?? 'default';
    return store.peek({ kind: 'Namespace', namespace: '', name: ns }) ? undefined : notFound('Namespace', ns);
  };

  const create = (input: KubeObject, applied: boolean): ApiResult => {
    const shape = shapeError(input);
    if (shape) return fail(shape);
    const obj = applyDefaults(input);
    obj.metadata = { ...(obj.metadata ?? {}) };
    if (kindInfo(obj.kind).namespaced) obj.metadata.namespace = obj.metadata.namespace || 'default';
    else delete obj.metadata.namespace;
    delete obj.metadata.uid;
    delete obj.metadata.resourceVersion;
    const nsError = namespaceMissing(obj);
    if (nsError) return fail(nsError);
    if (!obj.metadata.name && typeof obj.metadata.generateName === 'string' && obj.metadata.generateName !== '') {
      const base = obj.metadata.generateName.slice(0, 58);
      do obj.metadata.name = base + deps.random.nameSuffix();
      while (store.peek(refOf(obj)));
    }
    delete obj.status;
    admit(obj, { random: deps.random });
    const { errors, warnings } = validate(obj);
    if (errors.length > 0) return fail(invalid(obj.kind, obj.metadata.name ?? '', errors), warnings);
    if (store.peek(refOf(obj))) return fail(alreadyExists(obj.kind, obj.metadata.name ?? ''), warnings);
    const allocErrors = ALLOCATION_HOOKS.get(obj.kind)?.(obj, { store, random: deps.random }) ?? [];
    if (allocErrors.length > 0) return fail(invalid(obj.kind, obj.metadata.name ?? '', allocErrors), warnings);
    CREATE_HOOKS.get(obj.kind)?.(obj);
    // Like FillObjectMetaSystemFields, the uid exists before the strategy prepares the object, so a kind
    // whose fields derive from it (a Job's generated selector) is written once, with generation 1.
    const uidHook = UID_HOOKS.get(obj.kind);
    const uid = uidHook ? deps.random.uid() : undefined;
    if (uidHook && uid !== undefined) uidHook(obj, uid);
    const res = store.create(obj, uid !== undefined ? { uid } : undefined);
    if (!res.ok) return fail(res.error, warnings);
    if (applied && res.object.metadata.uid) lastApplied.set(res.object.metadata.uid, clone(input));
    return succeeded('created', res, warnings);
  };

  const replace = (input: KubeObject, applied: boolean): ApiResult => {
    const shape = shapeError(input);
    if (shape) return fail(shape);
    const ref = refOf(input);
    const old = store.get(ref);
    if (!old) return applied ? create(input, true) : fail(notFound(input.kind, ref.name));
    const wantedRv = input.metadata?.resourceVersion;
    if (!applied && wantedRv !== undefined && wantedRv !== old.metadata.resourceVersion) return fail(conflict(input.kind, ref.name));
    const defaulted = applyDefaults(input);
    const last = old.metadata.uid ? lastApplied.get(old.metadata.uid) : undefined;
    const next: KubeObject = clone(old);
    const meta = asMap(defaulted.metadata) ?? {};
    for (const key of ['labels', 'annotations'] as const) {
      // apply merges with what the applier set before; update (PUT) replaces the maps as given.
      const merged = applied ? threeWay(old.metadata[key], asMap(last?.metadata)?.[key], meta[key]) : asMap(meta[key]);
      if (merged && Object.keys(merged).length > 0) next.metadata[key] = merged as Record<string, string>;
      else delete next.metadata[key];
    }
    if (defaulted.spec !== undefined || old.spec !== undefined) {
      const spec = asMap(defaulted.spec) ? threeWay(old.spec, last?.spec, defaulted.spec) : defaulted.spec;
      if (spec === undefined) delete next.spec;
      else next.spec = spec;
    }
    for (const key of Object.keys(defaulted).sort()) {
      if (!['apiVersion', 'kind', 'metadata', 'spec', 'status'].includes(key)) next[key] = defaulted[key];
    }
    UID_HOOKS.get(next.kind)?.(next, old.metadata.uid ?? '');
    admit(next, { random: deps.random, old });
    const { errors, warnings } = validate(next, { old });
    if (errors.length > 0) return fail(invalid(next.kind, ref.name, errors), warnings);
    const allocErrors = ALLOCATION_HOOKS.get(next.kind)?.(next, { store, random: deps.random, old }) ?? [];
    if (allocErrors.length > 0) return fail(invalid(next.kind, ref.name, allocErrors), warnings);
    const res = store.update(next);
    if (!res.ok) return fail(res.error, warnings);
    if (applied && res.object.metadata.uid) lastApplied.set(res.object.metadata.uid, clone(input));
    return succeeded(res.changed ? 'configured' : 'unchanged', res, warnings);
  };

  return {
    create: (obj) => create(obj, false),
    apply: (obj) => replace(obj, true),
    update: (obj) => replace(obj, false),
    delete(ref, options) {
      const info = kindInfo(ref.kind);
      const key: ObjectRef = { kind: ref.kind, namespace: info.namespaced ? ref.namespace || 'default' : '', name: ref.name };
      // The stored (frozen) object: only a graceful Pod deletion changes it, on its own copy.
      const obj = store.peek(key);
      if (!obj) return fail(notFound(ref.kind, ref.name));
      if (ref.kind === 'Pod') {
        const requested = asInt(options?.gracePeriodSeconds);
        const grace = Math.max(0, requested ?? asInt(asMap(obj.spec)?.terminationGracePeriodSeconds) ?? 30);
        const phase = asMap(obj.status)?.phase;
        if (grace > 0 && deps.hasKubelet(obj) && phase !== 'Succeeded' && phase !== 'Failed') {
          if (obj.metadata.deletionTimestamp) return { ok: true, verb: 'deleted', object: clone(obj), warnings: [] };
          const res = store.update({ ...obj, metadata: { ...obj.metadata, deletionTimestamp: deps.timestamp(deps.now() + grace * 1000), deletionGracePeriodSeconds: grace } });
          return res.ok ? succeeded('deleted', res, []) : fail(res.error);
        }
      }
      const held = deleteHook?.(obj, options, { store, timestamp: () => deps.timestamp() });
      if (held) return held;
      if (ref.kind === 'Namespace') {
        for (const kind of ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'Job', 'EndpointSlice', 'ConfigMap', 'Secret', 'Endpoints']) {
          for (const o of store.list(kind, ref.name)) store.remove(refOf(o));
        }
      }
      const res = store.remove(key);
      if (res.ok && obj.metadata.uid) lastApplied.delete(obj.metadata.uid);
      return res.ok ? succeeded('deleted', res, []) : fail(res.error);
    },
    // Last-applied configurations are private copies nobody changes: a fork shares them.
    ...mapState(lastApplied),
  };
}
