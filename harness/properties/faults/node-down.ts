import * as fc from 'fast-check';
import type { FaultAction, FaultDefinition, World } from '../types.ts';
import { faultApi, pick } from './fault-api.ts';

export interface NodeDownParams {
  /** Virtual seconds the node stays down (default 120). */
  downSeconds?: number;
}

function nodeDown(index: number, downSeconds: number, fixed?: string): FaultAction {
  const up = (world: World) => world.nodes().filter((n) => !world.downNodes.has(n));
  const target = (world: World) => (fixed !== undefined ? up(world).find((n) => n === fixed) : pick(up(world), index));
  return {
    applicable: (world) => faultApi(world.cluster) !== undefined && target(world) !== undefined,
    run(world) {
      const node = target(world)!;
      const fault = faultApi(world.cluster)!;
      world.say(`${node} stops responding`);
      world.downNodes.add(node);
      fault({ type: 'stopNode', node });
      world.observe(downSeconds);
      world.say(`${node} is back`);
      fault({ type: 'startNode', node });
      world.downNodes.delete(node);
    },
    toString: () => `nodeDown(${fixed ?? `#${index}`}, ${downSeconds}s)`,
  };
}

/** Stops a node (its kubelet stops reporting) and starts it again later. */
export const nodeDownFault: FaultDefinition<NodeDownParams> = {
  name: 'nodeDown',
  description: 'stops one node, waits downSeconds (default 120), then starts it again',
  schema: { type: 'object', additionalProperties: false, properties: { downSeconds: { type: 'integer', minimum: 1, maximum: 3600 } } },
  arbitrary: (params) => fc.nat({ max: 63 }).map((i) => nodeDown(i, params.downSeconds ?? 120)),
  enumerate: (params, world) => world.nodes().map((n) => nodeDown(0, params.downSeconds ?? 120, n)),
};
