import { clone } from '../../../core/kube.ts';
import type { KubeObject } from '../../../core/kube.ts';
import { asInt, asMap, deepEqual } from '../../util.ts';
import { makeControllerRef, controllerRef } from '../owner-refs.ts';
import { conditionsOf, getCondition, MESSAGE, newCondition, REASON, setCondition } from './conditions.ts';
import { podTemplateHash } from './hash.ts';
import type { SyncState } from './replica-sets.ts';
import {
  ANN_DESIRED, ANN_MAX, ANN_REVISION, ANN_REVISION_HISTORY, HASH_LABEL, byCreation, desired, equalIgnoreHash, maxSurgeOf, newRSNewReplicas, recordCreatedScale, revisionOf,
} from './replica-sets.ts';

// Deployment annotations the controller never copies onto its ReplicaSets.
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration', ANN_REVISION, ANN_REVISION_HISTORY, ANN_DESIRED, ANN_MAX, 'deprecated.deployment.rollback.to']);

/** Sets a status field on the working Deployment copy. */
export function setStatus(s: SyncState, field: string, value: unknown): void {
  s.d.status = { ...(asMap(s.d.status) ?? {}), [field]: value };
}

function setDeploymentRevision(s: SyncState, revision: number): void {
  if (revision <= 0) return;
  s.d.metadata.annotations = { ...(s.d.metadata.annotations ?? {}), [ANN_REVISION]: String(revision) };
}

function copyAnnotations(d: KubeObject, into: Record<string, string>): void {
  const src = d.metadata.annotations ?? {};
  for (const k of Object.keys(src).sort()) if (!SKIP_ANNOTATIONS.has(k) && typeof src[k] === 'string') into[k] = src[k];
}

/** Finds the new ReplicaSet (oldest one whose template matches) and the old ones; creates the new one when asked (getAllReplicaSetsAndSyncRevision). */
export function getAllReplicaSets(s: SyncState, create: boolean): { newRS?: KubeObject; oldRSs: KubeObject[] } {
  const template = asMap(s.d.spec)?.template;
  const sorted = byCreation(s.ctx, s.rsList);
  const existing = sorted.find((rs) => equalIgnoreHash(asMap(rs.spec)?.template, template));
  const oldRSs = sorted.filter((rs) => rs !== existing);
  const maxOld = oldRSs.reduce((m, rs) => Math.max(m, revisionOf(rs)), 0);
  const newRevision = maxOld + 1;
  const minReady = Math.max(0, asInt(asMap(s.d.spec)?.minReadySeconds) ?? 0);
  if (existing) {
    const ann: Record<string, string> = { ...(existing.metadata.annotations ?? {}) };
    copyAnnotations(s.d, ann);
    const oldRev = revisionOf(existing);
    if (oldRev < newRevision) {
      ann[ANN_REVISION] = String(newRevision);
      // A reused ReplicaSet (a rollback) remembers the revisions it had.
      if (oldRev > 0) ann[ANN_REVISION_HISTORY] = ann[ANN_REVISION_HISTORY] ? `${ann[ANN_REVISION_HISTORY]},${oldRev}` : String(oldRev);
    }
    let newRS = existing;
    // Most syncs change nothing here: skip the copy and the (no-op) write then.
    if (!deepEqual(ann, existing.metadata.annotations ?? {}) || asMap(existing.spec)?.minReadySeconds !== minReady) {
      const next = clone(existing);
      next.metadata.annotations = ann;
      next.spec = { ...(asMap(next.spec) ?? {}), minReadySeconds: minReady };
      const res = s.ctx.store.update(next);
      if (res.ok) newRS = res.object;
    }
    s.rsList = s.rsList.map((r) => (r.metadata.uid === newRS.metadata.uid ? newRS : r));
    setDeploymentRevision(s, revisionOf(newRS));
    const conditions = conditionsOf(s.d.status);
    if (!getCondition(conditions, 'Progressing')) setStatus(s, 'conditions', setCondition(conditions, newCondition('Progressing', 'True', REASON.foundNewRS, MESSAGE.found(newRS.metadata.name ?? ''), s.ctx.timestamp())));
    return { newRS, oldRSs };
  }
  if (!create) return { oldRSs };
  const collisionCount = asInt(asMap(s.d.status)?.collisionCount);
  const hash = podTemplateHash(template, collisionCount);
  const name = `${s.d.metadata.name}-${hash}`;
  const rsTemplate = clone(asMap(template) ?? {});
  const meta = (rsTemplate.metadata = { ...(asMap(rsTemplate.metadata) ?? {}) }) as Record<string, unknown>;
  meta.labels = { ...(asMap(meta.labels) ?? {}), [HASH_LABEL]: hash };
  const selector = clone(asMap(asMap(s.d.spec)?.selector) ?? {});
  selector.matchLabels = { ...(asMap(selector.matchLabels) ?? {}), [HASH_LABEL]: hash };
  const replicas = newRSNewReplicas(s.d, oldRSs, undefined);
  const annotations: Record<string, string> = {};
  copyAnnotations(s.d, annotations);
  annotations[ANN_REVISION] = String(newRevision);
  annotations[ANN_DESIRED] = String(desired(s.d));
  annotations[ANN_MAX] = String(desired(s.d) + maxSurgeOf(s.d));
  const rs: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: s.d.metadata.namespace ?? 'default', labels: clone(meta.labels as Record<string, string>), annotations, ownerReferences: [makeControllerRef(s.d)] },
    spec: { replicas, minReadySeconds: minReady, selector, template: rsTemplate },
  };
  const res = s.api.create(rs);
  if (!res.ok || !res.object) {
    const clash = s.ctx.store.get({ kind: 'ReplicaSet', namespace: rs.metadata.namespace ?? 'default', name });
    if (clash && controllerRef(clash)?.uid === s.d.metadata.uid && equalIgnoreHash(asMap(clash.spec)?.template, template)) {
      s.rsList = [...s.rsList, clash];
      return getAllReplicaSets(s, create);
    }
    // A name clash with a different template: bump collisionCount so the next hash differs.
    if (clash) setStatus(s, 'collisionCount', (collisionCount ?? 0) + 1);
    return { oldRSs };
  }
  s.rsList = [...s.rsList, res.object];
  if (replicas > 0) recordCreatedScale(s, res.object, replicas);
  setDeploymentRevision(s, newRevision);
  setStatus(s, 'conditions', setCondition(conditionsOf(s.d.status), newCondition('Progressing', 'True', REASON.newRSCreated, MESSAGE.created(name), s.ctx.timestamp())));
  return { newRS: res.object, oldRSs };
}
