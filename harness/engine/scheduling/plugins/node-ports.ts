import { usedHostPorts } from '../../scheduler-cache.ts';
import { SKIP, type FilterPlugin } from '../framework.ts';

export const ERR_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** NodePorts: a hostPort (protocol, port; hostIP 0.0.0.0 overlaps every IP) must be free on the node. */
export const nodePorts: FilterPlugin = {
  name: 'NodePorts',
  preFilter: (cycle) => (cycle.info.hostPorts.length > 0 ? undefined : SKIP),
  filter(cycle, _state, node) {
    const wanted = cycle.info.hostPorts;
    if (wanted.length === 0 || node.podsWithHostPorts === 0) return undefined;
    const used = usedHostPorts(node);
    const conflict = wanted.some((w) => used.some((u) => u.port === w.port && u.protocol === w.protocol && (u.ip === w.ip || u.ip === '0.0.0.0' || w.ip === '0.0.0.0')));
    // Unschedulable, not unresolvable: preemption could free the port (upstream nodeports.Filter).
    return conflict ? { code: 'Unschedulable', reasons: [ERR_NODE_PORTS] } : undefined;
  },
};
