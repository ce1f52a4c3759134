import type { KubeObject } from '../../core/kube.ts';
import type { DnsResult } from '../types.ts';
import type { Store } from '../store.ts';
import { asList, asMap } from '../util.ts';
import { formatIPv4, parseIPv4 } from './ipv4.ts';
import { SERVICE_NAME_LABEL } from './endpoint-model.ts';
import { isHeadless, serviceType } from './service-model.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
export const DNS_SERVICE_IP = '10.152.183.10';
/** resolv.conf `options ndots:5` under dnsPolicy ClusterFirst. */
export const NDOTS = 5;

/** Builds a Pod's DNS search path under ClusterFirst (kubelet network/dns). */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

/** A Pod's resolver settings (its resolv.conf): whether it asks cluster DNS, the search path and ndots. */
export interface ResolverConfig {
  clusterDns: boolean;
  search: string[];
  ndots: number;
}

/** Derives a Pod's resolv.conf from dnsPolicy, hostNetwork and dnsConfig (kubelet network/dns). */
export function podResolverConfig(pod: KubeObject): ResolverConfig {
  const spec = asMap(pod.spec);
  const ns = pod.metadata.namespace ?? 'default';
  const policy = typeof spec?.dnsPolicy === 'string' && spec.dnsPolicy !== '' ? spec.dnsPolicy : 'ClusterFirst';
  const cfg = asMap(spec?.dnsConfig);
  const extraSearch = asList(cfg?.searches).filter((x): x is string => typeof x === 'string');
  const ndotsOption = asList(cfg?.options).map((o) => asMap(o)).find((o) => o?.name === 'ndots');
  const ndotsValue = Number(ndotsOption?.value);
  const ndots = Number.isInteger(ndotsValue) && ndotsValue >= 0 && ndotsValue <= 15 ? ndotsValue : NDOTS;
  if (policy === 'None') {
    const servers = asList(cfg?.nameservers);
    return { clusterDns: servers.includes(DNS_SERVICE_IP), search: extraSearch, ndots };
  }
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && spec?.hostNetwork !== true);
  return { clusterDns: cluster, search: cluster ? [...searchPath(ns), ...extraSearch] : extraSearch, ndots };
}

/** Lists the names a resolver tries for a query, in order (ndots rule, absolute names with a trailing dot). */
export function candidateNames(name: string, search: readonly string[], ndots: number = NDOTS): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const expanded = search.map((s) => `${name}.${s}`);
  const dots = name.split('.').length - 1;
  return dots >= ndots ? [name, ...expanded] : [...expanded, name];
}

/** Lists the ready endpoint IPs of a Service from its EndpointSlices, sorted numerically. */
export function readyEndpointIps(store: Store, svc: KubeObject): string[] {
  const ips = new Set<string>();
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace ?? 'default')) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name) continue;
    for (const raw of asList(slice.endpoints)) {
      const e = asMap(raw);
      const ip = asList(e?.addresses)[0];
      if (typeof ip === 'string' && asMap(e?.conditions)?.ready !== false) ips.add(ip);
    }
  }
  return [...ips].sort((a, b) => (parseIPv4(a) ?? 0) - (parseIPv4(b) ?? 0) || (a < b ? -1 : 1));
}

function hostnameRecord(store: Store, svc: KubeObject, hostname: string): string[] {
  const out: string[] = [];
  for (const slice of store.list('EndpointSlice', svc.metadata.namespace ?? 'default')) {
    if (slice.metadata.labels?.[SERVICE_NAME_LABEL] !== svc.metadata.name) continue;
    for (const raw of asList(slice.endpoints)) {
      const e = asMap(raw);
      const ip = asList(e?.addresses)[0];
      if (e?.hostname === hostname && typeof ip === 'string' && asMap(e.conditions)?.ready !== false) out.push(ip);
    }
  }
  return out.sort();
}

/** Answers one fully qualified name as the CoreDNS kubernetes plugin would, or undefined (NXDOMAIN). */
export function lookupFqdn(store: Store, fqdn: string): DnsResult | undefined {
  const name = fqdn.toLowerCase();
  const svcSuffix = `.svc.${CLUSTER_DOMAIN}`;
  const podSuffix = `.pod.${CLUSTER_DOMAIN}`;
  if (name.endsWith(svcSuffix)) {
    const parts = name.slice(0, -svcSuffix.length).split('.');
    if (parts.length < 2 || parts.length > 3) return undefined;
    const ns = parts[parts.length - 1]!;
    const svc = store.get({ kind: 'Service', namespace: ns, name: parts[parts.length - 2]! });
    if (!svc) return undefined;
    const spec = asMap(svc.spec);
    if (parts.length === 3) {
      if (!isHeadless(spec)) return undefined;
      const ips = hostnameRecord(store, svc, parts[0]!);
      return ips.length > 0 ? { ok: true, answers: ips, type: 'A', name } : undefined;
    }
    if (serviceType(spec) === 'ExternalName') {
      const target = typeof spec?.externalName === 'string' ? spec.externalName.replace(/\.$/, '') : '';
      return target !== '' ? { ok: true, answers: [target], type: 'CNAME', name } : undefined;
    }
    if (isHeadless(spec)) {
      const ips = readyEndpointIps(store, svc);
      return ips.length > 0 ? { ok: true, answers: ips, type: 'A', name } : undefined;
    }
    const ip = typeof spec?.clusterIP === 'string' ? spec.clusterIP : '';
    return parseIPv4(ip) !== undefined ? { ok: true, answers: [ip], type: 'A', name } : undefined;
  }
  if (name.endsWith(podSuffix)) {
    const parts = name.slice(0, -podSuffix.length).split('.');
    if (parts.length !== 2 || !store.get({ kind: 'Namespace', namespace: '', name: parts[1]! })) return undefined;
    const ip = parseIPv4(parts[0]!.replace(/-/g, '.'));
    return ip !== undefined ? { ok: true, answers: [formatIPv4(ip)], type: 'A', name } : undefined;
  }
  return undefined;
}

/** Resolves a name through cluster DNS with a search path (none for clients outside the cluster). */
export function resolveName(store: Store, name: string, search: readonly string[], ndots: number = NDOTS): DnsResult {
  const query = typeof name === 'string' ? name.trim() : '';
  if (query === '' || query.length > 253) return { ok: false, answers: [], error: `** server can't find ${query}: NXDOMAIN` };
  const literal = parseIPv4(query);
  if (literal !== undefined) return { ok: true, answers: [formatIPv4(literal)], type: 'A', name: query };
  for (const candidate of candidateNames(query, search, ndots)) {
    const found = lookupFqdn(store, candidate);
    if (found) return found;
  }
  return { ok: false, answers: [], error: `** server can't find ${query.replace(/\.$/, '')}: NXDOMAIN` };
}
