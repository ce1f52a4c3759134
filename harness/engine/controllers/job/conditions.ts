/** Job conditions (batch/v1 JobCondition) as the Job controller writes them. */
import { asList, asMap } from '../../util.ts';

export type JobCondition = Record<string, unknown> & { type: string; status: string };

/** Reads the well-formed conditions of a Job status. */
export function conditionsOf(status: unknown): JobCondition[] {
  return asList(asMap(status)?.conditions)
    .map(asMap)
    .filter((c): c is JobCondition => !!c && typeof c.type === 'string' && typeof c.status === 'string');
}

/** Finds the condition of a type that is True. */
export function trueCondition(conditions: readonly JobCondition[], type: string): JobCondition | undefined {
  return conditions.find((c) => c.type === type && c.status === 'True');
}

/** Builds a condition stamped now (lastProbeTime and lastTransitionTime both). */
export function newCondition(type: string, status: string, reason: string, message: string, now: string): JobCondition {
  const c: JobCondition = { type, status, lastProbeTime: now, lastTransitionTime: now };
  if (reason !== '') c.reason = reason;
  if (message !== '') c.message = message;
  return c;
}

/** Sets a condition (ensureJobConditionStatus): replaces one of the same type that differs, appends unless False; returns whether it changed. */
export function ensureCondition(list: JobCondition[], type: string, status: string, reason: string, message: string, now: string): boolean {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return false;
    list[i] = newCondition(type, status, reason, message, now);
    return true;
  }
  if (status === 'False') return false;
  list.push(newCondition(type, status, reason, message, now));
  return true;
}

/** Tells whether the Job is finished: Complete or Failed is True. */
export function isJobFinished(status: unknown): boolean {
  const conditions = conditionsOf(status);
  return !!trueCondition(conditions, 'Complete') || !!trueCondition(conditions, 'Failed');
}
