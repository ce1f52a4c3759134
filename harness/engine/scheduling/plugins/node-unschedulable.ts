import { tolerates } from '../../placement.ts';
import type { FilterPlugin } from '../framework.ts';

export const ERR_NODE_UNSCHEDULABLE = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

/** NodeUnschedulable: a cordoned node takes only Pods that tolerate the unschedulable taint. */
export const nodeUnschedulable: FilterPlugin = {
  name: 'NodeUnschedulable',
  filter: (cycle, _state, node) =>
    node.unschedulable && !tolerates(cycle.info.tolerations, UNSCHEDULABLE_TAINT) ? { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_UNSCHEDULABLE] } : undefined,
};
