import type { ClusterInternals } from '../cluster.ts';
import { createDeploymentController } from './deployment/controller.ts';
import { createGarbageCollector } from './garbage-collector.ts';
import { createJobController } from './job/controller.ts';
import { createTtlAfterFinishedController } from './job/ttl-after-finished.ts';
import { createReplicaSetController } from './replicaset/controller.ts';

/** Installs the Deployment, ReplicaSet, Job, TTL-after-finished and garbage-collector controllers into a cluster. */
export function installWorkloads(internals: ClusterInternals): void {
  internals.addController(createDeploymentController(internals.api));
  internals.addController(createReplicaSetController(internals.api));
  internals.addController(createJobController(internals.api));
  internals.addController(createTtlAfterFinishedController(internals.api));
  internals.addController(createGarbageCollector(internals.api));
}
