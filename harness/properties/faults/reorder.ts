import * as fc from 'fast-check';
import type { FaultDefinition } from '../types.ts';

/**
 * Applies the learner's resources in another order. It acts before the scenario starts (the runner
 * passes the chosen order to the setup), so as a step it does nothing.
 */
export const reorderFault: FaultDefinition = {
  name: 'reorder',
  description: 'applies the submitted resources in a different order before the other faults',
  schema: { type: 'object', additionalProperties: false, properties: {} },
  setupOnly: true,
  arbitrary: () => fc.constant({ applicable: () => false, run: () => undefined, toString: () => 'reorder' }),
  enumerate: () => [],
};
