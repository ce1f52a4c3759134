import type { KubeObject } from '../../core/kube.ts';
import type { ExternalHost, RequestResult } from '../types.ts';
import type { Random } from '../random.ts';
import { mapState, type StatePart } from '../snapshot.ts';
import type { HostResolver, NetworkContext, NodePortHandler, Target } from '../network.ts';
import { requestPod } from '../network.ts';
import { answerUdp, CONNECTION_REFUSED, listenerFor, NO_ROUTE, TIMED_OUT, UDP_NO_ANSWER } from '../pod-network.ts';
import { asInt, asList, asMap } from '../util.ts';
import { SERVICE_NAME_LABEL } from './endpoint-model.ts';
import { DNS_SERVICE_IP, podResolverConfig, resolveName } from './dns.ts';
import { parseIPv4 } from './ipv4.ts';
import { ingressIps } from './load-balancer-controller.ts';
import { needsClusterIP, needsNodePort, servicePorts } from './service-model.ts';
import type { ServicePortView } from './service-model.ts';

/** The one client IP every request from outside the cluster comes from (session affinity pins it). */
export const OUTSIDE_CLIENT_IP = '192.168.1.50';
/** The node's stub resolver (systemd-resolved), which hostNetwork / dnsPolicy Default Pods use. */
export const NODE_RESOLVER = '127.0.0.53:53';

/** An endpoint as kube-proxy sees it in EndpointSlices. */
export interface ProxyEndpoint {
  ip: string;
  port: number;
  nodeName?: string;
  ready: boolean;
  serving: boolean;
  terminating: boolean;
}

export interface KubeProxyDeps {
  random: Random;
  now: () => number;
  externalHosts: readonly ExternalHost[];
}

export interface KubeProxy {
  nodePortHandler: NodePortHandler;
  hostResolver: HostResolver;
  /** ClientIP session affinity records, for a cluster fork (its random stream is the caller's). */
  state: StatePart;
}

type Protocol = 'TCP' | 'UDP';
/** A traffic policy that keeps traffic on one node. */
type LocalPolicy = { node: string; policy: 'externalTrafficPolicy' | 'internalTrafficPolicy' };

/** Lists a Service port's endpoints from every EndpointSlice labelled with the Service's name (managed or not). */
export function proxyEndpoints(ctx: NetworkContext, svc: KubeObject, port: ServicePortView): ProxyEndpoint[] {
  const out: ProxyEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of ctx.store.list('EndpointSlice', svc.metadata.namespace ?? 'default')) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name || (slice.addressType ?? 'IPv4') !== 'IPv4') continue;
    const sp = asList(slice.ports)
      .map((p) => asMap(p))
      .find((p) => (typeof p?.name === 'string' ? p.name : '') === port.name && (p?.protocol ?? 'TCP') === port.protocol);
    const n = asInt(sp?.port);
    if (n === undefined) continue;
    for (const raw of asList(slice.endpoints)) {
      const e = asMap(raw);
      const ip = asList(e?.addresses)[0];
      if (typeof ip !== 'string' || seen.has(`${ip}:${n}`)) continue;
      seen.add(`${ip}:${n}`);
      const c = asMap(e?.conditions) ?? {};
      const ready = c.ready !== false;
      const ep: ProxyEndpoint = { ip, port: n, ready, serving: typeof c.serving === 'boolean' ? c.serving : ready, terminating: c.terminating === true };
      if (typeof e?.nodeName === 'string') ep.nodeName = e.nodeName;
      out.push(ep);
    }
  }
  return out;
}

/** Chooses the usable endpoints (pkg/proxy/topology.go): ready ones, else serving+terminating ones, optionally node-local only. */
export function usableEndpoints(endpoints: readonly ProxyEndpoint[], localNode?: string): ProxyEndpoint[] {
  const set = localNode === undefined ? endpoints : endpoints.filter((e) => e.nodeName === localNode);
  const ready = set.filter((e) => e.ready);
  return ready.length > 0 ? ready : set.filter((e) => e.serving && e.terminating);
}

function isIp(host: string): boolean {
  return parseIPv4(host) !== undefined;
}

function externalHostFor(hosts: readonly ExternalHost[], ip: string, port: number, protocol: Protocol): ExternalHost | undefined {
  return hosts.find((h) => h.ip === ip && h.port === port && (h.protocol ?? 'TCP') === protocol);
}

