import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../core/kube.ts';
import { createCluster } from '../../cluster.ts';
import { refOf } from '../../store.ts';
import { podManifest, testCatalog } from '../../testing-helpers.ts';
import { reconcileTwice } from '../testing.ts';
import { REPLICASET_CONTROLLER } from './controller.ts';

const catalog = testCatalog();
const IMAGE = 'nigelpoulton/getting-started-k8s:1.0';
const RS_REF = { kind: 'ReplicaSet', namespace: 'default', name: 'web' };

function replicaSet(replicas: number, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web', tier: 'front' } }, spec: { containers: [{ name: 'web-ctr', image: IMAGE }] } }, ...extra },
  };
}

const active = (pods: KubeObject[]): KubeObject[] => pods.filter((p) => !p.metadata.deletionTimestamp);
const rsEvents = (c: ReturnType<typeof createCluster>): string[] => c.events().filter((e) => (e.source as { component?: string }).component === REPLICASET_CONTROLLER).map((e) => `${e.reason}: ${e.message}`);

describe('ReplicaSet controller', () => {
  it('creates Pods from the template with generateName, labels and a controller ownerReference, then reports status', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    c.apply(replicaSet(3));
    expect(c.runUntilSettled().settled).toBe(true);
    const rs = c.get(RS_REF)!;
    const pods = c.list('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.generateName).toBe('web-');
      expect(p.metadata.labels).toEqual({ app: 'web', tier: 'front' });
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.status.phase).toBe('Running');
    }
    expect(rsEvents(c)).toEqual(pods.map((p) => `SuccessfulCreate: Created pod: ${p.metadata.name}`).sort((a, b) => rsEvents(c).indexOf(a) - rsEvents(c).indexOf(b)));
    expect(rsEvents(c)).toHaveLength(3);
    expect(rs.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });
    expect(reconcileTwice(c.internals.controllers.get(REPLICASET_CONTROLLER)!, RS_REF, c.internals.context)).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
  });

  it('creates in slow-start batches 1, 2, 4 and stops after the first batch with a failure', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    let attempts = 0;
    c.internals.store.intercept((verb, obj) => {
      if (verb !== 'create' || obj.kind !== 'Pod') return undefined;
      attempts++;
      return attempts === 2 ? { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods "web-x" is forbidden: quota', reason: 'Forbidden', code: 403 } : undefined;
    });
    c.internals.store.create(replicaSet(7));
    c.internals.controllers.get(REPLICASET_CONTROLLER)!.reconcile(RS_REF, c.internals.context);
    // Batch 1 (1 Pod) succeeds, batch 2 (2 Pods) has one failure, batch 3 (4 Pods) never starts.
    expect(attempts).toBe(3);
    expect(c.list('Pod')).toHaveLength(2);
    expect(rsEvents(c).filter((e) => e.startsWith('FailedCreate'))).toEqual(['FailedCreate: Error creating: pods "web-x" is forbidden: quota']);
    expect(c.get(RS_REF)!.status.conditions).toMatchObject([{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'pods "web-x" is forbidden: quota' }]);
    c.runUntilSettled();
    expect(c.list('Pod')).toHaveLength(7);
    expect(c.now).toBeGreaterThan(0); // the retry came from the backoff requeue
    expect(c.get(RS_REF)!.status.conditions).toBeUndefined();
  });

  it('replaces a deleted Pod', () => {
    const c = createCluster({ images: catalog, seed: 2 });
    c.apply(replicaSet(2));
    c.runUntilSettled();
    const victim = c.list('Pod')[0]!;
    c.delete(refOf(victim));
    c.runUntilSettled();
    const names = c.list('Pod').map((p) => p.metadata.name);
    expect(names).toHaveLength(2);
    expect(names).not.toContain(victim.metadata.name);
    expect(c.get(RS_REF)!.status).toMatchObject({ replicas: 2, availableReplicas: 2 });
  });

  it('scales down the cheapest Pod first (pod-deletion-cost) and records SuccessfulDelete', () => {
    const c = createCluster({ images: catalog, seed: 3 });
    c.apply(replicaSet(3));
    c.runUntilSettled();
    const cheap = c.list('Pod')[1]!;
    cheap.metadata.annotations = { 'controller.kubernetes.io/pod-deletion-cost': '-100' };
    c.internals.store.update(cheap);
    c.apply(replicaSet(2));
    c.runUntilSettled();
    expect(c.list('Pod').map((p) => p.metadata.name)).not.toContain(cheap.metadata.name);
    expect(rsEvents(c)).toContain(`SuccessfulDelete: Deleted pod: ${cheap.metadata.name}`);
    expect(c.get(RS_REF)!.status).toMatchObject({ replicas: 2, observedGeneration: 2 });
  });

  it('scales down unready Pods before Ready ones', () => {
    const c = createCluster({ images: catalog, seed: 4 });
    c.apply(replicaSet(2));
    c.runUntilSettled();
    c.apply(replicaSet(3));
    c.advance(0.5); // the new Pod exists but is not Ready yet
    const fresh = active(c.list('Pod')).find((p) => p.status?.conditions?.find((x: { type: string }) => x.type === 'Ready')?.status !== 'True');
    expect(fresh).toBeDefined();
    c.apply(replicaSet(2));
    c.runUntilSettled();
    expect(c.list('Pod').map((p) => p.metadata.name)).not.toContain(fresh!.metadata.name);
  });

  it('adopts a hand-made matching Pod and counts it', () => {
    const c = createCluster({ images: catalog, seed: 5 });
    c.apply({ ...podManifest('hand-made', { image: IMAGE }), metadata: { name: 'hand-made', labels: { app: 'web' } } });
    c.runUntilSettled();
    c.apply(replicaSet(3));
    c.runUntilSettled();
    const rs = c.get(RS_REF)!;
    const pods = c.list('Pod');
    expect(pods).toHaveLength(3);
    expect(c.get({ kind: 'Pod', namespace: 'default', name: 'hand-made' })!.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'ReplicaSet', uid: rs.metadata.uid, controller: true });
    // It matches the selector but lacks the template's tier label.
    expect(rs.status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 2 });
  });

  it('releases a Pod whose labels stop matching and replaces it', () => {
    const c = createCluster({ images: catalog, seed: 6 });
    c.apply(replicaSet(2));
    c.runUntilSettled();
    const pod = c.list('Pod')[0]!;
    pod.metadata.labels = { app: 'debug' };
    c.internals.store.update(pod);
    c.runUntilSettled();
    expect(c.get(refOf(pod))!.metadata.ownerReferences).toBeUndefined();
    expect(c.list('Pod').filter((p) => p.metadata.labels?.app === 'web')).toHaveLength(2);
  });

  it('ignores Failed and deleting Pods when counting', () => {
    const c = createCluster({ images: catalog, seed: 7 });
    c.apply(replicaSet(2));
    c.runUntilSettled();
    const [a] = c.list('Pod');
    c.internals.store.update({ ...a!, status: { ...a!.status, phase: 'Failed' } });
    c.internals.controllers.get(REPLICASET_CONTROLLER)!.reconcile(RS_REF, c.internals.context);
    expect(c.list('Pod').filter((p) => p.status.phase !== 'Failed')).toHaveLength(2);
    expect(c.get(RS_REF)!.status.replicas).toBe(2);
  });

  it('counts availableReplicas only after minReadySeconds', () => {
    const c = createCluster({ images: catalog, seed: 8 });
    c.apply(replicaSet(2, { minReadySeconds: 10 }));
    c.advance(5);
    expect(c.get(RS_REF)!.status).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(c.get(RS_REF)!.status.availableReplicas).toBeUndefined();
    c.runUntilSettled();
    expect(c.get(RS_REF)!.status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
    expect(c.now).toBeGreaterThan(10_000);
  });

  it('survives hostile ReplicaSets without throwing or creating Pods', () => {
    const c = createCluster({ images: catalog, seed: 9 });
    const hostile: unknown[] = [null, 'x', { matchLabels: null }, { matchLabels: { app: 5 } }, { matchExpressions: [{ key: 'a', operator: 'Near' }] }, {}];
    hostile.forEach((selector, i) => c.internals.store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: `h${i}`, namespace: 'default' }, spec: { replicas: '2x', selector, template: null } }));
    c.internals.store.create({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'neg', namespace: 'default' }, spec: null });
    // Guards a past bug: FailedCreate messages carry generated names, and rewriting the condition looped forever.
    // Failing creates are retried with exponential backoff, so time runs to the horizon instead of the step budget.
    expect(c.runUntilSettled({ horizonSeconds: 600 }).reason).toBe('horizon');
    const retries = c.events().filter((e) => e.reason === 'FailedCreate' && (e.involvedObject as { name: string }).name === 'neg').length;
    expect(retries).toBeGreaterThan(5);
    expect(retries).toBeLessThan(25);
    expect(c.list('Pod').every((p) => !p.metadata.name?.startsWith('h'))).toBe(true);
  });
});
