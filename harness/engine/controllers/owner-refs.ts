import type { KubeObject, OwnerReference } from '../../core/kube.ts';
import { asList, asMap } from '../util.ts';

/** Returns the well-formed ownerReferences of an object (hostile entries dropped). */
export function ownerRefs(obj: KubeObject): OwnerReference[] {
  return asList(obj.metadata.ownerReferences).filter(wellFormed);
}

function wellFormed(r: unknown): r is OwnerReference {
  const m = asMap(r);
  return !!m && typeof m.kind === 'string' && typeof m.name === 'string' && typeof m.uid === 'string';
}

/** Returns the controller ownerReference (controller: true), if any. */
export function controllerRef(obj: KubeObject): OwnerReference | undefined {
  // Called for every Pod change by several controllers and indexes: no intermediate array.
  for (const r of asList(obj.metadata.ownerReferences)) if (wellFormed(r) && r.controller === true) return r;
  return undefined;
}

/** Builds the controller ownerReference a workload controller puts on what it creates. */
export function makeControllerRef(owner: KubeObject): OwnerReference {
  return { apiVersion: owner.apiVersion, kind: owner.kind, name: owner.metadata.name ?? '', uid: owner.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
}

/** Returns a copy of `obj` whose ownerReferences drop those pointing at `uid` (or undefined when none did). */
export function withoutOwner(obj: KubeObject, uid: string): KubeObject | undefined {
  const refs = asList(obj.metadata.ownerReferences);
  const kept = refs.filter((r) => asMap(r)?.uid !== uid);
  if (kept.length === refs.length) return undefined;
  const copy: KubeObject = { ...obj, metadata: { ...obj.metadata } };
  if (kept.length > 0) copy.metadata.ownerReferences = kept as OwnerReference[];
  else delete copy.metadata.ownerReferences;
  return copy;
}
