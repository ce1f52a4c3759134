import type { KubeObject } from '../../core/kube.ts';
import { hostPorts, cachedRequests } from '../placement.ts';
import { cpuMillis, wholeUnits } from '../quantity.ts';
import { asList, asMap, asString } from '../util.ts';
import { compileLabelSelector, labelKeyRequirements, NOTHING, type Selector } from './selector.ts';

/** Requests the scoring plugins assume for a container that sets none (pkg/scheduler/util DefaultMilliCPURequest / DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** A pod (anti-)affinity term, parsed (framework.AffinityTerm). */
export interface AffinityTerm {
  topologyKey: string;
  selector: Selector;
  /** Namespaces named by the term; the owning Pod's own namespace when neither namespaces nor namespaceSelector is set. */
  namespaces: ReadonlySet<string>;
  namespaceSelector: Selector;
  /** A canonical text of namespaces + selectors (equal terms share it). */
  key: string;
}

/** A preferred term and its weight. */
export interface WeightedTerm {
  weight: number;
  term: AffinityTerm;
}

/** One topologySpreadConstraint with its defaults applied. */
export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  whenUnsatisfiable: string;
  selector: Selector;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface HostPortUse {
  protocol: string;
  ip: string;
  port: number;
}

/** What the scheduler needs to know about a Pod, computed once per Pod object. */
export interface PodInfo {
  uid: string;
  namespace: string;
  labels: Readonly<Record<string, string>>;
  /** Has a deletionTimestamp (topology spread does not count it). */
  terminating: boolean;
  requests: { cpu: number; memory: number };
  /** Requests with the scoring defaults for containers that set none. */
  nonZero: { cpu: number; memory: number };
  hostPorts: HostPortUse[];
  tolerations: unknown;
  /** Has a nodeSelector or required node affinity. */
  hasRequiredNodeAffinity: boolean;
  preferredNodeTerms: { weight: number; term: Record<string, unknown> }[];
  /** spec.topologySpreadConstraints as given (empty: the system defaults apply to scoring). */
  spread: SpreadConstraint[];
  requiredAffinity: AffinityTerm[];
  requiredAntiAffinity: AffinityTerm[];
  preferredAffinity: WeightedTerm[];
  preferredAntiAffinity: WeightedTerm[];
  /** Has any pod affinity or anti-affinity term (required or preferred). */
  hasPodAffinity: boolean;
  owner: { kind: string; apiVersion: string; name: string } | undefined;
}

// Per frozen stored object, shared by every cluster and its forks: a PodInfo is a pure function of the object.
const cache = new WeakMap<KubeObject, PodInfo>();

function stringLabels(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const map = asMap(raw);
  if (map) for (const k of Object.keys(map)) out[k] = String(map[k]);
  return out;
}

function containerSum(spec: Record<string, unknown> | undefined, pick: (req: Record<string, unknown>, name: 'cpu' | 'memory') => number): { cpu: number; memory: number } {
  const sum = { cpu: 0, memory: 0 };
  for (const c of asList(spec?.containers)) {
    const req = asMap(asMap(asMap(c)?.resources)?.requests) ?? {};
    sum.cpu += pick(req, 'cpu');
    sum.memory += pick(req, 'memory');
  }
  for (const c of asList(spec?.initContainers)) {
    const req = asMap(asMap(asMap(c)?.resources)?.requests) ?? {};
    sum.cpu = Math.max(sum.cpu, pick(req, 'cpu'));
    sum.memory = Math.max(sum.memory, pick(req, 'memory'));
  }
  return sum;
}

function nonZeroRequests(spec: Record<string, unknown> | undefined): { cpu: number; memory: number } {
  // A request that is missing gets the default; one explicitly set (even to 0) is kept (resourcehelper NonMissingContainerRequests).
  return containerSum(spec, (req, name) => {
    if (req[name] === undefined || req[name] === null) return name === 'cpu' ? DEFAULT_MILLI_CPU_REQUEST : DEFAULT_MEMORY_REQUEST;
    return name === 'cpu' ? cpuMillis(req[name]) : wholeUnits(req[name]);
  });
}

function affinityTerm(raw: unknown, namespace: string, labels: Record<string, string>): AffinityTerm | undefined {
  const t = asMap(raw);
  if (!t) return undefined;
  const topologyKey = asString(t.topologyKey) ?? '';
  // matchLabelKeys / mismatchLabelKeys are merged into the selector with the owning Pod's label values.
  const extra = [...labelKeyRequirements(t.matchLabelKeys, labels, 'In'), ...labelKeyRequirements(t.mismatchLabelKeys, labels, 'NotIn')];
  const selector = compileLabelSelector(t.labelSelector, extra);
  const listed = asList(t.namespaces).filter((n): n is string => typeof n === 'string');
  const nsRaw = t.namespaceSelector;
  const namespaceSelector = nsRaw === undefined || nsRaw === null ? NOTHING : compileLabelSelector(nsRaw);
  const namespaces = new Set(listed.length === 0 && (nsRaw === undefined || nsRaw === null) ? [namespace] : listed);
  return { topologyKey, selector, namespaces, namespaceSelector, key: `${[...namespaces].sort().join(',')}|${namespaceSelector.key}|${selector.key}` };
}

