import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition } from '../types.ts';

export interface WaitParams {
  /** Longest pause in virtual seconds (default 120). */
  max?: number;
}

function wait(seconds: number): FaultAction {
  return {
    applicable: () => true,
    run(world) {
      world.say(`nothing happens for ${seconds}s`);
      world.observe(seconds);
    },
    toString: () => `wait(${seconds}s)`,
  };
}

/** Lets virtual time pass between faults, so faults land at different moments of a rollout or recovery. */
export const waitFault: FaultDefinition<WaitParams> = {
  name: 'wait',
  description: 'lets 5 to max (default 120) virtual seconds pass',
  schema: { type: 'object', additionalProperties: false, properties: { max: { type: 'integer', minimum: 5, maximum: 3600 } } },
  arbitrary: (params) => fc.integer({ min: 1, max: Math.max(1, Math.floor((params.max ?? 120) / 5)) }).map((n) => wait(n * 5)),
  enumerate: (params) => [wait(params.max ?? 120)],
};
