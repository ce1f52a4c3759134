import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from '../controllers/testing.ts';
import { createEndpointSliceController } from './endpointslice-controller.ts';
import { createEndpointsController } from './endpoints-controller.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of nested JSON
type Json = any;
const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';

function pod(name: string, labels: Record<string, string>, container: Record<string, unknown> = {}): KubeObject {
  const p = podManifest(name, { image: WEB, ...container });
  p.metadata.labels = labels;
  return p;
}

function service(name: string, spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec } };
}

function slicesOf(c: ReturnType<typeof createCluster>, name: string): KubeObject[] {
  return c.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name);
}

describe('EndpointSlice controller', () => {
  it('writes one placeholder slice with endpoints null when no Pod matches', () => {
    const c = createCluster({ images: catalog });
    c.apply(service('web', {}, { tier: 'front' }));
    c.runUntilSettled();
    const [slice, ...rest] = slicesOf(c, 'web');
    expect(rest).toEqual([]);
    const svc = c.get({ kind: 'Service', namespace: 'default', name: 'web' })!;
    expect(slice!.metadata.name).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice!.metadata.generateName).toBe('web-');
    expect(slice!.metadata.labels).toEqual({ tier: 'front', 'kubernetes.io/service-name': 'web', 'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io' });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: svc.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!).toMatchObject({ addressType: 'IPv4', endpoints: null, ports: null });
    expect(c.get({ kind: 'Endpoints', namespace: 'default', name: 'web' })!.subsets).toBeUndefined();
  });

  it('lists ready, not-ready and terminating Pods with the right conditions; Endpoints drops terminating ones', () => {
    const c = createCluster({ images: catalog });
    c.apply(pod('a-ready', { app: 'web' }));
    c.apply(pod('b-unready', { app: 'web' }, { readinessProbe: { httpGet: { path: '/missing', port: 8080 } } }));
    c.apply(pod('c-other', { app: 'db' }));
    c.apply(service('web', {}));
    c.runUntilSettled({ horizonSeconds: 60 });
    c.delete({ kind: 'Pod', namespace: 'default', name: 'a-ready' });
    c.advance(0.001);
    const [slice] = slicesOf(c, 'web');
    const byPod = Object.fromEntries((slice!.endpoints as Record<string, Json>[]).map((e) => [e.targetRef.name, e.conditions]));
    expect(byPod).toEqual({
      'a-ready': { ready: false, serving: true, terminating: true },
      'b-unready': { ready: false, serving: false, terminating: false },
    });
    expect(slice!.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    const subsets = c.get({ kind: 'Endpoints', namespace: 'default', name: 'web' })!.subsets as Record<string, Json>[];
    expect(subsets).toHaveLength(1);
    expect(subsets[0]!.addresses).toBeUndefined();
    expect(subsets[0]!.notReadyAddresses.map((a: { targetRef: { name: string } }) => a.targetRef.name)).toEqual(['b-unready']);
    expect(subsets[0]!.ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
  });

  it('resolves a named targetPort per Pod by name and protocol, splitting slices by port set', () => {
    const c = createCluster({ images: catalog });
    c.apply(pod('p1', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080 }] }));
    c.apply(pod('p2', { app: 'web' }, { ports: [{ name: 'http', containerPort: 9090 }] }));
    c.apply(pod('p3', { app: 'web' }, { ports: [{ name: 'http', containerPort: 8080, protocol: 'UDP' }] }));
    c.apply(service('web', { ports: [{ name: 'web', port: 80, targetPort: 'http' }] }));
    c.runUntilSettled({ horizonSeconds: 60 });
    const slices = slicesOf(c, 'web').map((s) => ({ ports: s.ports, pods: ((s.endpoints ?? []) as Record<string, Json>[]).map((e) => e.targetRef.name) }));
    expect(slices).toEqual(
      expect.arrayContaining([
        { ports: [{ name: 'web', port: 8080, protocol: 'TCP' }], pods: ['p1'] },
        { ports: [{ name: 'web', port: 9090, protocol: 'TCP' }], pods: ['p2'] },
        { ports: [], pods: ['p3'] },
      ]),
    );
    expect(slices).toHaveLength(3);
  });

  it('keeps at most 100 endpoints per slice', () => {
    const c = createCluster({ images: catalog, nodes: [{ name: 'big', pods: 300, cpu: '100', memory: '100Gi' }] });
    for (let i = 0; i < 205; i++) c.apply(pod(`p${String(i).padStart(3, '0')}`, { app: 'web' }));
    c.apply(service('web', {}));
    c.runUntilSettled({ horizonSeconds: 60 });
    const sizes = slicesOf(c, 'web').map((s) => (s.endpoints as unknown[]).length).sort((a, b) => a - b);
    expect(sizes).toEqual([5, 100, 100]);
  });

  it('labels slices of a headless Service and drops them when the Service is deleted', () => {
    const c = createCluster({ images: catalog });
    c.apply(pod('p1', { app: 'web' }));
    c.apply(service('web', { clusterIP: 'None' }));
    c.runUntilSettled({ horizonSeconds: 60 });
    expect(slicesOf(c, 'web')[0]!.metadata.labels!['service.kubernetes.io/headless']).toBe('');
    c.delete({ kind: 'Service', namespace: 'default', name: 'web' });
    c.runUntilSettled();
    expect(slicesOf(c, 'web')).toEqual([]);
    expect(c.get({ kind: 'Endpoints', namespace: 'default', name: 'web' })).toBeUndefined();
  });

  it('leaves selector-less Services to the user (their EndpointSlices stay untouched)', () => {
    const c = createCluster({ images: catalog });
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { ports: [{ port: 80 }] } });
    c.apply({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'ext-1', labels: { 'kubernetes.io/service-name': 'ext' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.168.5.5'] }], ports: [{ name: '', port: 80, protocol: 'TCP' }] });
    c.runUntilSettled();
    expect(slicesOf(c, 'ext').map((s) => s.metadata.name)).toEqual(['ext-1']);
    expect(c.get({ kind: 'Endpoints', namespace: 'default', name: 'ext' })).toBeUndefined();
  });

  it('follows label changes: a Pod that stops matching leaves the slice', () => {
    const c = createCluster({ images: catalog });
    c.apply(pod('p1', { app: 'web' }));
    c.apply(service('web', {}));
    c.runUntilSettled({ horizonSeconds: 60 });
    const name = slicesOf(c, 'web')[0]!.metadata.name;
    const p = c.get({ kind: 'Pod', namespace: 'default', name: 'p1' })!;
    c.update({ ...p, metadata: { ...p.metadata, labels: { app: 'other' } } });
    c.runUntilSettled();
    const [slice] = slicesOf(c, 'web');
    expect(slice!.metadata.name).toBe(name);
    expect(slice!.endpoints).toBeNull();
  });

  it('writes nothing when reconciled twice (slices and Endpoints)', () => {
    const c = createCluster({ images: catalog });
    c.apply(pod('p1', { app: 'web' }));
    c.apply(pod('p2', { app: 'web' }, { readinessProbe: { httpGet: { path: '/missing', port: 8080 } } }));
    c.apply(service('web', {}));
    c.runUntilSettled({ horizonSeconds: 60 });
    const ref = { kind: 'Service', namespace: 'default', name: 'web' };
    for (const controller of [createEndpointSliceController(), createEndpointsController()]) {
      const r = reconcileTwice(controller, ref, c.internals.context);
      expect(r.firstWrites).toBe(0);
      expect(r.secondWrites).toBe(0);
    }
    // From a clean slate: the first pass writes, the second writes nothing.
    for (const s of slicesOf(c, 'web')) c.internals.store.remove({ kind: 'EndpointSlice', namespace: 'default', name: s.metadata.name! });
    c.internals.store.remove({ kind: 'Endpoints', namespace: 'default', name: 'web' });
    for (const controller of [createEndpointSliceController(), createEndpointsController()]) {
      const r = reconcileTwice(controller, ref, c.internals.context);
      expect(r.firstWrites).toBeGreaterThan(0);
      expect(r.secondWrites).toBe(0);
    }
  });
});
