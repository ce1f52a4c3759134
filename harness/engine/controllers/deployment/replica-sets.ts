import { clone } from '../../../core/kube.ts';
import type { KubeObject } from '../../../core/kube.ts';
import type { ApiServer } from '../../api/server.ts';
import { asInt, asMap, deepEqual } from '../../util.ts';
import type { ControllerContext } from '../registry.ts';
import { virtualMs } from '../pod-status.ts';
import { specReplicas } from '../replicaset/controller.ts';
import { resolveFenceposts } from './fenceposts.ts';

export const DEPLOYMENT_CONTROLLER = 'deployment-controller';
export const ANN_REVISION = 'deployment.kubernetes.io/revision';
export const ANN_REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const ANN_DESIRED = 'deployment.kubernetes.io/desired-replicas';
export const ANN_MAX = 'deployment.kubernetes.io/max-replicas';
export const HASH_LABEL = 'pod-template-hash';
const REASON_SCALING = 'ScalingReplicaSet';

/** What one Deployment sync works on: the Deployment copy it will write back and its claimed ReplicaSets. */
export interface SyncState {
  ctx: ControllerContext;
  api: ApiServer;
  /** Working copy; annotations and status are written back at the end of the sync. */
  d: KubeObject;
  rsList: KubeObject[];
}

/** Reads the Deployment's desired replicas. */
export const desired = (d: KubeObject): number => specReplicas(d);
/** Reads a ReplicaSet's spec.replicas (0 when absent). */
export const replicasOf = (rs: KubeObject | undefined): number => (rs ? Math.max(0, asInt(asMap(rs.spec)?.replicas) ?? 0) : 0);
/** Reads a ReplicaSet status counter. */
export const statusOf = (rs: KubeObject | undefined, field: string): number => (rs ? Math.max(0, asInt(asMap(rs.status)?.[field]) ?? 0) : 0);
/** Sums spec.replicas over ReplicaSets. */
export const sumReplicas = (list: KubeObject[]): number => list.reduce((n, rs) => n + replicasOf(rs), 0);
/** Sums a status counter over ReplicaSets. */
export const sumStatus = (list: KubeObject[], field: string): number => list.reduce((n, rs) => n + statusOf(rs, field), 0);
/** Reads the revision annotation (0 when absent or odd). */
export const revisionOf = (obj: KubeObject): number => asInt(obj.metadata.annotations?.[ANN_REVISION]) ?? 0;
/** Returns whether the Deployment uses the Recreate strategy. */
export const isRecreate = (d: KubeObject): boolean => asMap(asMap(d.spec)?.strategy)?.type === 'Recreate';

/** Resolves maxSurge for the Deployment's desired replicas. */
export const maxSurgeOf = (d: KubeObject): number => (isRecreate(d) ? 0 : resolveFenceposts(d, desired(d)).maxSurge);
/** Resolves maxUnavailable for the Deployment's desired replicas. */
export const maxUnavailableOf = (d: KubeObject): number => (isRecreate(d) || desired(d) === 0 ? 0 : resolveFenceposts(d, desired(d)).maxUnavailable);

/** Sorts ReplicaSets oldest first (creationTimestamp, then name). */
export function byCreation(ctx: ControllerContext, list: KubeObject[]): KubeObject[] {
  const at = (rs: KubeObject): number => virtualMs(ctx, rs.metadata.creationTimestamp) ?? 0;
  return [...list].sort((a, b) => at(a) - at(b) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

/** Strips pod-template-hash so a ReplicaSet template compares with the Deployment's (EqualIgnoreHash). */
export function templateWithoutHash(template: unknown): Record<string, unknown> {
  // Shallow copies down to the labels: the result shares everything else with `template` and is only read.
  const t = { ...(asMap(template) ?? {}) };
  const original = asMap(t.metadata);
  const meta = original ? { ...original } : undefined;
  const labels = asMap(meta?.labels);
  if (meta && labels) {
    const rest = { ...labels };
    delete rest[HASH_LABEL];
    if (Object.keys(rest).length === 0) delete meta.labels;
    else meta.labels = rest;
  }
  if (meta && Object.keys(meta).length === 0) delete t.metadata;
  else if (meta) t.metadata = meta;
  return t;
}

/** Returns whether two templates are equal apart from pod-template-hash. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return deepEqual(templateWithoutHash(a), templateWithoutHash(b));
}

/** Writes a ReplicaSet's replicas and replica annotations; records the ScalingReplicaSet event when the size changed. */
export function scaleReplicaSet(s: SyncState, rs: KubeObject, size: number): boolean {
  const old = replicasOf(rs);
  const next = clone(rs);
  next.spec = { ...(asMap(next.spec) ?? {}), replicas: size };
  next.metadata.annotations = { ...(next.metadata.annotations ?? {}), [ANN_DESIRED]: String(desired(s.d)), [ANN_MAX]: String(desired(s.d) + maxSurgeOf(s.d)) };
  const res = s.ctx.store.update(next);
  if (!res.ok || !res.changed) return false;
  s.rsList = s.rsList.map((r) => (r.metadata.uid === rs.metadata.uid ? res.object : r));
  if (old === size) return false;
  const op = size > old ? 'up' : 'down';
  s.ctx.events.record(s.d, { type: 'Normal', reason: REASON_SCALING, message: `Scaled ${op} replica set ${rs.metadata.name} to ${size} from ${old}`, component: DEPLOYMENT_CONTROLLER });
  return true;
}

/** Records the ScalingReplicaSet event of a freshly created ReplicaSet. */
export function recordCreatedScale(s: SyncState, rs: KubeObject, size: number): void {
  s.ctx.events.record(s.d, { type: 'Normal', reason: REASON_SCALING, message: `Scaled up replica set ${rs.metadata.name} to ${size}`, component: DEPLOYMENT_CONTROLLER });
}

/** Computes the new ReplicaSet's target during a rolling update (NewRSNewReplicas). */
export function newRSNewReplicas(d: KubeObject, all: KubeObject[], newRS: KubeObject | undefined): number {
  if (isRecreate(d)) return desired(d);
  const maxTotal = desired(d) + maxSurgeOf(d);
  const current = sumReplicas(all);
  const newSize = replicasOf(newRS);
  if (current >= maxTotal) return newSize;
  return newSize + Math.max(0, Math.min(maxTotal - current, desired(d) - newSize));
}
