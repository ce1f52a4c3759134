/** `kubectl rollout pause|resume deployment/NAME`: sets or clears spec.paused. */
import { clone } from '../../core/kube.ts';
import { qualifiedResource } from '../../engine/kinds.ts';
import { createOutput } from './output.ts';
import { displayName } from './resources.ts';
import { rolloutTargets, visitTargets } from './rollout-targets.ts';
import type { CommandHandler } from './types.ts';

function setPaused(paused: boolean): CommandHandler {
  const verb = paused ? 'paused' : 'resumed';
  return (command, ctx) => {
    const found = rolloutTargets(command, ctx);
    if ('output' in found) return found.output;
    if (found.targets.length === 0) return { stdout: '', stderr: `No resources found in ${found.namespace} namespace.\n`, exitCode: 0 };
    const o = createOutput();
    visitTargets(found, o, ({ object }) => {
      const name = object.metadata.name ?? '';
      const resource = qualifiedResource(object.kind);
      if (object.kind !== 'Deployment') return `error: ${resource} "${name}" ${paused ? 'pausing' : 'resuming'} is not supported`;
      const spec = (typeof object.spec === 'object' && object.spec !== null ? object.spec : {}) as Record<string, unknown>;
      if ((spec.paused === true) === paused) return `error: ${resource} "${name}" ${paused ? 'is already paused' : 'is not paused'}`;
      const next = clone(object);
      next.spec = { ...spec, paused };
      const res = ctx.cluster.update(next);
      o.warn(res.warnings);
      if (!res.ok) return `failed to patch: ${res.error?.message ?? 'the update was refused'}`;
      o.out(`${displayName(object)} ${verb}`);
      return undefined;
    });
    return o.done();
  };
}

/** `kubectl rollout pause (deployment/NAME | deployment NAME | -f FILE)`. */
export const rolloutPause: CommandHandler = setPaused(true);

/** `kubectl rollout resume (deployment/NAME | deployment NAME | -f FILE)`. */
export const rolloutResume: CommandHandler = setPaused(false);
