import type { FilterPlugin, ScorePlugin } from './framework.ts';
import { interPodAffinityFilter, interPodAffinityScore } from './plugins/inter-pod-affinity.ts';
import { nodeAffinityFilter, nodeAffinityScore } from './plugins/node-affinity.ts';
import { nodeName } from './plugins/node-name.ts';
import { nodePorts } from './plugins/node-ports.ts';
import { balancedAllocationScore, nodeResourcesFitFilter, nodeResourcesFitScore } from './plugins/node-resources.ts';
import { nodeUnschedulable } from './plugins/node-unschedulable.ts';
import { podTopologySpreadFilter, podTopologySpreadScore } from './plugins/pod-topology-spread.ts';
import { taintTolerationFilter, taintTolerationScore } from './plugins/taint-toleration.ts';

/** The default profile's filters, in kube-scheduler's order (a node stops at its first failing filter). */
export const DEFAULT_FILTERS: readonly FilterPlugin[] = [
  nodeUnschedulable,
  nodeName,
  taintTolerationFilter,
  nodeAffinityFilter,
  nodePorts,
  nodeResourcesFitFilter,
  podTopologySpreadFilter,
  interPodAffinityFilter,
];

/**
 * The default profile's score plugins and weights (apis/config/v1 default_plugins.go). ImageLocality
 * (weight 1) is left out: simulated nodes report no images, so it would score 0 everywhere.
 */
export const DEFAULT_SCORERS: readonly { plugin: ScorePlugin; weight: number }[] = [
  { plugin: taintTolerationScore, weight: 3 },
  { plugin: nodeAffinityScore, weight: 2 },
  { plugin: podTopologySpreadScore, weight: 2 },
  { plugin: interPodAffinityScore, weight: 2 },
  { plugin: nodeResourcesFitScore, weight: 1 },
  { plugin: balancedAllocationScore, weight: 1 },
];
