import { createConfigMap } from './create-configmap.ts';
import { createDeployment } from './create-deployment.ts';
import { createService } from './create-service.ts';
import { runPod } from './run-pod.ts';
import type { GeneratorInput, GeneratorResult } from './types.ts';

export type { GeneratorInput, GeneratorResult } from './types.ts';
export { createConfigMap, createDeployment, createService, runPod };
export { exposeObject, exposeTarget } from './expose.ts';

/** Generators that need nothing but the command line, keyed by command path. */
export const GENERATORS: Readonly<Record<string, (input: GeneratorInput) => GeneratorResult>> = {
  'create deployment': createDeployment,
  'create service clusterip': createService,
  'create service nodeport': createService,
  'create service loadbalancer': createService,
  'create configmap': createConfigMap,
  run: runPod,
};

/** Runs the generator registered for the command path, or returns undefined when there is none. */
export function generateObjects(input: GeneratorInput): GeneratorResult | undefined {
  const gen = Object.prototype.hasOwnProperty.call(GENERATORS, input.verb) ? GENERATORS[input.verb] : undefined;
  return gen?.(input);
}
