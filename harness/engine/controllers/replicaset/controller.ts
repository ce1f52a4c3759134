import { clone } from '../../../core/kube.ts';
import type { KubeObject, ObjectRef } from '../../../core/kube.ts';
import type { ApiServer } from '../../api/server.ts';
import { refOf } from '../../store.ts';
import { asInt, asMap, deepEqual } from '../../util.ts';
import type { Controller, ControllerContext, ReconcileResult } from '../registry.ts';
import { compileSelector } from '../label-selector.ts';
import { claimCandidates, controlledBy } from '../../store-indexes.ts';
import { controllerRef, makeControllerRef } from '../owner-refs.ts';
import { isPodActive, isPodReady, msUntilAvailable } from '../pod-status.ts';
import { rankForDeletion } from './victims.ts';
import { mapState } from '../../snapshot.ts';

export const REPLICASET_CONTROLLER = 'replicaset-controller';
const REASON_CREATE = 'SuccessfulCreate';
const REASON_DELETE = 'SuccessfulDelete';
const REASON_FAILED_CREATE = 'FailedCreate';
const REASON_FAILED_DELETE = 'FailedDelete';
const MSG_CREATE = (pod: string): string => `Created pod: ${pod}`;
const MSG_DELETE = (pod: string): string => `Deleted pod: ${pod}`;
const MSG_FAILED_CREATE = (err: string): string => `Error creating: ${err}`;
const MSG_FAILED_DELETE = (err: string): string => `Error deleting: ${err}`;
/** Most Pods one sync creates or deletes (controller `burstReplicas`). */
export const BURST_REPLICAS = 500;

/** Reads a non-negative replica count from hostile spec data (default 1, as the API server defaults it). */
export function specReplicas(obj: KubeObject | undefined): number {
  const n = asInt(asMap(obj?.spec)?.replicas);
  return n === undefined ? 1 : Math.max(0, n);
}

/** Lists the Pods a ReplicaSet controls (controller ownerReference with its uid). */
export function podsOf(ctx: ControllerContext, rs: KubeObject): KubeObject[] {
  const uid = rs.metadata.uid;
  return uid === undefined ? [] : controlledBy(ctx.store, 'Pod', rs.metadata.namespace ?? 'default', uid);
}

/** Adopts matching orphans and releases owned Pods that stopped matching; returns the Pods it now controls. */
function claimPods(ctx: ControllerContext, rs: KubeObject): KubeObject[] {
  const selector = compileSelector(asMap(rs.spec)?.selector);
  const owned: KubeObject[] = [];
  // Only Pods this ReplicaSet controls and orphans can be claimed; Pods of other controllers are skipped anyway.
  for (const pod of claimCandidates(ctx.store, 'Pod', rs.metadata.namespace ?? 'default', rs.metadata.uid ?? '')) {
    const ref = controllerRef(pod);
    const matches = selector.matches(pod.metadata.labels);
    if (ref && ref.uid !== rs.metadata.uid) continue;
    if (ref) {
      if (matches || pod.metadata.deletionTimestamp) owned.push(pod);
      else {
        const released = clone(pod);
        released.metadata.ownerReferences = (released.metadata.ownerReferences ?? []).filter((r) => r?.uid !== rs.metadata.uid);
        if (released.metadata.ownerReferences.length === 0) delete released.metadata.ownerReferences;
        ctx.store.update(released);
      }
      continue;
    }
    if (!matches || pod.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
    const adopted = clone(pod);
    adopted.metadata.ownerReferences = [...(adopted.metadata.ownerReferences ?? []), makeControllerRef(rs)];
    const res = ctx.store.update(adopted);
    if (res.ok) owned.push(res.object);
  }
  return owned;
}

/** Builds the Pod a ReplicaSet creates from its template. */
function podFromTemplate(rs: KubeObject): KubeObject {
  const template = asMap(asMap(rs.spec)?.template) ?? {};
  const meta = asMap(template.metadata) ?? {};
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `${rs.metadata.name}-`, namespace: rs.metadata.namespace ?? 'default', ownerReferences: [makeControllerRef(rs)] },
    spec: clone(asMap(template.spec) ?? {}),
  };
  if (asMap(meta.labels)) pod.metadata.labels = clone(meta.labels as Record<string, string>);
  if (asMap(meta.annotations)) pod.metadata.annotations = clone(meta.annotations as Record<string, string>);
  return pod;
}

