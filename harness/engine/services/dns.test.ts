import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';
import { candidateNames, podResolverConfig, searchPath } from './dns.ts';

const catalog = testCatalog();

function setup() {
  const c = createCluster({ images: catalog });
  c.apply({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  const client = podManifest('client', { image: 'nginx:1.27' });
  client.metadata.namespace = 'shop';
  c.apply(client);
  for (const [name, ip] of [['db-0', true], ['db-1', true], ['db-2', false]] as const) {
    const p: KubeObject = podManifest(name, { image: 'nginx:1.27', ...(ip ? {} : { readinessProbe: { httpGet: { path: '/nope', port: 80 } } }) }, { hostname: name, subdomain: 'db' });
    p.metadata.labels = { app: 'db' };
    p.metadata.namespace = 'shop';
    c.apply(p);
  }
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'db', namespace: 'shop' }, spec: { clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 80 }] } });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'ext', namespace: 'shop' }, spec: { type: 'ExternalName', externalName: 'db.example.com.' } });
  c.runUntilSettled({ horizonSeconds: 60 });
  return c;
}

const fromClient = { from: { pod: 'client', namespace: 'shop' } } as const;

describe('cluster DNS', () => {
  it('builds the ClusterFirst search path and applies ndots 5', () => {
    expect(searchPath('shop')).toEqual(['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
    expect(candidateNames('web', ['a', 'b'])).toEqual(['web.a', 'web.b', 'web']);
    expect(candidateNames('a.b.c.d.e.f', ['x'])).toEqual(['a.b.c.d.e.f', 'a.b.c.d.e.f.x']);
    expect(candidateNames('web.', ['x'])).toEqual(['web']);
  });

  it.each([
    ['ClusterFirst (default)', {}, { clusterDns: true, search: searchPath('shop'), ndots: 5 }],
    ['ClusterFirst on the host network', { hostNetwork: true }, { clusterDns: false, search: [], ndots: 5 }],
    ['ClusterFirstWithHostNet', { hostNetwork: true, dnsPolicy: 'ClusterFirstWithHostNet' }, { clusterDns: true, search: searchPath('shop'), ndots: 5 }],
    ['Default', { dnsPolicy: 'Default' }, { clusterDns: false, search: [], ndots: 5 }],
    ['None with dnsConfig', { dnsPolicy: 'None', dnsConfig: { nameservers: ['10.152.183.10'], searches: ['svc.cluster.local'], options: [{ name: 'ndots', value: '2' }] } }, { clusterDns: true, search: ['svc.cluster.local'], ndots: 2 }],
  ])('derives resolv.conf for dnsPolicy %s', (_, spec, expected) => {
    expect(podResolverConfig({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop' }, spec })).toEqual(expected);
  });

  it('answers Service names in every short form from a Pod of the namespace', () => {
    const c = setup();
    const vip = c.get({ kind: 'Service', namespace: 'shop', name: 'web' })!.spec.clusterIP;
    for (const name of ['web', 'web.shop', 'web.shop.svc', 'web.shop.svc.cluster.local', 'web.shop.svc.cluster.local.']) {
      expect(c.resolve(fromClient, name), name).toEqual({ ok: true, answers: [vip], type: 'A', name: 'web.shop.svc.cluster.local' });
    }
    expect(c.resolve(fromClient, 'kubernetes.default').answers).toEqual(['10.152.183.1']);
    expect(c.resolve(fromClient, 'kubernetes')).toEqual({ ok: false, answers: [], error: "** server can't find kubernetes: NXDOMAIN" });
  });

  it('answers headless Services with the ready endpoint IPs, sorted, and pod hostnames under the subdomain', () => {
    const c = setup();
    const ipOf = (n: string) => c.get({ kind: 'Pod', namespace: 'shop', name: n })!.status.podIP as string;
    const expected = [ipOf('db-0'), ipOf('db-1')].sort((a, b) => a.split('.').map(Number).reduce((x, y) => x * 256 + y, 0) - b.split('.').map(Number).reduce((x, y) => x * 256 + y, 0));
    expect(c.resolve(fromClient, 'db').answers).toEqual(expected);
    expect(c.resolve(fromClient, 'db-1.db').answers).toEqual([ipOf('db-1')]);
    expect(c.resolve(fromClient, 'db-2.db').ok).toBe(false);
  });

  it('answers ExternalName with a CNAME, pod A records, and NXDOMAIN for unknown names', () => {
    const c = setup();
    expect(c.resolve(fromClient, 'ext')).toEqual({ ok: true, answers: ['db.example.com'], type: 'CNAME', name: 'ext.shop.svc.cluster.local' });
    expect(c.resolve(fromClient, '10-1-2-3.shop.pod.cluster.local').answers).toEqual(['10.1.2.3']);
    expect(c.resolve(fromClient, 'nope')).toMatchObject({ ok: false, error: "** server can't find nope: NXDOMAIN" });
    expect(c.resolve({ from: 'outside' }, 'web').ok).toBe(false);
    expect(c.resolve({ from: 'outside' }, 'web.shop.svc.cluster.local').ok).toBe(true);
    expect(c.resolve({ from: { pod: 'ghost' } }, 'web').ok).toBe(false);
  });
});
