/** `kubectl rollout restart deployment/NAME`: stamps the pod template with `kubectl.kubernetes.io/restartedAt`, which starts a rollout. */
import { clone } from '../../core/kube.ts';
import { qualifiedResource } from '../../engine/kinds.ts';
import { createOutput } from './output.ts';
import { displayName } from './resources.ts';
import { rolloutTargets, visitTargets } from './rollout-targets.ts';
import type { CommandHandler } from './types.ts';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** `kubectl rollout restart (deployment/NAME | deployment NAME | -f FILE)`; the stamp is the virtual time in RFC 3339. */
export const rolloutRestart: CommandHandler = (command, ctx) => {
  const found = rolloutTargets(command, ctx);
  if ('output' in found) return found.output;
  if (found.targets.length === 0) return { stdout: '', stderr: `No resources found in ${found.namespace} namespace.\n`, exitCode: 0 };
  const o = createOutput();
  visitTargets(found, o, ({ object }) => {
    const name = object.metadata.name ?? '';
    if (object.kind !== 'Deployment') return `error: ${qualifiedResource(object.kind)} "${name}" restarting is not supported`;
    const next = clone(object);
    const spec = (typeof next.spec === 'object' && next.spec !== null ? next.spec : (next.spec = {})) as Record<string, unknown>;
    if (spec.paused === true) return `error: ${qualifiedResource(object.kind)} "${name}" can't restart paused deployment (run rollout resume first)`;
    const template = (typeof spec.template === 'object' && spec.template !== null ? spec.template : (spec.template = {})) as Record<string, unknown>;
    const meta = (typeof template.metadata === 'object' && template.metadata !== null ? template.metadata : (template.metadata = {})) as Record<string, unknown>;
    const annotations = (typeof meta.annotations === 'object' && meta.annotations !== null ? meta.annotations : (meta.annotations = {})) as Record<string, string>;
    const stamp = ctx.cluster.timestamp();
    // The patch would be empty: kubectl refuses a second restart within the same second.
    if (annotations[RESTARTED_AT] === stamp) return `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`;
    annotations[RESTARTED_AT] = stamp;
    const res = ctx.cluster.update(next);
    o.warn(res.warnings);
    if (!res.ok) return `failed to patch: ${res.error?.message ?? 'the update was refused'}`;
    o.out(`${displayName(object)} restarted`);
    return undefined;
  });
  return o.done();
};
