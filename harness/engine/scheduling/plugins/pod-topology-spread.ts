import { tolerates } from '../../placement.ts';
import type { MatchCounter, NodeInfo, SchedulerCache } from '../../scheduler-cache.ts';
import { MAX_NODE_SCORE, SKIP, type Cycle, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import type { SpreadConstraint } from '../pod-info.ts';
import { selectorFromMap, selectorOf, type Requirement } from '../selector.ts';

// A module-local copy: per-node loops read it, and a transpiled import binding is a getter call.
const MAX_SCORE = MAX_NODE_SCORE;

export const ERR_SPREAD = "node(s) didn't match pod topology spread constraints";
export const ERR_SPREAD_MISSING_LABEL = `${ERR_SPREAD} (missing required label)`;
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

/** kube-scheduler's system default constraints, used for scoring a Pod that declares none. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly { topologyKey: string; maxSkew: number }[] = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
];

const has = Object.prototype.hasOwnProperty;

/** Per-node counts of the Pods a constraint selects (same namespace, not terminating); none for an empty selector. */
function counterOf(cache: SchedulerCache, c: SpreadConstraint, namespace: string): MatchCounter | undefined {
  const sel = c.selector;
  // countPodsMatchSelector counts nothing for an empty (or nil) selector.
  if (sel.kind === 'nothing' || sel.requirements.length === 0) return undefined;
  return cache.counter(`spread|${namespace}|${sel.key}`, sel.anchor, (p) => !p.terminating && p.namespace === namespace && sel.matches(p.labels));
}

function hasAllKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  for (const c of constraints) if (!has.call(node.labels, c.topologyKey)) return false;
  return true;
}

/** Whether a node counts for a constraint under its nodeAffinityPolicy / nodeTaintsPolicy. */
function included(cycle: Cycle, c: SpreadConstraint, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !cycle.requiredNodeAffinity(node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && node.hardTaints.some((t) => !tolerates(cycle.info.tolerations, t))) return false;
  return true;
}

interface FilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: matching Pods per topology value, over the eligible nodes. */
  domains: Map<string, number>[];
  min: number[];
}

/** PodTopologySpread Filter (DoNotSchedule constraints): skew = matching Pods in the node's domain + self − global minimum. */
export const podTopologySpreadFilter: FilterPlugin<FilterState> = {
  name: 'PodTopologySpread',
  preFilter(cycle) {
    const constraints = cycle.info.spread.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule');
    if (constraints.length === 0) return SKIP;
    const counters = constraints.map((c) => counterOf(cycle.cache, c, cycle.info.namespace));
    const domains = constraints.map(() => new Map<string, number>());
    for (const node of cycle.nodes) {
      if (!hasAllKeys(node, constraints)) continue;
      for (let i = 0; i < constraints.length; i++) {
        const c = constraints[i] as SpreadConstraint;
        if (!included(cycle, c, node)) continue;
        const d = domains[i] as Map<string, number>;
        const value = node.labels[c.topologyKey] as string;
        d.set(value, (d.get(value) ?? 0) + (counters[i]?.counts.get(node.name) ?? 0));
      }
    }
    const min = domains.map((d) => {
      let m = Number.POSITIVE_INFINITY;
      for (const n of d.values()) if (n < m) m = n;
      return m;
    });
    return { constraints, domains, min };
  },
  filter(cycle, state, node) {
    for (let i = 0; i < state.constraints.length; i++) {
      const c = state.constraints[i] as SpreadConstraint;
      if (!has.call(node.labels, c.topologyKey)) return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_SPREAD_MISSING_LABEL] };
      const domains = state.domains[i] as Map<string, number>;
      // With fewer eligible domains than minDomains, the global minimum counts as 0.
      const min = domains.size < c.minDomains ? 0 : (state.min[i] as number);
      const self = c.selector.matches(cycle.info.labels) ? 1 : 0;
      const skew = (domains.get(node.labels[c.topologyKey] as string) ?? 0) + self - min;
      if (skew > c.maxSkew) return { code: 'Unschedulable', reasons: [ERR_SPREAD] };
    }
    return undefined;
  },
};

