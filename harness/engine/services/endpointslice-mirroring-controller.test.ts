import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from '../controllers/testing.ts';
import { createEndpointSliceMirroringController } from './endpointslice-mirroring-controller.ts';

const catalog = testCatalog();

const service: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy' }, spec: { ports: [{ name: 'http', port: 80, targetPort: 8000 }] } };
function endpoints(ips: string[], notReady: string[] = []): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'legacy', labels: { team: 'db' } },
    subsets: [{ addresses: ips.map((ip) => ({ ip })), ...(notReady.length ? { notReadyAddresses: notReady.map((ip) => ({ ip })) } : {}), ports: [{ name: 'http', port: 8000 }] }],
  };
}
const mirrored = (c: ReturnType<typeof createCluster>) =>
  c.list('EndpointSlice', 'default').filter((s) => s.metadata.labels?.['endpointslice.kubernetes.io/managed-by'] === 'endpointslicemirroring-controller.k8s.io');

describe('EndpointSlice mirroring controller', () => {
  it('mirrors user Endpoints of a selector-less Service into an EndpointSlice that kube-proxy routes through', () => {
    const c = createCluster({ images: catalog, externalHosts: [{ name: 'legacy-vm', ip: '192.168.10.5', port: 8000, http: [{ path: '/', status: 200, body: 'vm' }] }] });
    c.apply(podManifest('client', { image: 'nginx:1.27' }));
    c.apply(service);
    c.apply(endpoints(['192.168.10.5'], ['192.168.10.6']));
    c.runUntilSettled({ horizonSeconds: 30 });
    const [slice, ...rest] = mirrored(c);
    expect(rest).toEqual([]);
    const ep = c.get({ kind: 'Endpoints', namespace: 'default', name: 'legacy' })!;
    expect(slice!.metadata.name).toMatch(/^legacy-[a-z0-9]{5}$/);
    expect(slice!.metadata.labels).toEqual({ team: 'db', 'kubernetes.io/service-name': 'legacy', 'endpointslice.kubernetes.io/managed-by': 'endpointslicemirroring-controller.k8s.io' });
    expect(slice!.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'legacy', uid: ep.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice!.endpoints).toEqual([
      { addresses: ['192.168.10.5'], conditions: { ready: true } },
      { addresses: ['192.168.10.6'], conditions: { ready: false } },
    ]);
    expect(slice!.ports).toEqual([{ name: 'http', port: 8000, protocol: 'TCP' }]);
    expect(c.request({ from: { pod: 'client' } }, 'http://legacy/')).toMatchObject({ ok: true, body: 'vm' });
    const r = reconcileTwice(createEndpointSliceMirroringController(), { kind: 'Endpoints', namespace: 'default', name: 'legacy' }, c.internals.context);
    expect([r.firstWrites, r.secondWrites]).toEqual([0, 0]);
  });

  it('follows Endpoints changes and stops mirroring when the Endpoints go or the Service gains a selector', () => {
    const c = createCluster({ images: catalog });
    c.apply(service);
    c.apply(endpoints(['192.168.10.5']));
    c.runUntilSettled();
    const name = mirrored(c)[0]!.metadata.name;
    c.apply(endpoints(['192.168.10.7']));
    c.runUntilSettled();
    expect(mirrored(c).map((s) => [s.metadata.name, (s.endpoints as { addresses: string[] }[])[0]!.addresses[0]])).toEqual([[name, '192.168.10.7']]);
    c.apply({ ...service, spec: { ...service.spec, selector: { app: 'db' } } });
    c.runUntilSettled();
    expect(mirrored(c)).toEqual([]);
  });

  it('leaves the system Endpoints (skip-mirror) alone', () => {
    const c = createCluster({ images: catalog });
    c.runUntilSettled();
    expect(mirrored(c)).toEqual([]);
    expect(c.list('EndpointSlice').map((s) => s.metadata.name)).toEqual(['kubernetes', 'kube-dns']);
  });
});