/** Siblings share the controlling owner (a Deployment), so rule 5 counts their Pods too. */
function relatedPods(ctx: ControllerContext, rs: KubeObject): KubeObject[] {
  const namespace = rs.metadata.namespace ?? 'default';
  const owner = controllerRef(rs);
  const family = owner ? controlledBy(ctx.store, 'ReplicaSet', namespace, owner.uid) : [rs];
  const uids = [...new Set(family.map((r) => r.metadata.uid).filter((uid): uid is string => uid !== undefined))];
  const pods = uids.flatMap((uid) => controlledBy(ctx.store, 'Pod', namespace, uid).filter(isPodActive));
  // In list order (names are unique within a namespace).
  return uids.length > 1 ? pods.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1)) : pods;
}

interface ManageResult {
  failure?: string;
}

function manageReplicas(ctx: ControllerContext, api: ApiServer, rs: KubeObject, active: KubeObject[]): ManageResult {
  const diff = active.length - specReplicas(rs);
  if (diff < 0) {
    let remaining = Math.min(-diff, BURST_REPLICAS);
    // Slow start: batches of 1, 2, 4, … stop at the first failing batch.
    for (let batch = 1; remaining > 0; batch *= 2) {
      const size = Math.min(batch, remaining);
      let failed: string | undefined;
      for (let i = 0; i < size; i++) {
        const res = api.create(podFromTemplate(rs));
        if (res.ok && res.object) ctx.events.record(rs, { type: 'Normal', reason: REASON_CREATE, message: MSG_CREATE(res.object.metadata.name ?? ''), component: REPLICASET_CONTROLLER });
        else {
          failed = res.error?.message ?? 'unknown error';
          ctx.events.record(rs, { type: 'Warning', reason: REASON_FAILED_CREATE, message: MSG_FAILED_CREATE(failed), component: REPLICASET_CONTROLLER });
        }
      }
      if (failed !== undefined) return { failure: failed };
      remaining -= size;
    }
  } else if (diff > 0) {
    const victims = rankForDeletion(ctx, active, relatedPods(ctx, rs)).slice(0, Math.min(diff, BURST_REPLICAS));
    for (const pod of victims) {
      const res = api.delete(refOf(pod));
      if (res.ok) ctx.events.record(rs, { type: 'Normal', reason: REASON_DELETE, message: MSG_DELETE(pod.metadata.name ?? ''), component: REPLICASET_CONTROLLER });
      else ctx.events.record(rs, { type: 'Warning', reason: REASON_FAILED_DELETE, message: MSG_FAILED_DELETE(res.error?.message ?? 'unknown error'), component: REPLICASET_CONTROLLER });
    }
  }
  return {};
}

function replicaFailure(ctx: ControllerContext, rs: KubeObject, failure: string | undefined, oldConditions: unknown): Record<string, unknown>[] {
  const conditions = (Array.isArray(oldConditions) ? oldConditions : []).map((c) => asMap(c)).filter((c): c is Record<string, unknown> => !!c);
  const others = conditions.filter((c) => c.type !== 'ReplicaFailure');
  const current = conditions.find((c) => c.type === 'ReplicaFailure');
  const active = podsOf(ctx, rs).filter(isPodActive).length;
  if (failure !== undefined && active < specReplicas(rs)) {
    // The first failure is kept (messages carry generated names; rewriting them would loop).
    if (current) return conditions;
    const reason = 'FailedCreate';
    return [...others, { type: 'ReplicaFailure', status: 'True', lastTransitionTime: ctx.timestamp(), reason, message: failure }];
  }
  // A failure stays recorded until the replica count is met (the real controller clears it then).
  if (current && active >= specReplicas(rs)) return others;
  return conditions;
}

