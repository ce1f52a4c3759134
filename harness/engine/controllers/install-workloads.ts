import type { ClusterInternals } from '../cluster.ts';
import { createDeploymentController } from './deployment/controller.ts';
import { createGarbageCollector } from './garbage-collector.ts';
import { createReplicaSetController } from './replicaset/controller.ts';

/** Installs the Deployment, ReplicaSet and garbage-collector controllers into a cluster. */
export function installWorkloads(internals: ClusterInternals): void {
  internals.addController(createDeploymentController(internals.api));
  internals.addController(createReplicaSetController(internals.api));
  internals.addController(createGarbageCollector(internals.api));
}
