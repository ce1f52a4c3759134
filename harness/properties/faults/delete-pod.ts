import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition, World } from '../types.ts';
import { pick } from './fault-api.ts';

/** Seconds the story watches after a fault before the next one. */
const AFTER_SECONDS = 10;

function deletePod(index: number, fixed?: { namespace: string; name: string }): FaultAction {
  const target = (world: World) => (fixed ? world.pods().find((p) => p.metadata.namespace === fixed.namespace && p.metadata.name === fixed.name) : pick(world.pods(), index));
  return {
    applicable: (world) => target(world) !== undefined,
    run(world) {
      const pod = target(world)!;
      const namespace = pod.metadata.namespace ?? 'default';
      const name = pod.metadata.name ?? '';
      world.say(`kubectl delete pod ${name}${namespace === 'default' ? '' : ` -n ${namespace}`}`);
      world.cluster.delete({ kind: 'Pod', namespace, name });
      world.observe(AFTER_SECONDS);
    },
    toString: () => (fixed ? `deletePod(${fixed.name})` : `deletePod(#${index})`),
  };
}

/** Deletes one of the Pods (kubectl delete pod), as a person or an eviction would. */
export const deletePodFault: FaultDefinition = {
  name: 'deletePod',
  description: 'deletes one Pod (not in kube-system), as `kubectl delete pod` would',
  schema: { type: 'object', additionalProperties: false, properties: {} },
  arbitrary: () => fc.nat({ max: 63 }).map((i) => deletePod(i)),
  enumerate: (_params, world) => world.pods().map((p) => deletePod(0, { namespace: p.metadata.namespace ?? 'default', name: p.metadata.name ?? '' })),
};
