import type { KubeObject, ObjectRef } from '../core/kube.ts';
import { refKey } from '../core/kube.ts';
import type { Position } from '../core/position.ts';
import type { ManifestDocument } from '../load/types.ts';
import type { SourceIndex } from '../checks/types.ts';
import { evaluateFieldPath, parseFieldPath } from '../checks/field-path.ts';

/** Kinds that live outside namespaces (their refs use namespace ''). */
export const clusterScopedKinds: ReadonlySet<string> = new Set(['Namespace', 'Node', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'StorageClass']);

/** Builds the reference of an object as the API server would store it (namespace defaulted). */
export function refOf(obj: { kind?: unknown; metadata?: { name?: unknown; namespace?: unknown } }): ObjectRef {
  const kind = String(obj.kind ?? '');
  const ns = clusterScopedKinds.has(kind) ? '' : typeof obj.metadata?.namespace === 'string' && obj.metadata.namespace ? obj.metadata.namespace : 'default';
  return { kind, namespace: ns, name: String(obj.metadata?.name ?? '') };
}

/** Indexes the learner's documents so checks can point at the line that defined an object or field. */
export function createSourceIndex(docs: readonly ManifestDocument[], accepted: ReadonlySet<ManifestDocument>): SourceIndex {
  const byRef = new Map<string, ManifestDocument>();
  for (const doc of docs) {
    if (!accepted.has(doc)) continue;
    const v = doc.value as KubeObject;
    byRef.set(refKey(refOf(v)), doc);
  }
  return {
    locate(ref: ObjectRef, field?: string): Position | undefined {
      const doc = byRef.get(refKey(ref));
      if (!doc) return undefined;
      if (!field) return doc.start;
      try {
        const steps = parseFieldPath(field);
        // Walk as deep as the learner's document goes, so a missing field points at its parent.
        let pointer = '';
        for (let n = 1; n <= steps.length; n++) {
          const m = evaluateFieldPath(doc.value, steps.slice(0, n));
          if (m.length === 0) break;
          pointer = m[0]!.pointer;
        }
        return pointer ? doc.positionOf(pointer) : doc.start;
      } catch {
        return doc.start;
      }
    },
    submitted(ref: ObjectRef): KubeObject | undefined {
      return byRef.get(refKey(ref))?.value as KubeObject | undefined;
    },
    documents() {
      return docs.map((d) => ({ object: d.value, file: d.file, index: d.index, accepted: accepted.has(d), position: d.start }));
    },
  };
}