/** Computes the ReplicaSet status from the Pods it now controls; returns requeue seconds for minReadySeconds. */
function syncStatus(ctx: ControllerContext, rs: KubeObject, failure: string | undefined): number | undefined {
  const active = podsOf(ctx, rs).filter(isPodActive);
  const spec = asMap(rs.spec) ?? {};
  const minReady = Math.max(0, asInt(spec.minReadySeconds) ?? 0);
  const templateLabels = asMap(asMap(asMap(spec.template)?.metadata)?.labels) ?? {};
  let ready = 0;
  let available = 0;
  let requeue: number | undefined;
  for (const pod of active) {
    if (!isPodReady(pod)) continue;
    ready++;
    const wait = msUntilAvailable(ctx, pod, minReady);
    if (wait === 0) available++;
    else if (wait !== undefined) requeue = Math.min(requeue ?? Infinity, wait / 1000);
  }
  const labels = (p: KubeObject): Record<string, string> => p.metadata.labels ?? {};
  const fullyLabeled = active.filter((p) => Object.keys(templateLabels).every((k) => labels(p)[k] === templateLabels[k])).length;
  const old = asMap(rs.status) ?? {};
  const status: Record<string, unknown> = {
    replicas: active.length,
    fullyLabeledReplicas: fullyLabeled,
    readyReplicas: ready,
    availableReplicas: available,
    observedGeneration: rs.metadata.generation ?? 1,
  };
  // Only `replicas` is always present; the other counters are omitempty in the API.
  for (const key of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) if (status[key] === 0) delete status[key];
  const conditions = replicaFailure(ctx, rs, failure, old.conditions);
  if (conditions.length > 0) status.conditions = conditions;
  if (!deepEqual(status, old)) ctx.store.update({ ...rs, status });
  return requeue;
}

/** Creates the ReplicaSet controller: keeps `spec.replicas` active Pods from the template, adopting and releasing by selector. */
export function createReplicaSetController(api: ApiServer): Controller {
  // Failed syncs per ReplicaSet uid: retried with the workqueue's exponential backoff (5ms doubling, max 1000s).
  const failures = new Map<string, number>();
  return {
    name: REPLICASET_CONTROLLER,
    for: 'ReplicaSet',
    state: mapState(failures),
    owns: ['Pod'],
    watches: [
      {
        kind: 'Pod',
        // Orphans may be adopted by any ReplicaSet whose selector matches them.
        map(pod, ctx): ObjectRef[] {
          if (controllerRef(pod)) return [];
          return ctx.store
            .list('ReplicaSet', pod.metadata.namespace ?? 'default')
            .filter((rs) => compileSelector(asMap(rs.spec)?.selector).matches(pod.metadata.labels))
            .map(refOf);
        },
      },
    ],
    reconcile(req, ctx): ReconcileResult | void {
      // Read-only snapshots: every write below builds a new object.
      const rs = ctx.store.peek(req);
      if (!rs) return;
      const owned = claimPods(ctx, rs);
      let failure: string | undefined;
      if (!rs.metadata.deletionTimestamp) failure = manageReplicas(ctx, api, rs, owned.filter(isPodActive)).failure;
      const current = ctx.store.peek(req);
      if (!current) return;
      let requeue = syncStatus(ctx, current, failure);
      const uid = current.metadata.uid ?? '';
      if (failure !== undefined) {
        const n = failures.get(uid) ?? 0;
        failures.set(uid, n + 1);
        requeue = Math.min(requeue ?? Infinity, Math.min(0.005 * 2 ** n, 1000));
      } else failures.delete(uid);
      return requeue !== undefined ? { requeueAfter: requeue } : undefined;
    },
  };
}
