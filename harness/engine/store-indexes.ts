import type { KubeObject } from '../core/kube.ts';
import type { Store } from './store.ts';
import { controllerRef } from './controllers/owner-refs.ts';
import { asList, asMap } from './util.ts';

/** A secondary index of the store (client-go's Indexer): the keys an object is filed under. */
export interface StoreIndex {
  name: string;
  /** Keys of one stored (frozen) object; must not throw on hostile shapes. */
  keys(obj: KubeObject): readonly string[];
}

// \u0000 cannot occur in a kind, namespace or uid the API accepts, so keys never collide.
const SEP = '\u0000';

/** Objects by kind and namespace (what `list(kind, namespace)` answers from). */
export const NAMESPACE_INDEX = 'namespace';
/** Objects by kind and the uid of any of their ownerReferences. */
export const OWNER_INDEX = 'owner-uid';
/** Objects by kind, namespace and the uid of their controller ownerReference (or none: orphans). */
export const CONTROLLER_INDEX = 'controller-uid';
/** Pods by `spec.nodeName`. */
export const NODE_INDEX = 'pod-node';

/** Builds the NAMESPACE_INDEX key. */
export function namespaceKey(kind: string, namespace: string): string {
  return `${kind}${SEP}${namespace}`;
}

/** Builds the OWNER_INDEX key of the objects of `kind` that name owner `uid`. */
export function ownerKey(kind: string, uid: string): string {
  return `${kind}${SEP}${uid}`;
}

/** Builds the CONTROLLER_INDEX key: objects of `kind` in `namespace` controlled by `uid`, or orphans when uid is undefined. */
export function controllerKey(kind: string, namespace: string, uid: string | undefined): string {
  return uid === undefined ? `${kind}${SEP}${namespace}${SEP}-` : `${kind}${SEP}${namespace}${SEP}=${uid}`;
}

/** The indexes every store keeps. */
export const STANDARD_INDEXES: readonly StoreIndex[] = [
  { name: NAMESPACE_INDEX, keys: (o) => [namespaceKey(o.kind, o.metadata.namespace ?? '')] },
  {
    name: OWNER_INDEX,
    keys: (o) => {
      const keys: string[] = [];
      for (const r of asList(o.metadata.ownerReferences)) {
        const uid = asMap(r)?.uid;
        if (typeof uid === 'string') keys.push(ownerKey(o.kind, uid));
      }
      return keys;
    },
  },
  { name: CONTROLLER_INDEX, keys: (o) => [controllerKey(o.kind, o.metadata.namespace ?? '', controllerRef(o)?.uid)] },
  {
    name: NODE_INDEX,
    keys: (o) => {
      const node = o.kind === 'Pod' ? asMap(o.spec)?.nodeName : undefined;
      return typeof node === 'string' ? [node] : [];
    },
  },
];

/** Lists the objects of `kind` in `namespace` whose controller ownerReference has `uid`, in list order. */
export function controlledBy(store: Store, kind: string, namespace: string, uid: string): KubeObject[] {
  return store.byIndex(CONTROLLER_INDEX, controllerKey(kind, namespace, uid));
}

/** Lists what a controller with `uid` may claim in `namespace`: objects it controls and orphans, in list order. */
export function claimCandidates(store: Store, kind: string, namespace: string, uid: string): KubeObject[] {
  const owned = controlledBy(store, kind, namespace, uid);
  const orphans = store.byIndex(CONTROLLER_INDEX, controllerKey(kind, namespace, undefined));
  if (orphans.length === 0) return owned;
  if (owned.length === 0) return orphans;
  // Both are sorted by name (same kind and namespace): merge them.
  const out: KubeObject[] = [];
  let i = 0;
  let j = 0;
  while (i < owned.length && j < orphans.length) out.push((owned[i]!.metadata.name ?? '') < (orphans[j]!.metadata.name ?? '') ? owned[i++]! : orphans[j++]!);
  while (i < owned.length) out.push(owned[i++]!);
  while (j < orphans.length) out.push(orphans[j++]!);
  return out;
}
