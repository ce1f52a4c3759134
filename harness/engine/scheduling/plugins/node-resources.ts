import { MAX_NODE_SCORE, SKIP, type FilterPlugin, type ScorePlugin } from '../framework.ts';

// A module-local copy: per-node loops read it, and a transpiled import binding is a getter call.
const MAX_SCORE = MAX_NODE_SCORE;

/** NodeResourcesFit Filter: pod count, cpu and memory requests against allocatable (reasons in upstream order). */
export const nodeResourcesFitFilter: FilterPlugin = {
  name: 'NodeResourcesFit',
  filter(cycle, _state, node) {
    const req = cycle.info.requests;
    const tooMany = node.podCount + 1 > node.allocatablePods;
    const cpu = req.cpu > 0 && req.cpu > node.allocatableCpu - node.requestedCpu;
    const memory = req.memory > 0 && req.memory > node.allocatableMemory - node.requestedMemory;
    if (!tooMany && !cpu && !memory) return undefined;
    const reasons: string[] = [];
    if (tooMany) reasons.push('Too many pods');
    if (cpu) reasons.push('Insufficient cpu');
    if (memory) reasons.push('Insufficient memory');
    return { code: 'Unschedulable', reasons };
  },
};

function leastRequested(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_SCORE) / capacity);
}

/** NodeResourcesFit Score (LeastAllocated, cpu and memory weight 1) over requests with the scoring defaults. */
export const nodeResourcesFitScore: ScorePlugin = {
  name: 'NodeResourcesFit',
  score(cycle, _state, node) {
    const pod = cycle.info.nonZero;
    let sum = 0;
    let weights = 0;
    if (node.allocatableCpu > 0) {
      sum += leastRequested(node.nonZeroCpu + pod.cpu, node.allocatableCpu);
      weights++;
    }
    if (node.allocatableMemory > 0) {
      sum += leastRequested(node.nonZeroMemory + pod.memory, node.allocatableMemory);
      weights++;
    }
    return weights === 0 ? 0 : Math.trunc(sum / weights);
  },
};

/** NodeResourcesBalancedAllocation: nodes whose cpu and memory fractions stay close score higher; skipped for Pods that request nothing. */
export const balancedAllocationScore: ScorePlugin = {
  name: 'NodeResourcesBalancedAllocation',
  preScore: (cycle) => (cycle.info.requests.cpu === 0 && cycle.info.requests.memory === 0 ? SKIP : undefined),
  score(cycle, _state, node) {
    const pod = cycle.info.requests;
    // With both resources allocatable, std = |cpu fraction − memory fraction| / 2; with one or none it is 0.
    if (node.allocatableCpu <= 0 || node.allocatableMemory <= 0) return MAX_SCORE;
    const cpu = Math.min(1, (node.requestedCpu + pod.cpu) / node.allocatableCpu);
    const memory = Math.min(1, (node.requestedMemory + pod.memory) / node.allocatableMemory);
    const std = Math.abs((cpu - memory) / 2);
    return Math.trunc((1 - std) * MAX_SCORE);
  },
};
