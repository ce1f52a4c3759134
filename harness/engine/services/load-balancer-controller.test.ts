import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from '../controllers/testing.ts';
import { createLoadBalancerController } from './load-balancer-controller.ts';
import { expandPool } from './ipv4.ts';

const catalog = testCatalog();

function lb(name: string, extra: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { type: 'LoadBalancer', selector: { app: name }, ports: [{ port: 80 }], ...extra } };
}

const ingress = (c: ReturnType<typeof createCluster>, name: string) => c.get({ kind: 'Service', namespace: 'default', name })!.status;

describe('cloud load-balancer controller', () => {
  it('expands pools: IP lists as given, a CIDR without network and broadcast', () => {
    expect(expandPool(['192.168.1.240/30'])).toEqual(['192.168.1.241', '192.168.1.242']);
    expect(expandPool(['10.0.0.5', 'bad', '10.0.0.6'])).toEqual(['10.0.0.5', '10.0.0.6']);
    expect(expandPool(undefined)).toEqual([]);
  });

  it('hands out pool IPs in order with ipMode VIP and the service-controller events', () => {
    const c = createCluster({ images: catalog, loadBalancerPool: ['192.168.1.240/29'] });
    c.apply(lb('a'));
    c.apply(lb('b'));
    c.runUntilSettled();
    expect(ingress(c, 'a')).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.1.241', ipMode: 'VIP' }] } });
    expect(ingress(c, 'b')).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.1.242', ipMode: 'VIP' }] } });
    const events = c.events().filter((e) => (e.involvedObject as { name: string }).name === 'a');
    expect(events.map((e) => [e.type, e.reason, e.message, (e.source as { component: string }).component])).toEqual([
      ['Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer', 'service-controller'],
      ['Normal', 'EnsuredLoadBalancer', 'Ensured load balancer', 'service-controller'],
    ]);
    const r = reconcileTwice(createLoadBalancerController(['192.168.1.240/29']), { kind: 'Service', namespace: 'default', name: 'a' }, c.internals.context);
    expect(r).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
  });

  it('leaves EXTERNAL-IP pending without a pool, and when the pool is exhausted until an IP is released', () => {
    const none = createCluster({ images: catalog });
    none.apply(lb('a'));
    none.runUntilSettled();
    expect(ingress(none, 'a')).toEqual({ loadBalancer: {} });
    expect(none.events().some((e) => String(e.reason).includes('LoadBalancer'))).toBe(false);

    const c = createCluster({ images: catalog, loadBalancerPool: ['192.168.1.240'] });
    c.apply(lb('a'));
    c.runUntilSettled();
    c.apply(lb('b'));
    c.runUntilSettled();
    expect(ingress(c, 'b')).toEqual({ loadBalancer: {} });
    expect(c.events().some((e) => e.reason === 'SyncLoadBalancerFailed')).toBe(true);
    c.apply(lb('a', { type: 'ClusterIP' }));
    c.runUntilSettled();
    expect(ingress(c, 'a')).toEqual({ loadBalancer: {} });
    expect(ingress(c, 'b')).toEqual({ loadBalancer: { ingress: [{ ip: '192.168.1.240', ipMode: 'VIP' }] } });
  });

  it('honours spec.loadBalancerIP from the pool', () => {
    const c = createCluster({ images: catalog, loadBalancerPool: ['10.9.0.1', '10.9.0.2'] });
    c.apply(lb('a', { loadBalancerIP: '10.9.0.2' }));
    c.runUntilSettled();
    expect(ingress(c, 'a').loadBalancer.ingress[0].ip).toBe('10.9.0.2');
  });

  it('rejects a malformed pool option eagerly', () => {
    expect(() => createCluster({ images: catalog, loadBalancerPool: ['not-an-ip'] })).toThrow(/option `loadBalancerPool`/);
    expect(() => createCluster({ images: catalog, externalHosts: [{ ip: 'x', port: 1 }] })).toThrow(/option `externalHosts`/);
  });
});
