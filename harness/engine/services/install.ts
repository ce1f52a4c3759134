import type { ClusterOptions, DnsResult, RequestSource } from '../types.ts';
import type { ClusterInternals } from '../cluster.ts';
import { registerCreateHook } from '../api/server.ts';
import { createEndpointSliceController } from './endpointslice-controller.ts';
import { createEndpointsController } from './endpoints-controller.ts';
import { createEndpointSliceMirroringController } from './endpointslice-mirroring-controller.ts';
import { createLoadBalancerController } from './load-balancer-controller.ts';
import { createKubeProxy } from './proxy.ts';
import { podResolverConfig, resolveName } from './dns.ts';
import { createSystemServices, systemHosts } from './system-services.ts';
import { createRandom } from '../random.ts';
import './allocation.ts';
import { nodeObject, nodeSpecs } from '../nodes.ts';

registerCreateHook('Service', (svc) => {
  svc.status = { loadBalancer: {} };
});

export interface ServicesHandle {
  /** Cluster DNS as seen from a source (a Pod's search path, or none from outside). */
  resolve(source: RequestSource, name: string): DnsResult;
}

/**
 * Installs the Service machinery into a cluster: controllers, kube-proxy, DNS and the system Services
 * (not created when `bootstrap` is false: a cluster about to be restored from a snapshot already has them).
 */
export function installServices(internals: ClusterInternals, options: ClusterOptions, bootstrap = true): ServicesHandle {
  const { store, context } = internals;
  internals.addController(createEndpointSliceController());
  internals.addController(createEndpointsController());
  internals.addController(createEndpointSliceMirroringController());
  internals.addController(createLoadBalancerController(options.loadBalancerPool));
  if (bootstrap) createSystemServices(internals.api, store);
  // kube-proxy draws from its own seeded stream, so a request (a check) never shifts the names and IPs the cluster picks later.
  const proxyRandom = createRandom(((Math.trunc(options.seed ?? 1) | 0) * 31 + 17) | 0);
  // The API server runs on the first node the cluster starts with, whatever later happens to its Node object: the
  // hosts come from the options (a cluster being restored has no nodes stored yet), so they are not state.
  const startNodes = nodeSpecs(options.nodes).map((spec, i) => nodeObject(spec, i, ''));
  const proxy = createKubeProxy({ random: proxyRandom, now: () => context.now(), externalHosts: [...(options.externalHosts ?? []), ...systemHosts(startNodes)] });
  internals.keepState('kube-proxy/random', proxyRandom);
  internals.keepState('kube-proxy/affinity', proxy.state);
  internals.network.hostResolvers.push(proxy.hostResolver);
  internals.network.nodePortHandlers.push(proxy.nodePortHandler);
  return {
    resolve(source, name) {
      if (source.from === 'outside') return resolveName(store, name, []);
      const ns = source.from.namespace ?? 'default';
      const pod = store.get({ kind: 'Pod', namespace: ns, name: source.from.pod });
      if (!pod) return { ok: false, answers: [], error: `pod "${source.from.pod}" not found` };
      const conf = podResolverConfig(pod);
      if (!conf.clusterDns) return { ok: false, answers: [], error: `** server can't find ${String(name).replace(/\.$/, '')}: NXDOMAIN` };
      return resolveName(store, name, conf.search, conf.ndots);
    },
  };
}
