import type { KubeObject } from '../../core/kube.ts';
import { kindInfo } from '../../engine/kinds.ts';
import { sendFileObjects } from './from-files.ts';
import { unsupported } from './output.ts';
import { displayName } from './resources.ts';
import type { CommandHandler } from './types.ts';

/** `kubectl apply -f FILE|DIR`: create or update each object, printing created/configured/unchanged. */
export const apply: CommandHandler = (command, ctx) => {
  const unmodelled = ['prune', 'server-side', 'dry-run', 'kustomize'].find((f) => command.flags.has(f));
  if (unmodelled !== undefined) return unsupported(`apply --${unmodelled} is not simulated`);
  const exists = (obj: KubeObject): boolean => {
    const ns = kindInfo(obj.kind).namespaced ? obj.metadata?.namespace || 'default' : '';
    return typeof obj.metadata?.name === 'string' && ctx.cluster.get({ kind: obj.kind, namespace: ns, name: obj.metadata.name }) !== undefined;
  };
  return sendFileObjects(
    command,
    ctx,
    (obj) => ctx.cluster.apply(obj),
    (obj) => (exists(obj) ? 'applying' : 'creating'),
    displayName,
  );
};