function answerExternal(host: ExternalHost, target: Target, hops: string[], asEndpoint: boolean): RequestResult {
  const hop = [...hops, `${asEndpoint ? 'endpoint ' : ''}${host.ip}:${host.port} (${host.name ?? 'external host'})`];
  if ((target.protocol ?? 'TCP') === 'UDP') return { ok: true, body: host.udpReply ?? answerUdp(undefined, target.path), path: hop };
  const clean = target.path.split('?')[0] || '/';
  const route = (host.http ?? []).find((r) => r.path === clean);
  const answer = route ? { status: route.status, body: route.body } : { status: 404, body: 'Not Found' };
  return { ok: true, status: answer.status, body: answer.body, path: hop };
}

/** Creates kube-proxy for the simulated network: NodePorts, ClusterIPs, LoadBalancer IPs, Service names, session affinity. */
export function createKubeProxy(deps: KubeProxyDeps): KubeProxy {
  /** ClientIP affinity: `<svc uid>|<port>|<client>` → endpoint and virtual expiry (ms). */
  const affinity = new Map<string, { ip: string; port: number; expires: number }>();

  const deliver = (ep: ProxyEndpoint, target: Target, ctx: NetworkContext, hops: string[]): RequestResult => {
    const protocol = target.protocol ?? 'TCP';
    const uid = ctx.kubelet.podByIp(ep.ip);
    const pod = uid ? ctx.store.list('Pod').find((p) => p.metadata.uid === uid) : undefined;
    if (pod) {
      const hop = [...hops, `endpoint ${ep.ip}:${ep.port} (pod/${pod.metadata.name})`];
      const rt = ctx.kubelet.runtime(uid ?? '');
      const listener = rt ? listenerFor(rt, ep.port, protocol) : undefined;
      if (!rt || !listener) {
        return { ok: false, error: protocol === 'UDP' ? UDP_NO_ANSWER : CONNECTION_REFUSED, path: [...hop, `nothing listening on ${ep.port}/${protocol}`] };
      }
      const res = requestPod(pod, ep.port, target.path, ctx, [], protocol);
      return { ...res, path: [...hop, `container ${listener.name}`] };
    }
    const ext = externalHostFor(deps.externalHosts, ep.ip, ep.port, protocol);
    if (ext) return answerExternal(ext, target, hops, true);
    return { ok: false, error: NO_ROUTE, path: [...hops, `endpoint ${ep.ip}:${ep.port} → no route`] };
  };

  const forward = (svc: KubeObject, port: ServicePortView, target: Target, ctx: NetworkContext, hops: string[], local?: LocalPolicy): RequestResult => {
    const all = proxyEndpoints(ctx, svc, port);
    const candidates = usableEndpoints(all, local?.node);
    const name = `service/${svc.metadata.name}`;
    if (candidates.length === 0) {
      if (local !== undefined && all.length > 0) return { ok: false, error: TIMED_OUT, path: [...hops, `no local endpoint of ${name} on ${local.node} (${local.policy}: Local) → dropped`] };
      return { ok: false, error: target.protocol === 'UDP' ? UDP_NO_ANSWER : CONNECTION_REFUSED, path: [...hops, `${name} has no endpoints → rejected`] };
    }
    const spec = asMap(svc.spec);
    const client = target.from ? String(asMap(target.from.status)?.podIP ?? '') : OUTSIDE_CLIENT_IP;
    let chosen: ProxyEndpoint | undefined;
    if (spec?.sessionAffinity === 'ClientIP') {
      const timeout = asInt(asMap(asMap(spec.sessionAffinityConfig)?.clientIP)?.timeoutSeconds) ?? 10800;
      const key = `${svc.metadata.uid}|${port.protocol}/${port.port}|${client}`;
      const pinned = affinity.get(key);
      if (pinned && deps.now() <= pinned.expires) chosen = candidates.find((e) => e.ip === pinned.ip && e.port === pinned.port);
      chosen ??= deps.random.pick(candidates);
      affinity.set(key, { ip: chosen.ip, port: chosen.port, expires: deps.now() + timeout * 1000 });
    } else chosen = deps.random.pick(candidates);
    return deliver(chosen, target, ctx, hops);
  };

  const servicePortFor = (svc: KubeObject, match: (p: ServicePortView) => boolean): ServicePortView | undefined => servicePorts(svc.spec).find(match);

  const nodePortHandler: NodePortHandler = (node, target, ctx) => {
    const protocol = target.protocol ?? 'TCP';
    for (const svc of ctx.store.list('Service')) {
      if (!needsNodePort(svc.spec)) continue;
      const port = servicePortFor(svc, (p) => p.nodePort === target.port && p.protocol === protocol);
      if (!port) continue;
      const hop = `${node.metadata.name}:${target.port} (NodePort of service/${svc.metadata.name})`;
      // Pod-originated traffic is sent cluster-wide even with externalTrafficPolicy Local (kube-proxy's pod-CIDR short-circuit).
      const local: LocalPolicy | undefined = asMap(svc.spec)?.externalTrafficPolicy === 'Local' && !target.from ? { node: node.metadata.name ?? '', policy: 'externalTrafficPolicy' } : undefined;
      return forward(svc, port, target, ctx, [hop], local);
    }
    return undefined;
  };

  const byIp = (target: Target, ctx: NetworkContext, hops: string[]): RequestResult | undefined => {
    const protocol = target.protocol ?? 'TCP';
    for (const svc of ctx.store.list('Service')) {
      const spec = asMap(svc.spec);
      const isVip = target.from !== undefined && needsClusterIP(spec) && asList(spec?.clusterIPs ?? [spec?.clusterIP]).includes(target.host);
      const isLb = ingressIps(svc).includes(target.host);
      if (!isVip && !isLb) continue;
      const kind = isLb && !isVip ? 'LoadBalancer IP' : 'ClusterIP';
      const port = servicePortFor(svc, (p) => p.port === target.port && p.protocol === protocol);
      const hop = `${target.host}:${target.port} (${kind} of service/${svc.metadata.name})`;
      if (!port) return { ok: false, error: TIMED_OUT, path: [...hops, hop, `no ${target.port}/${protocol} port on service/${svc.metadata.name} → dropped`] };
      const nodeName = asMap(target.from?.spec)?.nodeName;
      const local: LocalPolicy | undefined = isVip && spec?.internalTrafficPolicy === 'Local' && typeof nodeName === 'string' ? { node: nodeName, policy: 'internalTrafficPolicy' } : undefined;
      return forward(svc, port, target, ctx, [...hops, hop], local);
    }
    const ext = externalHostFor(deps.externalHosts, target.host, target.port, protocol);
    if (ext) return answerExternal(ext, target, hops, false);
    return undefined;
  };

  const hostResolver: HostResolver = (target, ctx) => {
    if (isIp(target.host)) return byIp(target, ctx, []);
    if (target.host === 'localhost') return undefined;
    // Outside clients do not use cluster DNS; other resolvers (and finally `no such host`) get the name.
    if (!target.from) return undefined;
    const conf = podResolverConfig(target.from);
    // Pods that do not use cluster DNS (dnsPolicy Default, hostNetwork) ask the node's resolver, which knows no Service names.
    if (!conf.clusterDns) return { ok: false, error: `lookup ${target.host} on ${NODE_RESOLVER}: no such host`, path: [`${target.host} → NXDOMAIN (node resolver, dnsPolicy ${String(asMap(target.from.spec)?.dnsPolicy ?? 'ClusterFirst')})`] };
    let name = target.host;
    const hops: string[] = [];
    for (let depth = 0; depth < 8; depth++) {
      const answer = resolveName(ctx.store, depth === 0 ? name : `${name}.`, depth === 0 ? conf.search : [], conf.ndots);
      if (!answer.ok) return { ok: false, error: `lookup ${target.host} on ${DNS_SERVICE_IP}:53: no such host`, path: [...hops, `${name} → NXDOMAIN (cluster DNS)`] };
      if (answer.type === 'CNAME') {
        hops.push(`${name} → CNAME ${answer.answers[0]} (cluster DNS)`);
        name = answer.answers[0]!;
        continue;
      }
      const ip = answer.answers.length === 1 ? answer.answers[0]! : deps.random.pick(answer.answers);
      hops.push(`${name} → ${ip} (cluster DNS)`);
      const next: Target = { ...target, host: ip };
      const routed = byIp(next, ctx, hops);
      if (routed) return routed;
      const uid = ctx.kubelet.podByIp(ip);
      const pod = uid ? ctx.store.list('Pod').find((p) => p.metadata.uid === uid) : undefined;
      if (pod) return requestPod(pod, target.port, target.path, ctx, hops, target.protocol);
      return { ok: false, error: NO_ROUTE, path: [...hops, `${ip}:${target.port} → no route`] };
    }
    return { ok: false, error: `lookup ${target.host} on ${DNS_SERVICE_IP}:53: no such host`, path: [...hops, 'CNAME chain too long'] };
  };

  // Affinity records are replaced, never changed in place: a fork shares them.
  return { nodePortHandler, hostResolver, state: mapState(affinity) };
}
