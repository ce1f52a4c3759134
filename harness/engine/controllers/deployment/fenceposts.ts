import { asInt, asMap } from '../../util.ts';

/** Resolves an int-or-percent against a total (`roundUp` for maxSurge, down for maxUnavailable); odd values give 0. */
export function intOrPercent(value: unknown, total: number, roundUp: boolean): number {
  if (typeof value === 'string' && /^[0-9]+%$/.test(value)) {
    const pct = Number(value.slice(0, -1));
    const raw = (pct * total) / 100;
    return roundUp ? Math.ceil(raw) : Math.floor(raw);
  }
  const n = asInt(value);
  return n === undefined || typeof value === 'string' ? 0 : Math.max(0, n);
}

/** Resolves maxSurge and maxUnavailable of a RollingUpdate Deployment (ResolveFenceposts); Recreate gives (0, 0). */
export function resolveFenceposts(deployment: { spec?: unknown }, replicas: number): { maxSurge: number; maxUnavailable: number } {
  const strategy = asMap(asMap(deployment.spec)?.strategy);
  if (strategy?.type === 'Recreate') return { maxSurge: 0, maxUnavailable: 0 };
  const ru = asMap(strategy?.rollingUpdate) ?? {};
  const surgeRaw = ru.maxSurge === undefined ? '25%' : ru.maxSurge;
  const unavailRaw = ru.maxUnavailable === undefined ? '25%' : ru.maxUnavailable;
  const maxSurge = intOrPercent(surgeRaw, replicas, true);
  let maxUnavailable = intOrPercent(unavailRaw, replicas, false);
  // Both zero would deadlock the rollout; Kubernetes lets one Pod be unavailable.
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}
