import type { MatchCounter, NodeInfo, SchedulerCache } from '../../scheduler-cache.ts';
import { SKIP, MAX_NODE_SCORE, type Cycle, type FilterPlugin, type ScorePlugin } from '../framework.ts';
import { termMatches, type AffinityTerm } from '../pod-info.ts';

// A module-local copy: per-node loops read it, and a transpiled import binding is a getter call.
const MAX_SCORE = MAX_NODE_SCORE;

export const ERR_AFFINITY = "node(s) didn't match pod affinity rules";
export const ERR_ANTI_AFFINITY = "node(s) didn't match pod anti-affinity rules";
export const ERR_EXISTING_ANTI_AFFINITY = "node(s) didn't satisfy existing pods anti-affinity rules";

/** The weight of an existing Pod's required affinity term in scoring (InterPodAffinityArgs.HardPodAffinityWeight). */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const has = Object.prototype.hasOwnProperty;
const pair = (key: string, value: string): string => `${key}\u0000${value}`;

function add(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** Per-node counts of bound Pods one term selects. */
function termCounter(cache: SchedulerCache, term: AffinityTerm): MatchCounter {
  return cache.counter(`term|${term.key}`, term.selector.anchor, (p, namespaceLabels) => termMatches(term, p.namespace, p.labels, namespaceLabels(p.namespace)), term.namespaceSelector.kind !== 'nothing');
}

/** Per-node counts of bound Pods that every term selects. */
function allTermsCounter(cache: SchedulerCache, terms: readonly AffinityTerm[]): MatchCounter {
  const anchor = terms.find((t) => t.selector.anchor !== undefined)?.selector.anchor;
  return cache.counter(
    `all|${terms.map((t) => t.key).join('&')}`,
    anchor,
    (p, namespaceLabels) => terms.every((t) => termMatches(t, p.namespace, p.labels, namespaceLabels(p.namespace))),
    terms.some((t) => t.namespaceSelector.kind !== 'nothing'),
  );
}

interface FilterState {
  /** Topology pairs where existing Pods' required anti-affinity selects the incoming Pod. */
  existing: Map<string, number>;
  /** Topology pairs holding Pods that match all the incoming Pod's required affinity terms. */
  affinity: Map<string, number>;
  /** Topology pairs holding Pods that the incoming Pod's required anti-affinity terms select. */
  anti: Map<string, number>;
}

function selfMatchesAll(cycle: Cycle, terms: readonly AffinityTerm[]): boolean {
  const { info, cache } = cycle;
  return terms.length > 0 && terms.every((t) => termMatches(t, info.namespace, info.labels, cache.namespaceLabels(info.namespace)));
}

/** InterPodAffinity Filter: required pod affinity, required anti-affinity, and existing Pods' anti-affinity toward this Pod. */
export const interPodAffinityFilter: FilterPlugin<FilterState> = {
  name: 'InterPodAffinity',
  preFilter(cycle) {
    const { info, cache } = cycle;
    const nsLabels = cache.namespaceLabels(info.namespace);
    const existing = new Map<string, number>();
    for (const e of cache.podsWithRequiredAntiAffinity()) {
      const node = cache.node(e.node);
      if (!node) continue;
      for (const t of e.info.requiredAntiAffinity) {
        if (has.call(node.labels, t.topologyKey) && termMatches(t, info.namespace, info.labels, nsLabels)) add(existing, pair(t.topologyKey, node.labels[t.topologyKey] as string), 1);
      }
    }
    if (existing.size === 0 && info.requiredAffinity.length === 0 && info.requiredAntiAffinity.length === 0) return SKIP;
    const affinity = new Map<string, number>();
    if (info.requiredAffinity.length > 0) {
      for (const [name, n] of allTermsCounter(cache, info.requiredAffinity).counts) {
        const node = cache.node(name);
        if (!node) continue;
        for (const t of info.requiredAffinity) if (has.call(node.labels, t.topologyKey)) add(affinity, pair(t.topologyKey, node.labels[t.topologyKey] as string), n);
      }
    }
    const anti = new Map<string, number>();
    for (const t of info.requiredAntiAffinity) {
      for (const [name, n] of termCounter(cache, t).counts) {
        const node = cache.node(name);
        if (node && has.call(node.labels, t.topologyKey)) add(anti, pair(t.topologyKey, node.labels[t.topologyKey] as string), n);
      }
    }
    return { existing, affinity, anti };
  },
  filter(cycle, s, node) {
    const { info } = cycle;
    let podsExist = true;
    for (const t of info.requiredAffinity) {
      // Every topology key of the required terms must be on the node.
      if (!has.call(node.labels, t.topologyKey)) return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_AFFINITY] };
      if ((s.affinity.get(pair(t.topologyKey, node.labels[t.topologyKey] as string)) ?? 0) <= 0) podsExist = false;
    }
    // The first Pod of a group with affinity to itself may go anywhere its terms' keys exist.
    if (!podsExist && !(s.affinity.size === 0 && selfMatchesAll(cycle, info.requiredAffinity))) return { code: 'UnschedulableAndUnresolvable', reasons: [ERR_AFFINITY] };
    if (s.anti.size > 0) {
      for (const t of info.requiredAntiAffinity) {
        if (has.call(node.labels, t.topologyKey) && (s.anti.get(pair(t.topologyKey, node.labels[t.topologyKey] as string)) ?? 0) > 0) return { code: 'Unschedulable', reasons: [ERR_ANTI_AFFINITY] };
      }
    }
    if (s.existing.size > 0) {
      for (const key of Object.keys(node.labels)) {
        if ((s.existing.get(pair(key, node.labels[key] as string)) ?? 0) > 0) return { code: 'Unschedulable', reasons: [ERR_EXISTING_ANTI_AFFINITY] };
      }
    }
    return undefined;
  },
};

