import type { ClusterInternals } from '../cluster.ts';
import type { Fault } from '../types.ts';
import { createNodeHealth } from './node-health.ts';
import type { NodeHealth } from './node-health.ts';
import { createNodeLifecycleController } from './node-lifecycle-controller.ts';
import { createTaintEvictionController } from './taint-eviction-controller.ts';
import { createPodGcController } from './pod-gc-controller.ts';
import { applyFault } from './faults.ts';

export interface NodeLifecycleHandle {
  health: NodeHealth;
  /** Applies a fault now (Cluster.fault). */
  fault(f: Fault): void;
}

/** Installs the node lifecycle, taint eviction and PodGC controllers and returns the fault entry point. */
export function installNodeLifecycle(internals: ClusterInternals): NodeLifecycleHandle {
  const health = createNodeHealth();
  internals.keepState('node-health', health.state);
  internals.addController(createNodeLifecycleController(health));
  internals.addController(createTaintEvictionController(internals.api));
  internals.addController(createPodGcController(internals.api));
  return { health, fault: (f) => applyFault(internals, health, f) };
}
