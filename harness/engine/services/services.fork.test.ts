import { describe, expect, it } from 'vitest';
import { createCluster } from '../cluster.ts';
import { expectForkEquivalent } from '../fork-testing.ts';
import { appDeployment, appService, testCatalog } from '../testing-helpers.ts';

const images = testCatalog();

const deployment = appDeployment;
const service = appService;

const podName = (c: ReturnType<typeof createCluster>): string => c.list('Pod').find((p) => p.metadata.name?.startsWith('web-'))!.metadata.name!;
const nodePortOf = (c: ReturnType<typeof createCluster>, name: string): number =>
  (c.get({ kind: 'Service', namespace: 'default', name })!.spec as { ports: { nodePort: number }[] }).ports[0]!.nodePort;

describe('fork state of the Service machinery', () => {
  it('a fork allocates ClusterIPs, NodePorts and load-balancer IPs for new Services as the original would', () => {
    const build = () => {
      const c = createCluster({ nodes: 2, images, seed: 21, loadBalancerPool: ['192.168.1.240', '192.168.1.241'] });
      c.apply(deployment('web', 2));
      c.apply(service('web', { type: 'LoadBalancer' }));
      c.apply(service('second', { type: 'LoadBalancer' }));
      // The pool is exhausted: this one stays pending until an IP is released.
      c.apply(service('third', { type: 'LoadBalancer' }));
      c.runUntilSettled({ horizonSeconds: 300 });
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      c.apply(service('np', { type: 'NodePort' }));
      c.apply(service('plain', {}));
      c.delete({ kind: 'Service', namespace: 'default', name: 'web' });
      c.runUntilSettled({ horizonSeconds: 120 });
      return c.list('Service').map((s) => [s.metadata.name, s.spec?.clusterIP ?? null, s.spec?.ports, s.status]);
    });
    expect(trace).toContain('no available IPs in the load-balancer pool');
    // "third" took the released IP after the fork.
    expect(trace).toMatch(/"third".*?"ip":"192\.168\.1\.240"/);
  });

  it('a fork expires a ClientIP session affinity at the same virtual time as the original', () => {
    const build = () => {
      const c = createCluster({ nodes: 2, images, seed: 22 });
      c.apply(deployment('web', 4));
      c.apply(service('web', { type: 'NodePort', sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 30 } } }));
      c.runUntilSettled({ horizonSeconds: 300 });
      c.request({ from: 'outside' }, `http://node-1:${nodePortOf(c, 'web')}/`);
      return c;
    };
    expectForkEquivalent(build, (c) => {
      const port = nodePortOf(c, 'web');
      const ask = () => {
        const r = c.request({ from: 'outside' }, `http://node-1:${port}/`);
        return r.ok ? r.servedBy?.pod : r.error;
      };
      const pinned = [ask(), ask()];
      c.advance(40);
      return { pinned, after: Array.from({ length: 6 }, ask) };
    });
  });

  it('a fork keeps the system hosts kube-proxy read before the fork (node-1 deleted afterwards still answers as the API server)', () => {
    const build = () => {
      const c = createCluster({ nodes: 3, images, seed: 23 });
      c.apply(deployment('web', 1));
      c.runUntilSettled({ horizonSeconds: 300 });
      // The first request reads the system hosts from the nodes (node-1 serves the API).
      c.request({ from: { pod: podName(c) } }, 'http://10.152.183.1:443/healthz');
      c.delete({ kind: 'Node', namespace: '', name: 'node-1' });
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => c.request({ from: { pod: podName(c) } }, 'http://10.152.183.1:443/healthz'));
    expect(trace).toContain('"body":"ok"');
  });
});
