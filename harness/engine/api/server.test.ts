import { describe, it, expect } from 'vitest';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

const cluster = () => createCluster({ images: testCatalog() });
const nginx = (name = 'nginx') => podManifest(name, { image: 'nginx:1.27' });
const ref = (name: string) => ({ kind: 'Pod', namespace: 'default', name });

describe('api server', () => {
  it('creates, then refuses a duplicate with AlreadyExists', () => {
    const c = cluster();
    expect(c.create(nginx()).verb).toBe('created');
    const dup = c.create(nginx());
    expect(dup.ok).toBe(false);
    expect(dup.error).toMatchObject({ reason: 'AlreadyExists', code: 409, message: 'pods "nginx" already exists' });
  });

  it('applies: created, unchanged (no store write), configured', () => {
    const c = cluster();
    expect(c.apply(nginx()).verb).toBe('created');
    c.runUntilSettled();
    const before = c.watchLog().length;
    const again = c.apply(nginx());
    expect(again.verb).toBe('unchanged');
    expect(c.watchLog().length).toBe(before);
    const labelled = { ...nginx(), metadata: { name: 'nginx', labels: { app: 'web' } } };
    const res = c.apply(labelled);
    expect(res.verb).toBe('configured');
    expect(res.object?.metadata.labels).toEqual({ app: 'web' });
    expect(res.object?.spec.nodeName).toMatch(/^node-\d$/);
    expect(res.object?.status.phase).toBe('Running');
  });

  it('keeps server-set fields on apply (uid, admission volume, nodeName, status)', () => {
    const c = cluster();
    const created = c.apply(nginx()).object!;
    c.runUntilSettled();
    const applied = c.apply({ ...nginx(), metadata: { name: 'nginx', annotations: { note: 'x' } } }).object!;
    expect(applied.metadata.uid).toBe(created.metadata.uid);
    expect(applied.metadata.creationTimestamp).toBe(created.metadata.creationTimestamp);
    expect(applied.spec.volumes).toEqual(created.spec.volumes);
    expect(applied.spec.containers[0].volumeMounts).toEqual(created.spec.containers[0].volumeMounts);
    expect(applied.status.podIP).toMatch(/^10\.1\./);
  });

  it('removes labels the applier stops setting', () => {
    const c = cluster();
    c.apply({ ...nginx(), metadata: { name: 'nginx', labels: { a: '1', b: '2' } } });
    const res = c.apply({ ...nginx(), metadata: { name: 'nginx', labels: { a: '1' } } });
    expect(res.object?.metadata.labels).toEqual({ a: '1' });
  });

  it('runs admission on create', () => {
    const c = cluster();
    const pod = c.create(nginx()).object!;
    expect(pod.spec.serviceAccountName).toBe('default');
    expect(pod.spec.volumes[0].name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(pod.spec.containers[0].volumeMounts).toEqual([{ name: pod.spec.volumes[0].name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' }]);
    expect(pod.spec.tolerations).toEqual([
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
    ]);
    expect(pod.spec).toMatchObject({ priority: 0, preemptionPolicy: 'PreemptLowerPriority', enableServiceLinks: true });
    expect(pod.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('names generateName objects with 5 random characters', () => {
    const c = cluster();
    const res = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { generateName: 'web-' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(res.object?.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('returns NotFound for missing objects and namespaces', () => {
    const c = cluster();
    expect(c.delete(ref('x')).error).toMatchObject({ reason: 'NotFound', code: 404, message: 'pods "x" not found' });
    expect(c.update(nginx('x')).error?.message).toBe('pods "x" not found');
    const inMissing = c.create({ ...nginx(), metadata: { name: 'nginx', namespace: 'shop' } });
    expect(inMissing.error?.message).toBe('namespaces "shop" not found');
    expect(c.delete({ kind: 'Deployment', namespace: 'default', name: 'web' }).error?.message).toBe('deployments.apps "web" not found');
  });

  it('update replaces labels as given (kubectl label key-)', () => {
    const c = cluster();
    c.create({ ...nginx(), metadata: { name: 'nginx', labels: { a: '1', b: '2' } } });
    const current = c.get(ref('nginx'))!;
    current.metadata.labels = { a: '1' };
    const res = c.update(current);
    expect(res.verb).toBe('configured');
    expect(res.object?.metadata.labels).toEqual({ a: '1' });
    expect(c.update(c.get(ref('nginx'))!).verb).toBe('unchanged');
  });

  it('returns Conflict for a stale resourceVersion on update', () => {
    const c = cluster();
    c.create(nginx());
    const res = c.update({ ...nginx(), metadata: { name: 'nginx', resourceVersion: '1', labels: { a: 'b' } } });
    expect(res.error).toMatchObject({
      reason: 'Conflict',
      code: 409,
      message: 'Operation cannot be fulfilled on pods "nginx": the object has been modified; please apply your changes to the latest version and try again',
    });
  });

  it('returns Invalid with causes shaped like the API server', () => {
    const c = cluster();
    const res = c.create({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c' }] } });
    expect(res.error).toMatchObject({
      reason: 'Invalid',
      code: 422,
      message: 'Pod "bad" is invalid: spec.containers[0].image: Required value',
      details: { name: 'bad', kind: 'Pod', causes: [{ reason: 'FieldValueRequired', message: 'Required value', field: 'spec.containers[0].image' }] },
    });
  });

  it('treats hostile input as a BadRequest, never a crash', () => {
    const c = cluster();
    for (const bad of [null, 5, {}, { kind: 'Pod' }, { apiVersion: 'v1', kind: 'Pod', metadata: 'x' }]) {
      const res = c.apply(bad as never);
      expect(res.ok).toBe(false);
      expect(res.error?.reason).toBe('BadRequest');
    }
  });

  it('deletes a running pod gracefully and an unscheduled one at once', () => {
    const c = cluster();
    c.apply(nginx());
    c.runUntilSettled();
    const res = c.delete(ref('nginx'));
    expect(res.verb).toBe('deleted');
    expect(res.object?.metadata.deletionTimestamp).toBe('2026-01-01T00:00:34Z');
    expect(res.object?.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(c.get(ref('nginx'))).toBeDefined();
    c.runUntilSettled();
    expect(c.get(ref('nginx'))).toBeUndefined();
    expect(c.events().filter((e) => e.reason === 'Killing').map((e) => e.message)).toEqual(['Stopping container web-ctr']);

    c.apply({ ...nginx('gated'), spec: { ...nginx().spec, schedulerName: 'other' } });
    expect(c.delete(ref('gated')).verb).toBe('deleted');
    expect(c.get(ref('gated'))).toBeUndefined();
  });
});
