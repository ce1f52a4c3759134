import { clone } from '../core/kube.ts';
import type { KubeObject } from '../core/kube.ts';
import { asList, asMap } from './util.ts';

export interface ConditionInput {
  type: string;
  status: 'True' | 'False';
  reason?: string;
  message?: string;
}

/** Order in which the kubelet writes pod conditions (describe prints them so). */
export const CONDITION_ORDER = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** Returns a copy with the condition set (lastTransitionTime kept unless status changed), or undefined when nothing changes. */
export function setCondition(pod: KubeObject, input: ConditionInput, now: string): KubeObject | undefined {
  const status = asMap(pod.status) ?? {};
  const merged = withCondition(status.conditions, input, now);
  if (!merged) return undefined;
  const copy = clone(pod);
  copy.status = { ...status, conditions: merged };
  return copy;
}

/** Returns a new conditions list with the condition set (lastTransitionTime kept unless status changed), or undefined when nothing changes. */
export function withCondition(current: unknown, input: ConditionInput, now: string): Record<string, unknown>[] | undefined {
  const conditions = asList(current).map((c) => asMap(c) ?? {});
  const existing = conditions.find((c) => c.type === input.type);
  if (existing && existing.status === input.status && existing.reason === input.reason && existing.message === input.message) return undefined;
  const next: Record<string, unknown> = { type: input.type, status: input.status, lastProbeTime: null };
  next.lastTransitionTime = existing && existing.status === input.status ? existing.lastTransitionTime : now;
  if (input.reason !== undefined) next.reason = input.reason;
  if (input.message !== undefined) next.message = input.message;
  const merged = [...conditions.filter((c) => c.type !== input.type), next];
  const rank = (t: unknown): number => {
    const i = CONDITION_ORDER.indexOf(String(t));
    return i < 0 ? CONDITION_ORDER.length : i;
  };
  merged.sort((a, b) => rank(a.type) - rank(b.type));
  return merged;
}
