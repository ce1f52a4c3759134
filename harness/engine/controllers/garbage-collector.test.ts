import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import { testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from './testing.ts';
import { deployRef, webDeploy } from './testing-workloads.ts';
import { GARBAGE_COLLECTOR, gcRef } from './garbage-collector.ts';

const catalog = testCatalog();

function running(seed = 1): SimCluster {
  const c = createCluster({ images: catalog, seed });
  c.apply(webDeploy({ replicas: 2 }));
  expect(c.runUntilSettled().settled).toBe(true);
  return c;
}

const deletedAt = (c: SimCluster, kind: string): number[] => c.watchLog().flatMap((e, i) => (e.type === 'DELETED' && e.object.kind === kind ? [i] : []));
const configMap = (name: string, ownerReferences: unknown[]): KubeObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ownerReferences } as KubeObject['metadata'], data: {} });

describe('garbage collector', () => {
  it('background (default): the Deployment goes at once, its ReplicaSet and Pods follow', () => {
    const c = running();
    const res = c.delete(deployRef());
    expect(res.ok).toBe(true);
    expect(c.get(deployRef())).toBeUndefined();
    expect(c.list('ReplicaSet')).toHaveLength(1);
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.list('ReplicaSet')).toEqual([]);
    expect(c.list('Pod')).toEqual([]);
    expect(deletedAt(c, 'Deployment')[0]).toBeLessThan(deletedAt(c, 'ReplicaSet')[0]!);
  });

  it('foreground: the foregroundDeletion finalizer holds the owner until its blocking dependents are gone', () => {
    const c = running(2);
    expect(c.delete(deployRef(), { propagationPolicy: 'Foreground' }).ok).toBe(true);
    const held = c.get(deployRef())!;
    expect(held.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(held.metadata.deletionTimestamp).toBe('2026-01-01T00:00:04Z');
    c.advance(0.5); // Pods stop within STOP_SECONDS (1s) of the kubelet
    expect(c.get(deployRef())).toBeDefined();
    expect(c.list('Pod').every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(c.list('ReplicaSet')[0]!.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.get(deployRef())).toBeUndefined();
    expect(c.list('Pod')).toEqual([]);
    const lastPod = Math.max(...deletedAt(c, 'Pod'));
    expect(deletedAt(c, 'ReplicaSet')[0]).toBeGreaterThan(lastPod);
    expect(deletedAt(c, 'Deployment')[0]).toBeGreaterThan(deletedAt(c, 'ReplicaSet')[0]!);
  });

  it('orphan: strips the ownerReferences and leaves the ReplicaSet and Pods running', () => {
    const c = running(3);
    expect(c.delete(deployRef(), { propagationPolicy: 'Orphan' }).ok).toBe(true);
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.get(deployRef())).toBeUndefined();
    const [rs] = c.list('ReplicaSet');
    expect(rs!.metadata.ownerReferences).toBeUndefined();
    expect(rs!.metadata.finalizers).toBeUndefined();
    expect(c.list('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(2);
    expect(c.list('Pod').every((p) => p.metadata.ownerReferences?.[0]?.uid === rs!.metadata.uid)).toBe(true);
  });

  it('collects a dependent whose only owner uid is dangling, and strips a dangling ref when another owner lives', () => {
    const c = running(4);
    const d = c.get(deployRef())!;
    const good = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-deploy', uid: d.metadata.uid };
    const stale = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web-deploy', uid: 'not-the-uid' };
    c.create(configMap('orphaned', [stale]));
    c.create(configMap('mixed', [good, { ...stale, name: 'gone' }]));
    c.create(configMap('kept', [good]));
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.get({ kind: 'ConfigMap', namespace: 'default', name: 'orphaned' })).toBeUndefined();
    expect(c.get({ kind: 'ConfigMap', namespace: 'default', name: 'mixed' })!.metadata.ownerReferences).toEqual([good]);
    expect(c.get({ kind: 'ConfigMap', namespace: 'default', name: 'kept' })).toBeDefined();
    const gc = c.internals.controllers.get(GARBAGE_COLLECTOR)!;
    expect(reconcileTwice(gc, gcRef({ kind: 'ConfigMap', namespace: 'default', name: 'mixed' }), c.internals.context).secondWrites).toBe(0);
  });

  it('keeps an object with a foreign finalizer, marked for deletion, and ignores hostile ownerReferences', () => {
    const c = createCluster({ images: catalog });
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'fin', finalizers: ['example.com/keep'] } });
    expect(c.delete({ kind: 'ConfigMap', namespace: 'default', name: 'fin' }).ok).toBe(true);
    const fin = c.get({ kind: 'ConfigMap', namespace: 'default', name: 'fin' })!;
    expect(fin.metadata.deletionTimestamp).toBeDefined();
    expect(fin.metadata.finalizers).toEqual(['example.com/keep']);
    c.internals.store.create(configMap('odd', [null, 'x', { kind: 5 }]));
    expect(c.runUntilSettled().settled).toBe(true);
    expect(c.get({ kind: 'ConfigMap', namespace: 'default', name: 'odd' })).toBeDefined();
  });
});
