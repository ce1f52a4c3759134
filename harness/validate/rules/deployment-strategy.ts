import type { FieldError } from '../types.ts';
import { asMap, isInt, MSG, nonNegative } from './util.ts';
import type { Rule } from './util.ts';

/** Tells whether an int-or-string is a valid percent string. */
function percentValue(v: string): number | undefined {
  return /^[0-9]+%$/.test(v) ? Number(v.slice(0, -1)) : undefined;
}

function intOrPercentErrors(v: unknown, field: string, capAt100: boolean): FieldError[] {
  if (typeof v === 'string') {
    const pct = percentValue(v);
    if (pct === undefined) {
      return [{ type: 'Invalid', field, value: v, detail: MSG.percent }];
    }
    if (capAt100 && pct > 100) return [{ type: 'Invalid', field, value: v, detail: 'must not be greater than 100%' }];
    return [];
  }
  return nonNegative(v, field);
}

function isZero(v: unknown): boolean {
  return v === 0 || (typeof v === 'string' && percentValue(v) === 0);
}

/** Deployment strategy and progressDeadlineSeconds (§2.5). */
export const deploymentStrategyRule: Rule = {
  id: 'deployment-strategy',
  kinds: ['Deployment'],
  check(obj) {
    const spec = asMap(obj.spec) ?? {};
    const out: FieldError[] = [];
    const strategy = asMap(spec.strategy);
    if (strategy) {
      const type = strategy.type;
      const ru = asMap(strategy.rollingUpdate);
      if (type !== undefined && type !== 'Recreate' && type !== 'RollingUpdate') {
        out.push({ type: 'NotSupported', field: 'spec.strategy.type', value: type, detail: 'supported values: "Recreate", "RollingUpdate"' });
      }
      if (type === 'Recreate' && ru) {
        out.push({ type: 'Forbidden', field: 'spec.strategy.rollingUpdate', detail: "may not be specified when strategy `type` is 'Recreate'" });
      } else if (ru) {
        out.push(...intOrPercentErrors(ru.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable', true));
        out.push(...intOrPercentErrors(ru.maxSurge, 'spec.strategy.rollingUpdate.maxSurge', false));
        if (isZero(ru.maxSurge) && isZero(ru.maxUnavailable)) {
          out.push({ type: 'Invalid', field: 'spec.strategy.rollingUpdate.maxUnavailable', value: ru.maxUnavailable, detail: 'may not be 0 when `maxSurge` is 0' });
        }
      }
    }
    out.push(...nonNegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
    const pds = spec.progressDeadlineSeconds;
    if (isInt(pds)) {
      out.push(...nonNegative(pds, 'spec.progressDeadlineSeconds'));
      const mrs = isInt(spec.minReadySeconds) ? spec.minReadySeconds : 0;
      if (pds <= mrs) out.push({ type: 'Invalid', field: 'spec.progressDeadlineSeconds', value: pds, detail: 'must be greater than minReadySeconds' });
    }
    return out;
  },
};
