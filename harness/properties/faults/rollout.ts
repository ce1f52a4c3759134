import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition } from '../types.ts';
import { getDeployment } from './deployment-object.ts';

export interface RolloutParams {
  deployment: string;
  namespace?: string;
  /** The new image (or images to choose from) for the first container. */
  image: string | string[];
}

const AFTER_SECONDS = 10;

function rollout(params: RolloutParams, image: string): FaultAction {
  return {
    applicable: (world) => {
      const containers = getDeployment(world, params.deployment, params.namespace)?.spec?.template?.spec?.containers;
      return Array.isArray(containers) && typeof containers[0] === 'object' && containers[0] !== null;
    },
    run(world) {
      const obj = getDeployment(world, params.deployment, params.namespace)!;
      const container = obj.spec.template.spec.containers[0] as { name?: unknown; image?: unknown };
      world.say(`kubectl set image deployment/${params.deployment} ${String(container.name ?? '')}=${image}`);
      container.image = image;
      world.cluster.update(obj);
      world.observe(AFTER_SECONDS);
    },
    toString: () => `rollout(${params.deployment}, ${image})`,
  };
}

/** Starts a rollout by changing the image of a Deployment's first container (kubectl set image). */
export const rolloutFault: FaultDefinition<RolloutParams> = {
  name: 'rollout',
  description: 'changes the image of a Deployment\'s first container (kubectl set image)',
  schema: {
    type: 'object',
    required: ['deployment', 'image'],
    additionalProperties: false,
    properties: {
      deployment: { type: 'string', minLength: 1 },
      namespace: { type: 'string', minLength: 1 },
      image: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 }] },
    },
  },
  arbitrary: (params) => fc.constantFrom(...images(params)).map((image) => rollout(params, image)),
  enumerate: (params) => images(params).map((image) => rollout(params, image)),
};

function images(params: RolloutParams): string[] {
  return Array.isArray(params.image) ? params.image : [params.image];
}
