import type { KubeObject } from '../../core/kube.ts';
import type { ClusterInternals } from '../cluster.ts';
import type { Fault } from '../types.ts';
import { refOf } from '../store.ts';
import { asInt, asMap, asString } from '../util.ts';
import type { NodeHealth } from './node-health.ts';
import { NODE_CONTROLLER } from './constants.ts';
import { podsOnNode } from './node-lifecycle-controller.ts';

const KUBELET = 'kubelet';

/** Applies one kind of fault; the input is the raw (possibly hostile) fault object. */
export type FaultHandler = (f: Record<string, unknown>, internals: ClusterInternals, health: NodeHealth) => void;

const nodeRef = (name: string) => ({ kind: 'Node', namespace: '', name });

function existingNode(internals: ClusterInternals, f: Record<string, unknown>): string | undefined {
  const name = asString(f.node);
  return name !== undefined && internals.store.get(nodeRef(name)) ? name : undefined;
}

function podOf(internals: ClusterInternals, f: Record<string, unknown>): KubeObject | undefined {
  const name = asString(f.pod);
  const namespace = f.namespace === undefined ? 'default' : asString(f.namespace);
  if (name === undefined || name === '' || namespace === undefined) return undefined;
  return internals.store.get({ kind: 'Pod', namespace: namespace || 'default', name });
}

/** Fault handlers by `type` (add a fault by adding an entry). */
export const FAULT_HANDLERS: Readonly<Record<Fault['type'], FaultHandler>> = {
  stopNode(f, internals, health) {
    const name = existingNode(internals, f);
    if (name === undefined || !health.stop(name, internals.context.now())) return;
    internals.kubelet.setNodeStopped(name, true);
    internals.enqueue(NODE_CONTROLLER, nodeRef(name));
  },
  startNode(f, internals, health) {
    const name = existingNode(internals, f);
    if (name === undefined || !health.start(name)) return;
    internals.kubelet.setNodeStopped(name, false);
    internals.enqueue(NODE_CONTROLLER, nodeRef(name));
    // The kubelet catches up with everything that fell due while it was away.
    for (const pod of podsOnNode(internals.context, name)) internals.enqueue(KUBELET, refOf(pod));
  },
  crashContainer(f, internals) {
    const pod = podOf(internals, f);
    if (!pod) return;
    if (internals.kubelet.crashContainer(pod, asString(f.container), asInt(f.exitCode) ?? 1, internals.context)) internals.enqueue(KUBELET, refOf(pod));
  },
  deletePod(f, internals) {
    const pod = podOf(internals, f);
    if (!pod) return;
    const grace = asInt(f.gracePeriodSeconds);
    internals.api.delete(refOf(pod), grace !== undefined ? { gracePeriodSeconds: grace } : undefined);
  },
};

/** Applies one fault to the cluster now; unknown types and targets and odd shapes do nothing (faults are data). */
export function applyFault(internals: ClusterInternals, health: NodeHealth, fault: Fault): void {
  const f = asMap(fault);
  const type = asString(f?.type);
  if (!f || type === undefined || !Object.prototype.hasOwnProperty.call(FAULT_HANDLERS, type)) return;
  FAULT_HANDLERS[type as Fault['type']](f, internals, health);
}
