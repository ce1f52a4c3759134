import { asList, asMap } from '../../util.ts';

export type Condition = Record<string, unknown> & { type: string; status: string; reason?: string; message?: string };

export const REASON = {
  newRSCreated: 'NewReplicaSetCreated',
  foundNewRS: 'FoundNewReplicaSet',
  rsUpdated: 'ReplicaSetUpdated',
  newRSAvailable: 'NewReplicaSetAvailable',
  timedOut: 'ProgressDeadlineExceeded',
  minAvailable: 'MinimumReplicasAvailable',
  minUnavailable: 'MinimumReplicasUnavailable',
} as const;

export const MESSAGE = {
  created: (rs: string): string => `Created new replica set "${rs}"`,
  found: (rs: string): string => `Found new replica set "${rs}"`,
  progressing: (rs: string): string => `ReplicaSet "${rs}" is progressing.`,
  deploymentProgressing: (d: string): string => `Deployment "${d}" is progressing.`,
  complete: (rs: string): string => `ReplicaSet "${rs}" has successfully progressed.`,
  timedOut: (rs: string): string => `ReplicaSet "${rs}" has timed out progressing.`,
  deploymentTimedOut: (d: string): string => `Deployment "${d}" has timed out progressing.`,
  available: 'Deployment has minimum availability.',
  unavailable: 'Deployment does not have minimum availability.',
} as const;

/** Reads the well-formed conditions of a status. */
export function conditionsOf(status: unknown): Condition[] {
  return asList(asMap(status)?.conditions)
    .map(asMap)
    .filter((c): c is Condition => !!c && typeof c.type === 'string');
}

/** Returns the condition of a type. */
export function getCondition(conditions: Condition[], type: string): Condition | undefined {
  return conditions.find((c) => c.type === type);
}

/** Builds a Deployment condition stamped now (lastUpdateTime and lastTransitionTime). */
export function newCondition(type: string, status: 'True' | 'False', reason: string, message: string, now: string): Condition {
  return { type, status, lastUpdateTime: now, lastTransitionTime: now, reason, message };
}

/** Sets a condition as SetDeploymentCondition does: same status and reason → unchanged; same status keeps lastTransitionTime; appended last. */
export function setCondition(conditions: Condition[], next: Condition): Condition[] {
  const current = getCondition(conditions, next.type);
  if (current && current.status === next.status && current.reason === next.reason) return conditions;
  const cond = { ...next };
  if (current && current.status === next.status) cond.lastTransitionTime = current.lastTransitionTime;
  return [...conditions.filter((c) => c.type !== next.type), cond];
}

/** Removes a condition type. */
export function removeCondition(conditions: Condition[], type: string): Condition[] {
  return conditions.filter((c) => c.type !== type);
}
