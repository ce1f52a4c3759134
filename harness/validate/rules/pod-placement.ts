import type { FieldError } from '../types.ts';
import { asList, asMap, notSupported, podSpecOf, type Rule } from './util.ts';

const NOT_POSITIVE = 'must be greater than zero';
const SPREAD_ACTIONS = ['DoNotSchedule', 'ScheduleAnyway'] as const;
const INCLUSION_POLICIES = ['Honor', 'Ignore'] as const;

/** Go reads a missing int32 as 0 and a missing string as "". */
const int32 = (v: unknown): unknown => (v === undefined || v === null ? 0 : v);
const text = (v: unknown): unknown => (v === undefined || v === null ? '' : v);

/** validateTopologySpreadConstraints: skew, key, action, duplicates, minDomains and the node inclusion policies. */
function spreadErrors(list: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  const constraints = asList(list).map((raw) => asMap(raw) ?? {});
  constraints.forEach((c, i) => {
    const at = `${path}[${i}]`;
    const skew = int32(c.maxSkew);
    if (typeof skew === 'number' && skew <= 0) out.push({ type: 'Invalid', field: `${at}.maxSkew`, value: skew, detail: NOT_POSITIVE });
    if (text(c.topologyKey) === '') out.push({ type: 'Required', field: `${at}.topologyKey`, detail: 'can not be empty' });
    const action = text(c.whenUnsatisfiable);
    out.push(...notSupported(action, `${at}.whenUnsatisfiable`, SPREAD_ACTIONS));
    const twin = constraints.slice(i + 1).find((o) => text(o.topologyKey) === text(c.topologyKey) && text(o.whenUnsatisfiable) === action);
    if (twin) out.push({ type: 'Duplicate', field: `${at}.{topologyKey, whenUnsatisfiable}`, value: `{${String(text(c.topologyKey))}, ${String(action)}}` });
    if (c.minDomains !== undefined && c.minDomains !== null) {
      if (typeof c.minDomains === 'number' && c.minDomains <= 0) out.push({ type: 'Invalid', field: `${at}.minDomains`, value: c.minDomains, detail: NOT_POSITIVE });
      if (action !== 'DoNotSchedule') {
        out.push({ type: 'Invalid', field: `${at}.minDomains`, value: c.minDomains, detail: `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${String(action)}` });
      }
    }
    out.push(...notSupported(c.nodeAffinityPolicy, `${at}.nodeAffinityPolicy`, INCLUSION_POLICIES));
    out.push(...notSupported(c.nodeTaintsPolicy, `${at}.nodeTaintsPolicy`, INCLUSION_POLICIES));
  });
  return out;
}

/** validatePodAffinityTerm: every term names a topologyKey. */
function termErrors(term: Record<string, unknown>, at: string): FieldError[] {
  return text(term.topologyKey) === '' ? [{ type: 'Required', field: `${at}.topologyKey`, detail: 'can not be empty' }] : [];
}

/** validatePodAffinity / validatePodAntiAffinity: required terms, and weighted terms with a weight of 1–100. */
function affinityErrors(affinity: unknown, path: string): FieldError[] {
  const out: FieldError[] = [];
  for (const kind of ['podAffinity', 'podAntiAffinity'] as const) {
    const block = asMap(asMap(affinity)?.[kind]);
    if (!block) continue;
    const base = `${path}.${kind}`;
    asList(block.requiredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
      out.push(...termErrors(asMap(raw) ?? {}, `${base}.requiredDuringSchedulingIgnoredDuringExecution[${i}]`));
    });
    asList(block.preferredDuringSchedulingIgnoredDuringExecution).forEach((raw, i) => {
      const weighted = asMap(raw) ?? {};
      const at = `${base}.preferredDuringSchedulingIgnoredDuringExecution[${i}]`;
      const weight = int32(weighted.weight);
      if (typeof weight === 'number' && (weight <= 0 || weight > 100)) out.push({ type: 'Invalid', field: `${at}.weight`, value: weight, detail: 'must be in the range 1-100' });
      out.push(...termErrors(asMap(weighted.podAffinityTerm) ?? {}, `${at}.podAffinityTerm`));
    });
  }
  return out;
}

/** The API server's checks of topologySpreadConstraints and pod (anti-)affinity terms (what the scheduler relies on). */
export const podPlacementRule: Rule = {
  id: 'pod-placement',
  kinds: ['Pod', 'Deployment', 'ReplicaSet', 'Job'],
  check(obj) {
    const found = podSpecOf(obj);
    if (!found) return [];
    const [spec, base] = found;
    return [...spreadErrors(spec.topologySpreadConstraints, `${base}.topologySpreadConstraints`), ...affinityErrors(spec.affinity, `${base}.affinity`)];
  },
};
