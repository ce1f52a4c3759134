import type { FaultDefinition } from '../types.ts';
import { crashContainerFault } from './crash-container.ts';
import { deletePodFault } from './delete-pod.ts';
import { nodeDownFault } from './node-down.ts';
import { reorderFault } from './reorder.ts';
import { rolloutFault } from './rollout.ts';
import { scaleFault } from './scale.ts';
import { waitFault } from './wait.ts';

// Parameters are checked against each fault's JSON Schema when exercise.yaml loads, so the registry
// erases the parameter type here, in one place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyFaultDefinition = FaultDefinition<any>;

/** The fault vocabulary: adding one is one file and one entry here. */
export const faultKinds: ReadonlyMap<string, AnyFaultDefinition> = new Map(
  ([deletePodFault, crashContainerFault, nodeDownFault, scaleFault, rolloutFault, reorderFault, waitFault] as AnyFaultDefinition[]).map((f) => [f.name, f]),
);

/** Looks up a fault, throwing an error that lists the valid names for an unknown one. */
export function getFault(name: string): AnyFaultDefinition {
  const fault = faultKinds.get(name);
  if (!fault) throw new Error(`unknown fault "${name}"; valid faults: ${[...faultKinds.keys()].sort().join(', ')}`);
  return fault;
}
