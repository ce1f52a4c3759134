import { asList, asMap } from '../util.ts';

/** One requirement of a label selector (apimachinery labels.Requirement). */
export interface Requirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

/**
 * A label selector compiled with the scheduler's semantics (metav1.LabelSelectorAsSelector): a missing
 * selector selects nothing, `{}` selects everything, a malformed one selects nothing.
 */
export interface Selector {
  /** `nothing` never matches; `everything` has no requirements. */
  kind: 'nothing' | 'requirements';
  requirements: readonly Requirement[];
  /** A canonical text of the selector (equal selectors have equal keys). */
  key: string;
  /** A `key=value` every selected Pod must carry (to index selectors by label), if there is one. */
  anchor: string | undefined;
  matches(labels: Readonly<Record<string, unknown>> | undefined): boolean;
}

const has = Object.prototype.hasOwnProperty;

function requirementMatches(r: Requirement, labels: Readonly<Record<string, unknown>>): boolean {
  const present = has.call(labels, r.key);
  switch (r.operator) {
    case 'In':
      return present && r.values.includes(String(labels[r.key]));
    case 'NotIn':
      return !present || !r.values.includes(String(labels[r.key]));
    case 'Exists':
      return present;
    default:
      return !present;
  }
}

/** Builds a selector from requirements (sorted so equal selectors share one key). */
export function selectorOf(requirements: readonly Requirement[]): Selector {
  const reqs = [...requirements].map((r) => ({ ...r, values: [...r.values].sort() })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.operator < b.operator ? -1 : a.operator > b.operator ? 1 : 0));
  const key = reqs.map((r) => `${r.key} ${r.operator} ${JSON.stringify(r.values)}`).join(';');
  const single = reqs.find((r) => r.operator === 'In' && r.values.length === 1);
  return {
    kind: 'requirements',
    requirements: reqs,
    key: `{${key}}`,
    anchor: single ? `${single.key}=${single.values[0]}` : undefined,
    matches(labels) {
      if (reqs.length === 0) return true;
      const l = labels ?? {};
      for (const r of reqs) if (!requirementMatches(r, l)) return false;
      return true;
    },
  };
}

/** The selector that matches nothing (a nil metav1.LabelSelector). */
export const NOTHING: Selector = { kind: 'nothing', requirements: [], key: 'nothing', anchor: undefined, matches: () => false };

const OPERATORS = new Set(['In', 'NotIn', 'Exists', 'DoesNotExist']);

/** Compiles a metav1.LabelSelector; extra `key In [value]` requirements come from matchLabelKeys and friends. */
export function compileLabelSelector(raw: unknown, extra: readonly Requirement[] = []): Selector {
  if (raw === undefined || raw === null) return extra.length > 0 ? selectorOf(extra) : NOTHING;
  const sel = asMap(raw);
  if (!sel) return NOTHING;
  const reqs: Requirement[] = [];
  const matchLabels = asMap(sel.matchLabels) ?? {};
  for (const k of Object.keys(matchLabels).sort()) {
    const v = matchLabels[k];
    if (typeof v !== 'string') return NOTHING;
    reqs.push({ key: k, operator: 'In', values: [v] });
  }
  for (const rawExpr of asList(sel.matchExpressions)) {
    const e = asMap(rawExpr);
    if (!e || typeof e.key !== 'string' || !OPERATORS.has(String(e.operator))) return NOTHING;
    const values = asList(e.values).map(String);
    const op = e.operator as Requirement['operator'];
    // In and NotIn need values; Exists and DoesNotExist must have none (the API server rejects the rest).
    if ((op === 'In' || op === 'NotIn') === (values.length === 0)) return NOTHING;
    reqs.push({ key: e.key, operator: op, values });
  }
  return selectorOf([...reqs, ...extra]);
}

/** Builds a selector from a plain label map (a Service's selector); an empty map selects everything. */
export function selectorFromMap(map: Readonly<Record<string, unknown>>): Selector {
  return selectorOf(
    Object.keys(map)
      .sort()
      .map((k) => ({ key: k, operator: 'In' as const, values: [String(map[k])] })),
  );
}

/** Lists `key In/NotIn [value]` requirements for label keys of `labels` (matchLabelKeys / mismatchLabelKeys). */
export function labelKeyRequirements(keys: unknown, labels: Readonly<Record<string, unknown>> | undefined, operator: 'In' | 'NotIn'): Requirement[] {
  const out: Requirement[] = [];
  const l = labels ?? {};
  for (const k of asList(keys)) {
    if (typeof k !== 'string' || !has.call(l, k)) continue;
    out.push({ key: k, operator, values: [String(l[k])] });
  }
  return out;
}
