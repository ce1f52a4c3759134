import { asList, asMap } from '../util.ts';

/** A compiled label selector: `matches(labels)`; `valid` is false when learner data could never select anything. */
export interface LabelSelector {
  valid: boolean;
  matches(labels: Record<string, string> | undefined): boolean;
}

const NOTHING: LabelSelector = { valid: false, matches: () => false };

/** Compiles a metav1.LabelSelector (matchLabels, matchExpressions); odd shapes and `{}` select nothing here. */
export function compileSelector(raw: unknown): LabelSelector {
  const sel = asMap(raw);
  if (!sel) return NOTHING;
  const matchLabels = asMap(sel.matchLabels) ?? {};
  const pairs = Object.keys(matchLabels)
    .sort()
    .map((k) => [k, matchLabels[k]] as const);
  if (pairs.some(([, v]) => typeof v !== 'string')) return NOTHING;
  const exprs = asList(sel.matchExpressions).map(asMap);
  if (exprs.some((e) => !e || typeof e.key !== 'string')) return NOTHING;
  if (pairs.length === 0 && exprs.length === 0) return NOTHING;
  const ops = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
  if (exprs.some((e) => !ops.includes(String(e?.operator)))) return NOTHING;
  return {
    valid: true,
    matches(labels) {
      const l = labels ?? {};
      if (!pairs.every(([k, v]) => l[k] === v)) return false;
      return exprs.every((e) => {
        const key = String(e?.key);
        const values = asList(e?.values).map(String);
        const has = Object.prototype.hasOwnProperty.call(l, key);
        switch (e?.operator) {
          case 'In':
            return has && values.includes(l[key] as string);
          case 'NotIn':
            return !has || !values.includes(l[key] as string);
          case 'Exists':
            return has;
          default:
            return !has;
        }
      });
    },
  };
}
