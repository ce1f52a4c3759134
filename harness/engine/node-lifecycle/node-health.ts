import { mapState, type StatePart } from '../snapshot.ts';

/**
 * What the control plane knows of each kubelet's heartbeat.
 *
 * A real kubelet renews its Lease in `kube-node-lease` every 10s. Writing a Lease every 10s would
 * keep the simulated cluster from ever settling, so a running kubelet counts as renewing
 * continuously; the last renewal of a stopped kubelet is the instant it stopped.
 */
export interface NodeHealth {
  /** Records that a node's kubelet stopped at `at` (virtual ms); false when it was already stopped. */
  stop(node: string, at: number): boolean;
  /** Records that a node's kubelet is back; false when it was not stopped. */
  start(node: string): boolean;
  /** The virtual ms of the last heartbeat of a stopped kubelet, or undefined while it runs. */
  stoppedAt(node: string): number | undefined;
  /** Stopped node names, sorted. */
  stopped(): string[];
  /** The stopped kubelets, for a cluster fork. */
  state: StatePart;
}

/** Creates an empty heartbeat registry (every kubelet running). */
export function createNodeHealth(): NodeHealth {
  const stops = new Map<string, number>();
  return {
    stop(node, at) {
      if (stops.has(node)) return false;
      stops.set(node, at);
      return true;
    },
    start: (node) => stops.delete(node),
    stoppedAt: (node) => stops.get(node),
    stopped: () => [...stops.keys()].sort(),
    state: mapState(stops),
  };
}
