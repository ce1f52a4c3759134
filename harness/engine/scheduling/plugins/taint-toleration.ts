import { tolerates } from '../../placement.ts';
import { asList, asMap } from '../../util.ts';
import { defaultNormalizeScore, SKIP, type FilterPlugin, type ScorePlugin } from '../framework.ts';

/** TaintToleration Filter: the first NoSchedule/NoExecute taint the Pod does not tolerate rules the node out. */
export const taintTolerationFilter: FilterPlugin = {
  name: 'TaintToleration',
  filter(cycle, _state, node) {
    for (const taint of node.hardTaints) {
      if (!tolerates(cycle.info.tolerations, taint)) {
        return { code: 'UnschedulableAndUnresolvable', reasons: [`node(s) had untolerated taint {${String(taint.key)}: ${String(taint.value ?? '')}}`] };
      }
    }
    return undefined;
  },
};

/** TaintToleration Score: fewer untolerated PreferNoSchedule taints score higher (reverse-normalised). */
export const taintTolerationScore: ScorePlugin<unknown[]> = {
  name: 'TaintToleration',
  preScore(cycle, feasible) {
    // Without PreferNoSchedule taints every node scores 100: a constant that changes no choice.
    if (!feasible.some((n) => n.preferNoScheduleTaints.length > 0)) return SKIP;
    // Only tolerations with an empty effect or PreferNoSchedule count here.
    return asList(cycle.info.tolerations).filter((t) => {
      const effect = asMap(t)?.effect;
      return effect === undefined || effect === '' || effect === 'PreferNoSchedule';
    });
  },
  score(_cycle, tolerations, node) {
    let n = 0;
    for (const taint of node.preferNoScheduleTaints) if (!tolerates(tolerations, taint)) n++;
    return n;
  },
  normalize: (_cycle, _state, scores) => defaultNormalizeScore(scores, true),
};
