import { clone, type KubeObject } from '../../core/kube.ts';
import type { World } from '../types.ts';

/** Reads a Deployment (default namespace unless given) for a fault to change. */
export function getDeployment(world: World, name: string, namespace = 'default'): KubeObject | undefined {
  const obj = world.cluster.get({ kind: 'Deployment', namespace, name });
  return obj && typeof obj.spec === 'object' && obj.spec !== null ? clone(obj) : undefined;
}
