import type { ClusterInternals } from '../engine/cluster.ts';
import type { Cluster } from '../engine/types.ts';

/**
 * Returns a key of everything a check can observe in the cluster, or undefined when this cluster does
 * not expose its internals (then every look evaluates the invariant).
 *
 * Two looks with the same key see the same cluster, so they get the same verdict and the invariant is
 * not evaluated again. The key covers the object store (its revision: any write), the Events, what
 * each Pod's containers do in the kubelet (its network epoch moves whenever a port starts or stops
 * listening, which changes no object: a Pod without a readiness probe is Ready before it listens),
 * stopped nodes, and whether the run has settled. A request invariant sends one request per look and
 * kube-proxy picks its endpoint at random per connection, so "same verdict" means: one connection is
 * sampled per distinct state of the cluster, not one per instant of virtual time.
 */
export function clusterFingerprint(cluster: Cluster, settled: boolean): string | undefined {
  const internals = (cluster as { internals?: Partial<ClusterInternals> }).internals;
  const store = internals?.store;
  const kubelet = internals?.kubelet;
  const events = internals?.context?.events;
  if (!store || !kubelet || !events || typeof store.revision !== 'function' || typeof events.revision !== 'function') return undefined;
  let key = `${store.revision()}|${events.revision()}|${settled ? 1 : 0}|`;
  for (const pod of store.list('Pod')) {
    const rt = kubelet.runtime(pod.metadata.uid ?? '');
    key += rt ? `${rt.epoch}${rt.sandboxReady ? '+' : '-'},` : '.,';
  }
  for (const node of store.list('Node')) if (kubelet.nodeStopped(node.metadata.name ?? '')) key += `!${node.metadata.name ?? ''}`;
  return key;
}
