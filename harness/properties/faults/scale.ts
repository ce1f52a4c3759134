import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition } from '../types.ts';
import { getDeployment } from './deployment-object.ts';

export interface ScaleParams {
  deployment: string;
  namespace?: string;
  min: number;
  max: number;
}

const AFTER_SECONDS = 10;

function scale(params: ScaleParams, replicas: number): FaultAction {
  return {
    applicable: (world) => getDeployment(world, params.deployment, params.namespace) !== undefined,
    run(world) {
      const obj = getDeployment(world, params.deployment, params.namespace)!;
      world.say(`kubectl scale deployment ${params.deployment} --replicas=${replicas}`);
      obj.spec.replicas = replicas;
      world.cluster.update(obj);
      world.observe(AFTER_SECONDS);
    },
    toString: () => `scale(${params.deployment}, ${replicas})`,
  };
}

/** Scales a Deployment to a replica count between min and max (kubectl scale). */
export const scaleFault: FaultDefinition<ScaleParams> = {
  name: 'scale',
  description: 'scales a Deployment to min..max replicas (kubectl scale)',
  schema: {
    type: 'object',
    required: ['deployment', 'min', 'max'],
    additionalProperties: false,
    properties: {
      deployment: { type: 'string', minLength: 1 },
      namespace: { type: 'string', minLength: 1 },
      min: { type: 'integer', minimum: 0, maximum: 100 },
      max: { type: 'integer', minimum: 0, maximum: 100 },
    },
  },
  arbitrary: (params) => fc.integer({ min: Math.min(params.min, params.max), max: Math.max(params.min, params.max) }).map((n) => scale(params, n)),
  enumerate: (params) => {
    const out: FaultAction[] = [];
    for (let n = Math.min(params.min, params.max); n <= Math.max(params.min, params.max); n++) out.push(scale(params, n));
    return out;
  },
};
