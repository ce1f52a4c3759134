import { asMap } from '../../util.ts';
import { SKIP, type FilterPlugin } from '../framework.ts';

export const ERR_NODE_NAME = "node(s) didn't match the requested node name";

/** NodeName: a Pod that names a node fits only there. */
export const nodeName: FilterPlugin = {
  name: 'NodeName',
  preFilter: (cycle) => (typeof asMap(cycle.pod.spec)?.nodeName === 'string' && asMap(cycle.pod.spec)?.nodeName !== '' ? undefined : SKIP),
  filter(cycle, _state, node) {
    const want = asMap(cycle.pod.spec)?.nodeName;
    return typeof want === 'string' && want !== '' && want !== node.name ? { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_NAME] } : undefined;
  },
};