type TopologyScore = Map<string, Map<string, number>>;

function addScore(topo: TopologyScore, node: NodeInfo, key: string, n: number): void {
  if (!has.call(node.labels, key)) return;
  let values = topo.get(key);
  if (!values) topo.set(key, (values = new Map()));
  add(values, node.labels[key] as string, n);
}

/** InterPodAffinity Score: preferred terms of the Pod and of existing Pods (and existing Pods' required affinity), per topology domain. */
export const interPodAffinityScore: ScorePlugin<TopologyScore> = {
  name: 'InterPodAffinity',
  preScore(cycle) {
    const { info, cache } = cycle;
    const topo: TopologyScore = new Map();
    for (const [terms, sign] of [
      [info.preferredAffinity, 1],
      [info.preferredAntiAffinity, -1],
    ] as const) {
      for (const { weight, term } of terms) {
        for (const [name, n] of termCounter(cache, term).counts) {
          const node = cache.node(name);
          if (node) addScore(topo, node, term.topologyKey, sign * weight * n);
        }
      }
    }
    const nsLabels = cache.namespaceLabels(info.namespace);
    const selects = (t: AffinityTerm): boolean => termMatches(t, info.namespace, info.labels, nsLabels);
    for (const e of cache.podsWithAffinity()) {
      const node = cache.node(e.node);
      if (!node) continue;
      for (const t of e.info.requiredAffinity) if (selects(t)) addScore(topo, node, t.topologyKey, HARD_POD_AFFINITY_WEIGHT);
      for (const { weight, term } of e.info.preferredAffinity) if (selects(term)) addScore(topo, node, term.topologyKey, weight);
      for (const { weight, term } of e.info.preferredAntiAffinity) if (selects(term)) addScore(topo, node, term.topologyKey, -weight);
    }
    return topo.size === 0 ? SKIP : topo;
  },
  score(_cycle, topo, node) {
    let score = 0;
    for (const [key, values] of topo) if (has.call(node.labels, key)) score += values.get(node.labels[key] as string) ?? 0;
    return score;
  },
  normalize(_cycle, _topo, scores) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const s of scores) {
      if (s > max) max = s;
      if (s < min) min = s;
    }
    const diff = max - min;
    for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc((MAX_SCORE * ((scores[i] as number) - min)) / diff) : 0;
  },
};