function terms(list: unknown, namespace: string, labels: Record<string, string>): AffinityTerm[] {
  return asList(list)
    .map((raw) => affinityTerm(raw, namespace, labels))
    .filter((t): t is AffinityTerm => t !== undefined);
}

function weightedTerms(list: unknown, namespace: string, labels: Record<string, string>): WeightedTerm[] {
  const out: WeightedTerm[] = [];
  for (const raw of asList(list)) {
    const w = asMap(raw);
    const weight = typeof w?.weight === 'number' && Number.isFinite(w.weight) ? Math.trunc(w.weight) : 0;
    const term = affinityTerm(w?.podAffinityTerm, namespace, labels);
    if (term && weight !== 0) out.push({ weight, term });
  }
  return out;
}

function policy(value: unknown, fallback: 'Honor' | 'Ignore'): 'Honor' | 'Ignore' {
  return value === 'Honor' || value === 'Ignore' ? value : fallback;
}

function spreadConstraints(list: unknown, labels: Record<string, string>): SpreadConstraint[] {
  const out: SpreadConstraint[] = [];
  for (const raw of asList(list)) {
    const c = asMap(raw);
    if (!c) continue;
    const maxSkew = typeof c.maxSkew === 'number' && Number.isFinite(c.maxSkew) ? c.maxSkew : 1;
    const minDomains = typeof c.minDomains === 'number' && Number.isFinite(c.minDomains) ? c.minDomains : 1;
    out.push({
      maxSkew,
      topologyKey: asString(c.topologyKey) ?? '',
      whenUnsatisfiable: String(c.whenUnsatisfiable ?? ''),
      selector: compileLabelSelector(c.labelSelector, labelKeyRequirements(c.matchLabelKeys, labels, 'In')),
      minDomains,
      nodeAffinityPolicy: policy(c.nodeAffinityPolicy, 'Honor'),
      nodeTaintsPolicy: policy(c.nodeTaintsPolicy, 'Ignore'),
    });
  }
  return out;
}

/** Returns the scheduling facts of a Pod, computed once per (frozen) Pod object. */
export function podInfoOf(pod: KubeObject): PodInfo {
  let info = cache.get(pod);
  if (info) return info;
  const spec = asMap(pod.spec);
  const namespace = pod.metadata.namespace ?? 'default';
  const labels = stringLabels(pod.metadata.labels);
  const affinity = asMap(spec?.affinity);
  const podAffinity = asMap(affinity?.podAffinity);
  const podAnti = asMap(affinity?.podAntiAffinity);
  const nodeAffinity = asMap(affinity?.nodeAffinity);
  const requiredAffinity = terms(podAffinity?.requiredDuringSchedulingIgnoredDuringExecution, namespace, labels);
  const requiredAntiAffinity = terms(podAnti?.requiredDuringSchedulingIgnoredDuringExecution, namespace, labels);
  const preferredAffinity = weightedTerms(podAffinity?.preferredDuringSchedulingIgnoredDuringExecution, namespace, labels);
  const preferredAntiAffinity = weightedTerms(podAnti?.preferredDuringSchedulingIgnoredDuringExecution, namespace, labels);
  const owner = (Array.isArray(pod.metadata.ownerReferences) ? pod.metadata.ownerReferences : []).find((o) => asMap(o)?.controller === true);
  info = {
    uid: pod.metadata.uid ?? '',
    namespace,
    labels,
    terminating: pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null,
    requests: cachedRequests(pod),
    nonZero: nonZeroRequests(spec),
    hostPorts: hostPorts(pod),
    tolerations: spec?.tolerations,
    hasRequiredNodeAffinity: asMap(spec?.nodeSelector) !== undefined || asMap(nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution) !== undefined,
    preferredNodeTerms: asList(nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution)
      .map(asMap)
      .filter((p): p is Record<string, unknown> => p !== undefined && typeof p.weight === 'number' && p.weight !== 0 && asMap(p.preference) !== undefined)
      .map((p) => ({ weight: p.weight as number, term: asMap(p.preference) as Record<string, unknown> })),
    spread: spreadConstraints(spec?.topologySpreadConstraints, labels),
    requiredAffinity,
    requiredAntiAffinity,
    preferredAffinity,
    preferredAntiAffinity,
    hasPodAffinity: requiredAffinity.length + requiredAntiAffinity.length + preferredAffinity.length + preferredAntiAffinity.length > 0,
    owner: owner ? { kind: String(owner.kind ?? ''), apiVersion: String(owner.apiVersion ?? ''), name: String(owner.name ?? '') } : undefined,
  };
  cache.set(pod, info);
  return info;
}

/** Returns whether a term selects a Pod (AffinityTerm.Matches): its namespace is listed or selected, and its labels match. */
export function termMatches(term: AffinityTerm, namespace: string, labels: Readonly<Record<string, string>>, namespaceLabels: Readonly<Record<string, string>> | undefined): boolean {
  if (!term.namespaces.has(namespace) && !term.namespaceSelector.matches(namespaceLabels)) return false;
  return term.selector.matches(labels);
}
