/** `kubectl rollout history deployment/NAME [--revision=N]`: the revisions of a Deployment's ReplicaSets with their change causes. */
import { clone, type KubeObject } from '../../core/kube.ts';
import { revisionOf } from '../../engine/controllers/deployment/replica-sets.ts';
import { ownedReplicaSets, podTemplateText } from '../../kubectl/describe-deployment.ts';
import { DESCRIBE_TABWRITER, tabwrite } from '../../kubectl/table.ts';
import { lastFlag } from '../kubectl-args.ts';
import { createOutput, unsupported } from './output.ts';
import { displayName } from './resources.ts';
import { groupKind, rolloutTargets, visitTargets } from './rollout-targets.ts';
import type { CommandHandler, ScriptContext } from './types.ts';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';

/** Returns a Deployment's ReplicaSets (old ones oldest first, then the new one) as kubectl's history and rollback see them. */
export function historyReplicaSets(ctx: ScriptContext, d: KubeObject): KubeObject[] {
  const { oldRSs, newRS } = ownedReplicaSets(d, ctx.cluster.list('ReplicaSet', d.metadata.namespace ?? 'default'));
  return newRS ? [...oldRSs, newRS] : oldRSs;
}

/** Builds kubectl's revision → pod template map; each template carries its ReplicaSet's change cause. */
function historyOf(ctx: ScriptContext, d: KubeObject): Map<number, Record<string, unknown>> {
  const info = new Map<number, Record<string, unknown>>();
  for (const rs of historyReplicaSets(ctx, d)) {
    const template = clone((rs.spec as { template?: unknown } | undefined)?.template ?? {}) as Record<string, unknown>;
    const cause = rs.metadata.annotations?.[CHANGE_CAUSE];
    if (typeof cause === 'string' && cause !== '' && typeof template === 'object' && template !== null) {
      const meta = (typeof template.metadata === 'object' && template.metadata !== null ? template.metadata : (template.metadata = {})) as Record<string, unknown>;
      meta.annotations = { ...(meta.annotations as Record<string, string> | undefined), [CHANGE_CAUSE]: cause };
    }
    info.set(revisionOf(rs), template);
  }
  return info;
}

/** Renders what `rollout history` prints for one Deployment, or kubectl's error. */
function viewHistory(ctx: ScriptContext, d: KubeObject, revision: number): { text: string } | { error: string } {
  const info = historyOf(ctx, d);
  if (info.size === 0) return { text: 'No rollout history found.' };
  if (revision > 0) {
    const template = info.get(revision);
    return template === undefined ? { error: 'unable to find the specified revision' } : { text: podTemplateText(template) };
  }
  const rows = [...info.keys()].sort((a, b) => a - b).map((r) => {
    const cause = (info.get(r)?.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations?.[CHANGE_CAUSE];
    return `${r}\t${typeof cause === 'string' && cause !== '' ? cause : '<none>'}\n`;
  });
  return { text: tabwrite(`REVISION\tCHANGE-CAUSE\n${rows.join('')}`, DESCRIBE_TABWRITER) };
}

/** `kubectl rollout history (deployment/NAME | deployment NAME | -f FILE) [--revision=N]`. */
export const rolloutHistory: CommandHandler = (command, ctx) => {
  if (command.flags.has('output')) return unsupported('rollout history -o is not simulated; use kubectl get rs -o yaml');
  const revision = Number(lastFlag(command.flags, 'revision') ?? '0');
  const found = rolloutTargets(command, ctx);
  if ('output' in found) return found.output;
  const o = createOutput();
  visitTargets(found, o, ({ object }) => {
    if (object.kind !== 'Deployment') return `no history viewer has been implemented for "${groupKind(object.kind)}"`;
    const view = viewHistory(ctx, object, revision);
    if ('error' in view) return view.error;
    // kubectl's name printer: `<kind>/<name> <operation>`, the operation being `[with revision #N]\n<history>`.
    o.out(`${displayName(object)} ${revision > 0 ? `with revision #${revision}` : ''}\n${view.text}`);
    return undefined;
  });
  if (found.targets.length === 0) o.note(`No resources found in ${found.namespace} namespace.`);
  return o.done();
};
