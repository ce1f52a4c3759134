import { clone } from '../../../core/kube.ts';
import type { KubeObject, ObjectRef } from '../../../core/kube.ts';
import type { Cluster } from '../../types.ts';
import { asInt, asMap } from '../../util.ts';
import { controllerRef } from '../owner-refs.ts';
import { conditionsOf, getCondition, REASON } from './conditions.ts';
import { desired, equalIgnoreHash, HASH_LABEL, revisionOf } from './replica-sets.ts';

/** One `kubectl rollout status` line and whether the command would stop there. */
export interface RolloutStatusLine {
  message: string;
  done: boolean;
  /** True when kubectl exits with an error (progress deadline exceeded). */
  error: boolean;
}

/** Renders what `kubectl rollout status deployment/<name>` prints for one observed Deployment state. */
export function rolloutStatus(deployment: KubeObject): RolloutStatusLine {
  const name = deployment.metadata.name ?? '';
  const status = asMap(deployment.status) ?? {};
  const n = (v: unknown): number => asInt(v) ?? 0;
  const wait = (text: string): RolloutStatusLine => ({ message: `Waiting for deployment "${name}" rollout to finish: ${text}`, done: false, error: false });
  if ((deployment.metadata.generation ?? 1) > n(status.observedGeneration)) return { message: 'Waiting for deployment spec update to be observed...', done: false, error: false };
  if (getCondition(conditionsOf(status), 'Progressing')?.reason === REASON.timedOut) return { message: `error: deployment "${name}" exceeded its progress deadline`, done: true, error: true };
  const want = desired(deployment);
  if (n(status.updatedReplicas) < want) return wait(`${n(status.updatedReplicas)} out of ${want} new replicas have been updated...`);
  if (n(status.replicas) > n(status.updatedReplicas)) return wait(`${n(status.replicas) - n(status.updatedReplicas)} old replicas are pending termination...`);
  if (n(status.availableReplicas) < n(status.updatedReplicas)) return wait(`${n(status.availableReplicas)} of ${n(status.updatedReplicas)} updated replicas are available...`);
  return { message: `deployment "${name}" successfully rolled out`, done: true, error: false };
}

/** Follows a rollout as `kubectl rollout status` does: one line per observed Deployment change until done or the horizon passes. */
export function followRollout(cluster: Cluster, ref: ObjectRef, horizonSeconds = 600): string[] {
  const current = cluster.get(ref);
  if (!current) return [`Error from server (NotFound): deployments.apps "${ref.name}" not found`];
  const first = rolloutStatus(current);
  if (first.done) return [first.message];
  const start = cluster.watchLog().length;
  cluster.runUntilSettled({ horizonSeconds });
  const lines = [first.message];
  for (const entry of cluster.watchLog().slice(start)) {
    if (entry.object.kind !== 'Deployment' || entry.object.metadata.name !== ref.name || (entry.object.metadata.namespace ?? 'default') !== (ref.namespace || 'default')) continue;
    if (entry.type === 'DELETED') break;
    const line = rolloutStatus(entry.object);
    lines.push(line.message);
    if (line.done) return lines;
  }
  lines.push('error: timed out waiting for the condition');
  return lines;
}

/** What `kubectl rollout undo` answers. */
export interface RollbackResult {
  ok: boolean;
  /** `deployment.apps/web rolled back`, a `skipped rollback …` note, or the error text. */
  message: string;
}

/** Copies an old ReplicaSet's template into the Deployment as `kubectl rollout undo [--to-revision]` does (default: the previous revision). */
export function rollback(cluster: Cluster, ref: ObjectRef, toRevision?: number): RollbackResult {
  const d = cluster.get({ ...ref, kind: 'Deployment' });
  if (!d) return { ok: false, message: `Error from server (NotFound): deployments.apps "${ref.name}" not found` };
  const owned = cluster.list('ReplicaSet', d.metadata.namespace ?? 'default').filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
  const byRevision = [...owned].sort((a, b) => revisionOf(b) - revisionOf(a));
  let target: KubeObject | undefined;
  if (toRevision === undefined || toRevision === 0) {
    // The previous revision: the highest one below the current maximum.
    const max = revisionOf(byRevision[0] ?? d);
    target = byRevision.find((rs) => revisionOf(rs) < max && revisionOf(rs) > 0);
    if (!target) return { ok: false, message: 'error: no rollout history found for deployment "' + ref.name + '"' };
  } else {
    target = owned.find((rs) => revisionOf(rs) === toRevision);
    if (!target) return { ok: false, message: `error: unable to find specified revision ${toRevision} in history` };
  }
  const template = clone(asMap(asMap(target.spec)?.template) ?? {});
  const labels = asMap(asMap(template.metadata)?.labels);
  if (labels) delete labels[HASH_LABEL];
  if (equalIgnoreHash(template, asMap(d.spec)?.template)) return { ok: true, message: `deployment.apps/${ref.name} skipped rollback (current template already matches revision ${revisionOf(target)})` };
  const next = clone(d);
  next.spec = { ...(asMap(next.spec) ?? {}), template };
  const res = cluster.update(next);
  return res.ok ? { ok: true, message: `deployment.apps/${ref.name} rolled back` } : { ok: false, message: res.error?.message ?? 'rollback failed' };
}
