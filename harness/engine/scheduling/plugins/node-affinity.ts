import { matchesNodeSelectorTerm } from '../../placement.ts';
import { defaultNormalizeScore, SKIP, type FilterPlugin, type ScorePlugin } from '../framework.ts';

export const ERR_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

/** NodeAffinity Filter: nodeSelector and required node affinity. */
export const nodeAffinityFilter: FilterPlugin = {
  name: 'NodeAffinity',
  preFilter: (cycle) => (cycle.info.hasRequiredNodeAffinity ? undefined : SKIP),
  filter: (cycle, _state, node) => (cycle.requiredNodeAffinity(node) ? undefined : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_NODE_AFFINITY] }),
};

/** NodeAffinity Score: the summed weights of the preferred terms a node matches. */
export const nodeAffinityScore: ScorePlugin = {
  name: 'NodeAffinity',
  preScore: (cycle) => (cycle.info.preferredNodeTerms.length === 0 ? SKIP : undefined),
  score(cycle, _state, node) {
    let sum = 0;
    for (const { weight, term } of cycle.info.preferredNodeTerms) if (node.node && matchesNodeSelectorTerm(term, node.node)) sum += weight;
    return sum;
  },
  normalize: (_cycle, _state, scores) => defaultNormalizeScore(scores, false),
};