/** The selector of the default constraints (helper.DefaultSelector): the Pod's Services and its controller's selector. */
export function defaultSelectorRequirements(cycle: Cycle): Requirement[] {
  const { info, cache } = cycle;
  let set: Record<string, string> = {};
  for (const selector of cache.serviceSelectors(info.namespace)) {
    if (selectorFromMap(selector).matches(info.labels)) set = { ...set, ...selector };
  }
  const reqs = [...selectorFromMap(set).requirements];
  const owner = info.owner;
  if (!owner) return reqs;
  if (owner.kind === 'ReplicationController' && owner.apiVersion === 'v1') {
    const rc = cache.workloadSelector('ReplicationController', info.namespace, owner.name);
    if (rc) return [...selectorFromMap({ ...set, ...Object.fromEntries(rc.requirements.map((r) => [r.key, r.values[0] ?? ''])) }).requirements];
    return reqs;
  }
  if ((owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') && owner.apiVersion === 'apps/v1') {
    const sel = cache.workloadSelector(owner.kind, info.namespace, owner.name);
    if (sel && sel.kind === 'requirements') reqs.push(...sel.requirements);
  }
  return reqs;
}

function scoreConstraints(cycle: Cycle): SpreadConstraint[] {
  if (cycle.info.spread.length > 0) return cycle.info.spread.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway');
  const reqs = defaultSelectorRequirements(cycle);
  if (reqs.length === 0) return [];
  const selector = selectorOf(reqs);
  return SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({ ...d, whenUnsatisfiable: 'ScheduleAnyway', selector, minDomains: 1, nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' }));
}

interface ScoreState {
  constraints: SpreadConstraint[];
  counters: (MatchCounter | undefined)[];
  ignored: Set<string>;
  /** Per constraint other than hostname: matching Pods per topology value of the feasible nodes. */
  pairs: Map<string, number>[];
  weights: number[];
}

/** PodTopologySpread Score (ScheduleAnyway constraints, else the system defaults): fewer matching Pods in a node's domains score higher. */
export const podTopologySpreadScore: ScorePlugin<ScoreState> = {
  name: 'PodTopologySpread',
  preScore(cycle, feasible) {
    const constraints = scoreConstraints(cycle);
    if (constraints.length === 0) return SKIP;
    // Nodes missing a key are ignored, except under the system defaults (a cluster without zones still spreads by hostname).
    const requireAll = cycle.info.spread.length > 0;
    const ignored = new Set<string>();
    const pairs = constraints.map(() => new Map<string, number>());
    // Score reads a domain count only for nodes that carry the key: without such a node, counting is moot.
    const keyed = constraints.map(() => false);
    const scored: NodeInfo[] = [];
    for (const node of feasible) {
      if (requireAll && !hasAllKeys(node, constraints)) ignored.add(node.name);
      else scored.push(node);
    }
    for (let i = 0; i < constraints.length; i++) {
      const key = (constraints[i] as SpreadConstraint).topologyKey;
      if (key === LABEL_HOSTNAME || !scored.some((node) => has.call(node.labels, key))) continue;
      keyed[i] = true;
      const p = pairs[i] as Map<string, number>;
      for (const node of scored) p.set(has.call(node.labels, key) ? (node.labels[key] as string) : '', 0);
    }
    const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : (pairs[i] as Map<string, number>).size) + 2));
    const counters = constraints.map((c) => counterOf(cycle.cache, c, cycle.info.namespace));
    for (let i = 0; i < constraints.length; i++) {
      if (!keyed[i]) continue;
      const c = constraints[i] as SpreadConstraint;
      const p = pairs[i] as Map<string, number>;
      const counts = counters[i]?.counts;
      if (!counts) continue;
      for (const node of cycle.nodes) {
        if ((requireAll && !hasAllKeys(node, constraints)) || !included(cycle, c, node)) continue;
        const value = has.call(node.labels, c.topologyKey) ? (node.labels[c.topologyKey] as string) : '';
        const n = p.get(value);
        if (n !== undefined) p.set(value, n + (counts.get(node.name) ?? 0));
      }
    }
    return { constraints, counters, ignored, pairs, weights };
  },
  score(_cycle, s, node) {
    if (s.ignored.has(node.name)) return 0;
    let score = 0;
    for (let i = 0; i < s.constraints.length; i++) {
      const c = s.constraints[i] as SpreadConstraint;
      if (!has.call(node.labels, c.topologyKey)) continue;
      const count = c.topologyKey === LABEL_HOSTNAME ? (s.counters[i]?.counts.get(node.name) ?? 0) : ((s.pairs[i] as Map<string, number>).get(node.labels[c.topologyKey] as string) ?? 0);
      score += count * (s.weights[i] as number) + (c.maxSkew - 1);
    }
    return Math.round(score);
  },
  normalize(_cycle, s, scores, feasible) {
    let min = Number.POSITIVE_INFINITY;
    let max = 0;
    feasible.forEach((node, i) => {
      if (s.ignored.has(node.name)) return;
      const v = scores[i] as number;
      if (v < min) min = v;
      if (v > max) max = v;
    });
    feasible.forEach((node, i) => {
      if (s.ignored.has(node.name)) scores[i] = 0;
      else if (max === 0) scores[i] = MAX_SCORE;
      else scores[i] = Math.trunc((MAX_SCORE * (max + min - (scores[i] as number))) / max);
    });
  },
};
