import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition, World } from '../types.ts';
import { faultApi, pick } from './fault-api.ts';

const AFTER_SECONDS = 10;

function crash(index: number, fixed?: { namespace: string; name: string }): FaultAction {
  const running = (world: World) => world.pods().filter((p) => p.status?.phase === 'Running');
  const target = (world: World) => (fixed ? running(world).find((p) => p.metadata.namespace === fixed.namespace && p.metadata.name === fixed.name) : pick(running(world), index));
  return {
    applicable: (world) => faultApi(world.cluster) !== undefined && target(world) !== undefined,
    run(world) {
      const pod = target(world)!;
      const namespace = pod.metadata.namespace ?? 'default';
      const name = pod.metadata.name ?? '';
      const containers = Array.isArray(pod.spec?.containers) ? (pod.spec.containers as { name?: unknown }[]) : [];
      const container = typeof containers[0]?.name === 'string' ? containers[0].name : undefined;
      world.say(`the container${container ? ` ${container}` : ''} of Pod ${name} crashes`);
      faultApi(world.cluster)!({ type: 'crashContainer', namespace, pod: name, ...(container ? { container } : {}) });
      world.observe(AFTER_SECONDS);
    },
    toString: () => (fixed ? `crashContainer(${fixed.name})` : `crashContainer(#${index})`),
  };
}

/** Makes a running container exit with an error (the kubelet restarts it per restartPolicy). */
export const crashContainerFault: FaultDefinition = {
  name: 'crashContainer',
  description: 'makes the first container of one running Pod exit with an error',
  schema: { type: 'object', additionalProperties: false, properties: {} },
  arbitrary: () => fc.nat({ max: 63 }).map((i) => crash(i)),
  enumerate: (_params, world) =>
    world
      .pods()
      .filter((p) => p.status?.phase === 'Running')
      .map((p) => crash(0, { namespace: p.metadata.namespace ?? 'default', name: p.metadata.name ?? '' })),
};
