import type { KubeObject } from '../core/kube.ts';
import { hostPortConflict, insufficientResources, matchesNodeAffinity, nodeStates, untoleratedTaint } from './placement.ts';
import { podRequests } from './qos.ts';

/** Runs kubelet admission (lifecycle/predicate.go) against the pods the node already runs; returns the rejection, if any. */
export function admitPod(pod: KubeObject, node: KubeObject, admitted: KubeObject[]): { reason: string; message: string } | undefined {
  const [state] = nodeStates([node], admitted.filter((p) => p.metadata.uid !== pod.metadata.uid));
  if (!state) return undefined;
  if (!matchesNodeAffinity(pod, node)) return { reason: 'NodeAffinity', message: 'Pod was rejected: Predicate NodeAffinity failed' };
  if (hostPortConflict(pod, state)) return { reason: 'NodePorts', message: 'Pod was rejected: Predicate NodePorts failed' };
  if (untoleratedTaint(pod, node, ['NoExecute'])) return { reason: 'TaintToleration', message: 'Pod was rejected: Predicate TaintToleration failed' };
  const missing = insufficientResources(pod, state);
  const req = podRequests(pod);
  const resource = (name: 'cpu' | 'memory' | 'pods'): { reason: string; message: string } => {
    const requested = name === 'pods' ? 1 : req[name];
    const used = name === 'pods' ? state.pods.length : state.requested[name];
    return {
      reason: `OutOf${name}`,
      message: `Pod was rejected: Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${state.allocatable[name]}`,
    };
  };
  if (missing.includes('Insufficient cpu')) return resource('cpu');
  if (missing.includes('Insufficient memory')) return resource('memory');
  if (missing.includes('Too many pods')) return resource('pods');
  return undefined;
}
