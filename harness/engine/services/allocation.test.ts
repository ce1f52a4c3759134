import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { testCatalog } from '../testing-helpers.ts';
import { parseIPv4 } from './ipv4.ts';

const catalog = testCatalog();

function svc(name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, ...extra }, spec: { selector: { app: name }, ports: [{ port: 80 }], ...spec } };
}

describe('Service allocation', () => {
  it('starts with kubernetes at 10.152.183.1 and kube-dns at 10.152.183.10', () => {
    const c = createCluster({ images: catalog });
    const k = c.get({ kind: 'Service', namespace: 'default', name: 'kubernetes' })!;
    expect(k.spec).toMatchObject({ clusterIP: '10.152.183.1', clusterIPs: ['10.152.183.1'], type: 'ClusterIP', ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 16443 }] });
    expect(k.spec.selector).toBeUndefined();
    const dns = c.get({ kind: 'Service', namespace: 'kube-system', name: 'kube-dns' })!;
    expect(dns.spec.clusterIP).toBe('10.152.183.10');
    expect(dns.spec.ports.map((p: { name: string; port: number; protocol: string }) => `${p.name}:${p.port}/${p.protocol}`)).toEqual(['dns:53/UDP', 'dns-tcp:53/TCP', 'metrics:9153/TCP']);
    const slice = c.get({ kind: 'EndpointSlice', namespace: 'default', name: 'kubernetes' })!;
    expect(slice.endpoints).toEqual([{ addresses: ['10.0.0.11'], conditions: { ready: true, serving: true, terminating: false } }]);
    expect(c.get({ kind: 'Endpoints', namespace: 'default', name: 'kubernetes' })!.subsets).toEqual([{ addresses: [{ ip: '10.0.0.11' }], ports: [{ name: 'https', port: 16443, protocol: 'TCP' }] }]);
  });

  it('fills registry-time defaults: clusterIPs, SingleStack/[IPv4]; headless without selector → RequireDualStack', () => {
    const c = createCluster({ images: catalog });
    expect(c.apply(svc('web', {})).object!.spec).toMatchObject({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    const headless = c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db' }, spec: { clusterIP: 'None', ports: [{ port: 5432 }] } }).object!;
    expect(headless.spec).toMatchObject({ clusterIP: 'None', clusterIPs: ['None'], ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'] });
    const headlessSel = c.apply(svc('hs', { clusterIP: 'None' })).object!;
    expect(headlessSel.spec).toMatchObject({ clusterIPs: ['None'], ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4'] });
    const ext = c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext' }, spec: { type: 'ExternalName', externalName: 'example.com' } }).object!;
    expect(ext.spec.clusterIP).toBeUndefined();
    expect(ext.spec.ipFamilyPolicy).toBeUndefined();
    expect(ext.status).toEqual({ loadBalancer: {} });
  });

  it('allocates dynamic ClusterIPs from the upper band and NodePorts from 30086-32767 (seed 3 pinned)', () => {
    const c = createCluster({ images: catalog, seed: 3 });
    for (let i = 0; i < 40; i++) {
      const o = c.apply(svc(`s${i}`, { type: 'NodePort' })).object!;
      const ip = parseIPv4(o.spec.clusterIP)! - parseIPv4('10.152.183.0')!;
      expect(ip).toBeGreaterThanOrEqual(17);
      expect(ip).toBeLessThanOrEqual(254);
      expect(o.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30086);
      expect(o.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
    }
    const ips = c.list('Service').map((s) => s.spec.clusterIP);
    expect(new Set(ips).size).toBe(ips.length);
  });

  it('falls back to the static band when the dynamic band is full', () => {
    const c = createCluster({ images: catalog, seed: 5 });
    for (let i = 0; i < 238; i++) expect(c.apply(svc(`s${i}`, {})).ok).toBe(true);
    const last = c.apply(svc('static', {})).object!;
    expect(parseIPv4(last.spec.clusterIP)! - parseIPv4('10.152.183.0')!).toBeLessThanOrEqual(16);
  });

  it.each([
    ['a taken clusterIP', { clusterIP: '10.152.183.10' }, 'Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.152.183.10"]: failed to allocate IP 10.152.183.10: provided IP is already allocated'],
    ['a clusterIP outside the range', { clusterIP: '10.96.0.5' }, 'Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.96.0.5"]: failed to allocate IP 10.96.0.5: the provided IP (10.96.0.5) is not in the valid range. The range of valid IPs is 10.152.183.0/24'],
    ['the network address', { clusterIP: '10.152.183.0' }, 'Service "x" is invalid: spec.clusterIPs: Invalid value: ["10.152.183.0"]: failed to allocate IP 10.152.183.0: the provided IP (10.152.183.0) is not in the valid range. The range of valid IPs is 10.152.183.0/24'],
    ['a taken nodePort', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] }, 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 30080: provided port is already allocated'],
    ['a nodePort outside the range', { type: 'NodePort', ports: [{ port: 80, nodePort: 8080 }] }, 'Service "x" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767'],
  ])('rejects %s with the allocator message (422 Invalid)', (_, spec, message) => {
    const c = createCluster({ images: catalog });
    expect(c.apply(svc('holder', { type: 'NodePort', ports: [{ port: 80, nodePort: 30080 }] })).ok).toBe(true);
    const res = c.apply(svc('x', spec));
    expect(res.ok).toBe(false);
    expect(res.error).toMatchObject({ code: 422, reason: 'Invalid', message });
    expect(c.get({ kind: 'Service', namespace: 'default', name: 'x' })).toBeUndefined();
  });

  it('honours a free user-set clusterIP and nodePort', () => {
    const c = createCluster({ images: catalog });
    const o = c.apply(svc('web', { type: 'NodePort', clusterIP: '10.152.183.5', ports: [{ port: 80, nodePort: 31111 }] })).object!;
    expect(o.spec).toMatchObject({ clusterIP: '10.152.183.5', clusterIPs: ['10.152.183.5'], ports: [{ nodePort: 31111 }] });
  });

  it('shares one nodePort between TCP and UDP ports with the same number', () => {
    const c = createCluster({ images: catalog });
    const o = c.apply(svc('dns', { type: 'NodePort', ports: [{ name: 'u', port: 53, protocol: 'UDP' }, { name: 't', port: 53, protocol: 'TCP' }, { name: 'm', port: 9153 }] })).object!;
    const [u, t, m] = o.spec.ports;
    expect(u.nodePort).toBe(t.nodePort);
    expect(m.nodePort).not.toBe(u.nodePort);
    const pinned = c.apply(svc('dns2', { type: 'NodePort', ports: [{ name: 'u', port: 53, protocol: 'UDP' }, { name: 't', port: 53, protocol: 'TCP', nodePort: 30053 }] })).object!;
    expect(pinned.spec.ports.map((p: { nodePort: number }) => p.nodePort)).toEqual([30053, 30053]);
    const clash = c.apply(svc('dns3', { type: 'NodePort', ports: [{ name: 'u', port: 53, protocol: 'UDP', nodePort: 30054 }, { name: 't', port: 54, protocol: 'TCP', nodePort: 30054 }] }));
    expect(clash.error?.message).toBe('Service "dns3" is invalid: spec.ports[1].nodePort: Invalid value: 30054: provided port is already allocated');
  });

  it('keeps the allocated clusterIP and nodePorts on re-apply and rejects a changed clusterIP', () => {
    const c = createCluster({ images: catalog });
    const manifest = svc('web', { type: 'NodePort' });
    const first = c.apply(manifest).object!;
    const again = c.apply(manifest);
    expect(again.verb).toBe('unchanged');
    expect(again.object!.spec.clusterIP).toBe(first.spec.clusterIP);
    expect(again.object!.spec.ports[0].nodePort).toBe(first.spec.ports[0].nodePort);
    const changed = c.apply(svc('web', { type: 'NodePort', clusterIP: '10.152.183.7' }));
    expect(changed.error?.message).toBe('Service "web" is invalid: spec.clusterIPs[0]: Invalid value: ["10.152.183.7"]: may not change once set');
  });

  it('allocates on a type change to NodePort and releases on a change back and on delete', () => {
    const c = createCluster({ images: catalog });
    c.apply(svc('web', {}));
    const np = c.apply(svc('web', { type: 'NodePort', ports: [{ port: 80, nodePort: 30500 }] })).object!;
    expect(np.spec.ports[0].nodePort).toBe(30500);
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    const back = c.apply(svc('web', { type: 'ClusterIP' })).object!;
    expect(back.spec.ports[0].nodePort).toBeUndefined();
    expect(back.spec.externalTrafficPolicy).toBeUndefined();
    expect(c.apply(svc('other', { type: 'NodePort', ports: [{ port: 80, nodePort: 30500 }] })).ok).toBe(true);
    const ip = c.get({ kind: 'Service', namespace: 'default', name: 'other' })!.spec.clusterIP;
    c.delete({ kind: 'Service', namespace: 'default', name: 'other' });
    expect(c.apply(svc('again', { type: 'NodePort', clusterIP: ip, ports: [{ port: 80, nodePort: 30500 }] })).ok).toBe(true);
  });

  it('drops the clusterIP on a change to ExternalName and allocates a new one on the way back', () => {
    const c = createCluster({ images: catalog });
    c.apply(svc('web', {}));
    const ext = c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { type: 'ExternalName', externalName: 'example.com' } });
    expect(ext.ok).toBe(true);
    expect(ext.object!.spec.clusterIP).toBeUndefined();
    const back = c.apply(svc('web', { type: 'ClusterIP' })).object!;
    expect(back.spec.clusterIP).toMatch(/^10\.152\.183\.\d+$/);
  });

  it('gives LoadBalancer+Local Services a healthCheckNodePort', () => {
    const c = createCluster({ images: catalog });
    const o = c.apply(svc('lb', { type: 'LoadBalancer', externalTrafficPolicy: 'Local' })).object!;
    expect(o.spec.healthCheckNodePort).toBeGreaterThanOrEqual(30000);
    expect(o.spec.healthCheckNodePort).not.toBe(o.spec.ports[0].nodePort);
    const none = c.apply(svc('lb2', { type: 'LoadBalancer', allocateLoadBalancerNodePorts: false })).object!;
    expect(none.spec.ports[0].nodePort).toBeUndefined();
  });

  it('survives hostile specs without throwing', () => {
    const c = createCluster({ images: catalog });
    for (const spec of [null, [], { ports: null }, { ports: [null, 'x', { port: '80' }] }, { type: 'NodePort', ports: [{ port: 80, nodePort: 'abc' }] }, { clusterIP: 12 }, { clusterIP: 'banana' }]) {
      expect(() => c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'h' }, spec } as KubeObject)).not.toThrow();
    }
  });
});
