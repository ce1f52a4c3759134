import type { KubeObject, ObjectRef, OwnerReference } from '../../core/kube.ts';
import type { ApiServer, DeleteHook } from '../api/server.ts';
import { registerDeleteHook } from '../api/server.ts';
import { mapState } from '../snapshot.ts';
import { kindInfo } from '../kinds.ts';
import { refOf } from '../store.ts';
import type { Store } from '../store.ts';
import { asList } from '../util.ts';
import { OWNER_INDEX, ownerKey } from '../store-indexes.ts';
import type { Controller, ControllerContext } from './registry.ts';
import { ownerRefs, withoutOwner } from './owner-refs.ts';

export const GARBAGE_COLLECTOR = 'garbage-collector';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';
/** Kinds the collector scans for dependents (sorted iteration keeps it deterministic). */
export const DEPENDENT_KINDS = ['ConfigMap', 'Deployment', 'EndpointSlice', 'Endpoints', 'Pod', 'ReplicaSet', 'Secret', 'Service'];
// A pseudo-kind: the collector is enqueued only through onChange, for objects of any kind.
const GC_KIND = 'GarbageCollectorItem';

/** Wraps an object reference as the collector's queue key (any kind goes through one pseudo-kind). */
export function gcRef(ref: ObjectRef): ObjectRef {
  return { kind: GC_KIND, namespace: ref.namespace, name: `${ref.kind}/${ref.name}` };
}

const finalizersOf = (obj: KubeObject): string[] => asList(obj.metadata.finalizers).filter((f): f is string => typeof f === 'string');

/** Starts a delete that must wait (foreground, orphan, or existing finalizers): sets deletionTimestamp and finalizers instead of removing. */
export const propagationHook: DeleteHook = (obj, options, { store, timestamp }) => {
  const finalizers = finalizersOf(obj);
  if (obj.metadata.deletionTimestamp && finalizers.length > 0) return { ok: true, verb: 'deleted', object: obj, warnings: [] };
  const policy = options?.propagationPolicy ?? 'Background';
  if (policy === 'Foreground' && !finalizers.includes(FOREGROUND_FINALIZER)) finalizers.push(FOREGROUND_FINALIZER);
  if (policy === 'Orphan' && !finalizers.includes(ORPHAN_FINALIZER)) finalizers.push(ORPHAN_FINALIZER);
  if (finalizers.length === 0) return undefined;
  const next: KubeObject = { ...obj, metadata: { ...obj.metadata, deletionTimestamp: timestamp(), deletionGracePeriodSeconds: 0, finalizers } };
  const res = store.update(next);
  return res.ok ? { ok: true, verb: 'deleted', object: res.object, warnings: [] } : { ok: false, error: res.error, warnings: [] };
};
registerDeleteHook(propagationHook);

/** Lists the objects that name `uid` in their ownerReferences (sorted by kind, namespace, name). */
export function dependentsOf(store: Store, uid: string | undefined): KubeObject[] {
  if (!uid) return [];
  return DEPENDENT_KINDS.flatMap((kind) => store.byIndex(OWNER_INDEX, ownerKey(kind, uid)).filter((o) => ownerRefs(o).some((r) => r.uid === uid)));
}

function ownerExists(store: Store, obj: KubeObject, ref: OwnerReference): boolean {
  const namespace = kindInfo(ref.kind).namespaced ? (obj.metadata.namespace ?? 'default') : '';
  return store.peek({ kind: ref.kind, namespace, name: ref.name })?.metadata.uid === ref.uid;
}

function finish(ctx: ControllerContext, obj: KubeObject, drop: string): void {
  const finalizers = finalizersOf(obj).filter((f) => f !== drop);
  if (finalizers.length === 0) ctx.store.remove(refOf(obj));
  else ctx.store.update({ ...obj, metadata: { ...obj.metadata, finalizers } });
}

/** Creates the garbage collector: deletes dependents of gone owners, runs foreground and orphan deletion. */
export function createGarbageCollector(api: ApiServer): Controller {
  // Per object uid, the (frozen) ownerReferences last looked at. A write that keeps them (a status update) cannot
  // leave an owner missing: that takes the owner's deletion, which enqueues its dependents below.
  const looked = new Map<string, unknown>();
  return {
    name: GARBAGE_COLLECTOR,
    for: GC_KIND,
    state: mapState(looked),
    onChange(entry, enqueue, ctx) {
      const obj = entry.object;
      const self: ObjectRef = { ...refOf(obj), kind: obj.kind };
      const wrap = gcRef;
      const uid = obj.metadata.uid ?? '';
      if (entry.type === 'DELETED') looked.delete(uid);
      else if (obj.metadata.deletionTimestamp) enqueue(wrap(self));
      else if (obj.metadata.ownerReferences !== looked.get(uid)) {
        looked.set(uid, obj.metadata.ownerReferences);
        if (ownerRefs(obj).length > 0) enqueue(wrap(self));
      }
      // Scanning for dependents is only needed when an owner is gone or held by a finalizer (not for every terminating Pod).
      const held = obj.metadata.deletionTimestamp && finalizersOf(obj).length > 0;
      if (entry.type === 'DELETED' || held) for (const dep of dependentsOf(ctx.store, obj.metadata.uid)) enqueue(wrap(refOf(dep)));
      // A dependent going away may let a foreground-deleting owner finish.
      if (entry.type === 'DELETED') {
        for (const r of ownerRefs(obj)) enqueue(wrap({ kind: r.kind, namespace: kindInfo(r.kind).namespaced ? (obj.metadata.namespace ?? 'default') : '', name: r.name }));
      }
    },
    reconcile(req, ctx) {
      const slash = req.name.indexOf('/');
      const ref: ObjectRef = { kind: req.name.slice(0, slash), namespace: req.namespace, name: req.name.slice(slash + 1) };
      // Read-only: every write below builds a new object.
      const obj = ctx.store.peek(ref);
      if (!obj) return;
      const finalizers = finalizersOf(obj);
      if (obj.metadata.deletionTimestamp && finalizers.includes(ORPHAN_FINALIZER)) {
        for (const dep of dependentsOf(ctx.store, obj.metadata.uid)) {
          const stripped = withoutOwner(dep, obj.metadata.uid ?? '');
          if (stripped) ctx.store.update(stripped);
        }
        finish(ctx, obj, ORPHAN_FINALIZER);
        return;
      }
      if (obj.metadata.deletionTimestamp && finalizers.includes(FOREGROUND_FINALIZER)) {
        const deps = dependentsOf(ctx.store, obj.metadata.uid);
        for (const dep of deps) if (!dep.metadata.deletionTimestamp) api.delete(refOf(dep), { propagationPolicy: 'Foreground' });
        const blocking = dependentsOf(ctx.store, obj.metadata.uid).filter((d) => ownerRefs(d).some((r) => r.uid === obj.metadata.uid && r.blockOwnerDeletion === true));
        if (blocking.length === 0) finish(ctx, obj, FOREGROUND_FINALIZER);
        return;
      }
      const refs = ownerRefs(obj);
      if (refs.length === 0 || obj.metadata.deletionTimestamp) return;
      const dangling = refs.filter((r) => !ownerExists(ctx.store, obj, r));
      if (dangling.length === refs.length) api.delete(ref, { propagationPolicy: 'Background' });
      else if (dangling.length > 0) {
        let next: KubeObject = obj;
        for (const r of dangling) next = withoutOwner(next, r.uid) ?? next;
        ctx.store.update(next);
      }
    },
  };
}
