import type { KubeObject } from '../core/kube.ts';
import type { RequestResult, RequestSource } from './types.ts';
import type { Store } from './store.ts';
import type { KubeletHandle } from './kubelet.ts';
import { answerHttp, answerUdp, CONNECTION_REFUSED, listenerFor, NO_ROUTE, TIMED_OUT, UDP_NO_ANSWER } from './pod-network.ts';
import { asList, asMap } from './util.ts';

export interface NetworkContext {
  store: Store;
  kubelet: KubeletHandle;
}

export interface Target {
  host: string;
  port: number;
  path: string;
  /** The pod the request comes from, if any. */
  from?: KubeObject;
  /** TCP for http:// URLs, UDP for udp:// URLs. Default TCP. */
  protocol?: 'TCP' | 'UDP';
}

/** A handler for traffic to a node port (`http://node-1:31111/`); Services add one later. */
export type NodePortHandler = (node: KubeObject, target: Target, ctx: NetworkContext) => RequestResult | undefined;
/** A resolver for other host names (Service ClusterIPs, DNS names); returns undefined when not its host. */
export type HostResolver = (target: Target, ctx: NetworkContext) => RequestResult | undefined;

/** Registries that later work extends (NodePort, ClusterIP, DNS). */
export interface NetworkRegistry {
  nodePortHandlers: NodePortHandler[];
  hostResolvers: HostResolver[];
}

/** Routes node:hostPort to the pod on that node that declares the hostPort (the CNI portmap plugin). */
export const hostPortHandler: NodePortHandler = (node, target, ctx) => {
  for (const pod of ctx.store.list('Pod')) {
    if (asMap(pod.spec)?.nodeName !== node.metadata.name || pod.metadata.deletionTimestamp) continue;
    for (const c of asList(asMap(pod.spec)?.containers)) {
      for (const raw of asList(asMap(c)?.ports)) {
        const p = asMap(raw);
        if (p?.hostPort !== target.port || (p.protocol ?? 'TCP') !== (target.protocol ?? 'TCP') || typeof p.containerPort !== 'number') continue;
        return requestPod(pod, p.containerPort, target.path, ctx, [`node/${String(node.metadata.name)}:${target.port} hostPort`], target.protocol);
      }
    }
  }
  return undefined;
};

/** Creates the network registries with the built-in hostPort handler. */
export function createNetworkRegistry(): NetworkRegistry {
  return { nodePortHandlers: [hostPortHandler], hostResolvers: [] };
}

/** Sends an HTTP GET (or a UDP datagram) to a pod's network namespace at `port` (what a pod IP or localhost reaches). */
export function requestPod(pod: KubeObject, port: number, path: string, ctx: NetworkContext, hops: string[], protocol: 'TCP' | 'UDP' = 'TCP'): RequestResult {
  const rt = ctx.kubelet.runtime(pod.metadata.uid ?? '');
  const ip = asMap(pod.status)?.podIP ?? '';
  if (rt && ctx.kubelet.nodeStopped(rt.node)) return { ok: false, error: TIMED_OUT, path: [...hops, `pod/${pod.metadata.name} ${String(ip)}:${port} on stopped node/${rt.node} → no answer`] };
  const listener = rt ? listenerFor(rt, port, protocol) : undefined;
  if (!rt || !listener) return { ok: false, error: protocol === 'UDP' ? UDP_NO_ANSWER : CONNECTION_REFUSED, path: [...hops, `pod/${pod.metadata.name} ${String(ip)}:${port} → nothing listening`] };
  const answer = protocol === 'UDP' ? { status: 0, body: answerUdp(listener.behavior, path) } : answerHttp(listener.behavior, path);
  return {
    ok: true,
    ...(protocol === 'TCP' ? { status: answer.status } : {}),
    body: answer.body,
    servedBy: { pod: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? 'default', container: listener.name },
    path: [...hops, `pod/${pod.metadata.name} ${String(ip)}:${port} → ${listener.name}`],
  };
}

function nodeFor(host: string, store: Store): KubeObject | undefined {
  return store.list('Node').find((n) => n.metadata.name === host || asList(asMap(n.status)?.addresses).some((a) => asMap(a)?.address === host));
}

/** Performs an HTTP GET inside the simulated network; it never changes the store. */
export function request(source: RequestSource, url: string, ctx: NetworkContext, registry: NetworkRegistry): RequestResult {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, error: `invalid URL ${JSON.stringify(url)}`, path: [] };
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const protocol = parsed.protocol === 'udp:' ? 'UDP' : 'TCP';
  if (protocol === 'UDP' && parsed.port === '') return { ok: false, error: `invalid URL ${JSON.stringify(url)}: udp:// needs a port`, path: [] };
  const port = parsed.port !== '' ? Number(parsed.port) : parsed.protocol === 'https:' ? 443 : 80;
  const path = `${parsed.pathname}${parsed.search}`;
  let from: KubeObject | undefined;
  const hops: string[] = [];
  if (source.from !== 'outside') {
    const ns = source.from.namespace ?? 'default';
    from = ctx.store.get({ kind: 'Pod', namespace: ns, name: source.from.pod });
    const rt = from ? ctx.kubelet.runtime(from.metadata.uid ?? '') : undefined;
    if (!from || !rt || !rt.sandboxReady) return { ok: false, error: `pod "${source.from.pod}" is not running`, path: [] };
    hops.push(`from pod/${source.from.pod}${source.from.container ? ` (${source.from.container})` : ''}`);
    if (host === 'localhost' || host === '127.0.0.1') return requestPod(from, port, path, ctx, hops, protocol);
  } else hops.push('from outside the cluster');
  const target: Target = { host, port, path, protocol, ...(from ? { from } : {}) };
  const node = nodeFor(host, ctx.store);
  if (node && ctx.kubelet.nodeStopped(node.metadata.name ?? '')) return { ok: false, error: TIMED_OUT, path: [...hops, `node/${node.metadata.name}:${port} → stopped, no answer`] };
  if (node) {
    for (const handler of registry.nodePortHandlers) {
      const res = handler(node, target, ctx);
      if (res) return { ...res, path: [...hops, ...res.path] };
    }
    return { ok: false, error: protocol === 'UDP' ? UDP_NO_ANSWER : CONNECTION_REFUSED, path: [...hops, `node/${node.metadata.name}:${port} → nothing listening`] };
  }
  for (const resolver of registry.hostResolvers) {
    const res = resolver(target, ctx);
    if (res) return { ...res, path: [...hops, ...res.path] };
  }
  if (from) {
    const uid = ctx.kubelet.podByIp(host);
    const pod = uid ? ctx.store.list('Pod').find((p) => p.metadata.uid === uid) : undefined;
    if (pod) return requestPod(pod, port, path, ctx, hops, protocol);
  }
  if (!/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { ok: false, error: `lookup ${host}: no such host`, path: [...hops, `${host} → not resolvable here`] };
  return { ok: false, error: NO_ROUTE, path: [...hops, `${host}:${port} → no route`] };
}
