import type { CheckResult } from '../core/result.ts';
import type { PropertyOutcome, PropertySpec } from './types.ts';

/** Turns a property's outcome into the check result every reporter already knows how to show. */
export function propertyResult(spec: PropertySpec, outcome: PropertyOutcome): CheckResult {
  const fraction = outcome.status === 'passed' ? 1 : outcome.status === 'failed' && spec.partialCredit ? outcome.fraction : 0;
  const result: CheckResult = {
    id: spec.id,
    title: spec.title,
    status: outcome.status,
    points: Math.round(spec.points * fraction * 100) / 100,
    maxPoints: spec.points,
    visibility: spec.visibility,
  };
  if (outcome.status !== 'passed') {
    if (outcome.message !== undefined) result.message = outcome.message;
    if (spec.hint !== undefined && outcome.status === 'failed') result.hint = spec.hint;
    if (outcome.counterexample) result.counterexample = outcome.counterexample;
  }
  return result;
}
