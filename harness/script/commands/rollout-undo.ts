/** `kubectl rollout undo deployment/NAME [--to-revision=N]`: copies an earlier ReplicaSet's template back into the Deployment. */
import { clone, type KubeObject } from '../../core/kube.ts';
import { ANN_DESIRED, ANN_MAX, ANN_REVISION, ANN_REVISION_HISTORY, HASH_LABEL, equalIgnoreHash, revisionOf } from '../../engine/controllers/deployment/replica-sets.ts';
import { podTemplateText } from '../../kubectl/describe-deployment.ts';
import { lastFlag } from '../kubectl-args.ts';
import { createOutput, failed } from './output.ts';
import { displayName } from './resources.ts';
import { historyReplicaSets } from './rollout-history.ts';
import { groupKind, rolloutTargets, visitTargets } from './rollout-targets.ts';
import type { CommandHandler, ScriptContext } from './types.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
/** Annotations a rollback keeps from the Deployment instead of taking them from the ReplicaSet (annotationsToSkip). */
const KEEP = new Set([LAST_APPLIED, ANN_REVISION, ANN_REVISION_HISTORY, ANN_DESIRED, ANN_MAX, 'deprecated.deployment.rollback.to']);

const notFound = (r: number): string => `unable to find specified revision ${r} in history`;

/** Picks the ReplicaSet to roll back to as kubectl's deploymentRevision does: the given revision, else the second highest. */
function revisionReplicaSet(ctx: ScriptContext, d: KubeObject, toRevision: number): { rs: KubeObject } | { error: string } {
  let latest: { v: number; rs?: KubeObject } = { v: -1 };
  let previous: { v: number; rs?: KubeObject } = { v: -1 };
  for (const rs of historyReplicaSets(ctx, d)) {
    const v = revisionOf(rs);
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { v, rs };
      } else if (previous.v < v) previous = { v, rs };
    } else if (toRevision === v) return { rs };
  }
  if (toRevision > 0) return { error: notFound(toRevision) };
  return previous.rs ? { rs: previous.rs } : { error: `no rollout history found for deployment "${d.metadata.name ?? ''}"` };
}

/** `kubectl rollout undo (deployment/NAME | deployment NAME | -f FILE) [--to-revision=N] [--dry-run=client]`. */
export const rolloutUndo: CommandHandler = (command, ctx) => {
  const toRevision = Number(lastFlag(command.flags, 'to-revision') ?? '0');
  const dryRun = lastFlag(command.flags, 'dry-run') ?? 'none';
  if (!['none', 'client', 'server', 'unchanged'].includes(dryRun)) {
    return failed(`error: Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  }
  const found = rolloutTargets(command, ctx);
  if ('output' in found) return found.output;
  const o = createOutput();
  // kubectl 1.36 added a warning here for apply-managed Deployments; 1.34 prints none.
  visitTargets(found, o, ({ object: d }) => {
    if (d.kind !== 'Deployment') return `no rollbacker has been implemented for "${groupKind(d.kind)}"`;
    if (toRevision < 0) return notFound(toRevision);
    const picked = revisionReplicaSet(ctx, d, toRevision);
    if ('error' in picked) return picked.error;
    const target = picked.rs;
    const spec = (d.spec ?? {}) as Record<string, unknown>;
    const template = clone(((target.spec ?? {}) as Record<string, unknown>).template ?? {}) as Record<string, unknown>;
    if (dryRun === 'client' || dryRun === 'unchanged') {
      o.out(`${displayName(d)} ${podTemplateText(template)} (dry run)`);
      return undefined;
    }
    if (spec.paused === true) return "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again";
    if (equalIgnoreHash(template, spec.template)) {
      o.out(`${displayName(d)} skipped rollback (current template already matches revision ${toRevision})`);
      return undefined;
    }
    const labels = (template.metadata as { labels?: Record<string, string> } | undefined)?.labels;
    if (labels) delete labels[HASH_LABEL];
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (KEEP.has(k) && typeof v === 'string') annotations[k] = v;
    for (const [k, v] of Object.entries(target.metadata.annotations ?? {})) if (!KEEP.has(k) && typeof v === 'string') annotations[k] = v;
    const next = clone(d);
    next.spec = { ...spec, template };
    next.metadata.annotations = annotations;
    if (dryRun === 'server') {
      o.out(`${displayName(d)} rolled back (server dry run)`);
      return undefined;
    }
    const res = ctx.cluster.update(next);
    o.warn(res.warnings);
    if (!res.ok) return `failed restoring revision ${toRevision}: ${res.error?.message ?? 'the update was refused'}`;
    o.out(`${displayName(d)} rolled back`);
    return undefined;
  });
  return o.done();
};
