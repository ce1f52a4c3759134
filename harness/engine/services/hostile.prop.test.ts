import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

const catalog = testCatalog();

describe('Services with hostile stored shapes (properties)', () => {
  it('never throws: controllers, kube-proxy and DNS treat odd Service/EndpointSlice shapes as data', () => {
    const c = createCluster({ images: catalog, loadBalancerPool: ['10.9.0.1'] });
    c.apply(podManifest('client', { image: 'nginx:1.27' }));
    c.runUntilSettled({ horizonSeconds: 30 });
    const shape = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.array(fc.anything(), { maxLength: 3 }), fc.dictionary(fc.constantFrom('port', 'nodePort', 'name', 'protocol', 'targetPort', 'app'), fc.anything()));
    fc.assert(
      fc.property(
        fc.record({ type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 7, null), selector: shape, ports: fc.oneof(shape, fc.array(shape, { maxLength: 3 })), clusterIP: shape, externalName: shape }),
        fc.record({ endpoints: fc.oneof(shape, fc.array(shape, { maxLength: 3 })), ports: fc.oneof(shape, fc.array(shape, { maxLength: 3 })) }),
        (spec, slice) => {
          const name = 'odd';
          // Straight into the store: the API server would reject most of these, controllers must still cope.
          const store = c.internals.store;
          for (const kind of ['Service', 'EndpointSlice']) if (store.get({ kind, namespace: 'default', name })) store.remove({ kind, namespace: 'default', name });
          store.create({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'default' }, spec });
          store.create({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name, namespace: 'default', labels: { 'kubernetes.io/service-name': name } }, ...slice });
          expect(() => c.runUntilSettled({ horizonSeconds: 5 })).not.toThrow();
          for (const from of ['outside', { pod: 'client' }] as const) {
            for (const url of ['http://odd/', 'http://node-1:30080/', 'http://10.9.0.1/', 'udp://odd:53/x', 'http://10.152.183.20/']) expect(() => c.request({ from }, url)).not.toThrow();
            expect(() => c.resolve({ from }, 'odd')).not.toThrow();
          }
          expect(c.request({ from: { pod: 'client' } }, 'http://localhost/').ok).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('selectorOf', () => {
  // Guards a past bug found by the property above: a selector value {toString: 0} crashed String().
  it('treats a selector with a non-scalar value as unusable instead of throwing', async () => {
    const { selectorOf } = await import('./service-model.ts');
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { port: { toString: 0 } } } };
    expect(selectorOf(svc)).toBeUndefined();
    expect(selectorOf({ ...svc, spec: { selector: { app: 'web', n: 1 } } })).toEqual({ app: 'web', n: '1' });
  });
});
