import type { KubeObject } from '../../core/kube.ts';
import type { ExternalHost } from '../types.ts';
import type { ApiServer } from '../api/server.ts';
import type { Store } from '../store.ts';
import { asList, asMap } from '../util.ts';
import { SERVICE_NAME_LABEL } from './endpoint-model.ts';
import { DNS_SERVICE_IP } from './dns.ts';
import { SKIP_MIRROR_LABEL } from './endpointslice-mirroring-controller.ts';

export const KUBERNETES_SERVICE_IP = '10.152.183.1';
/** microk8s' kube-apiserver `--secure-port`. */
export const APISERVER_PORT = 16443;
/**
 * No CoreDNS Pod runs: the engine answers DNS itself. kube-dns has no selector and one ready endpoint at this
 * address (the first address of the pod CIDR, which the kubelet never hands out), so `get ep`/`describe` look right.
 */
export const DNS_ENDPOINT_IP = '10.1.0.1';

const FORBIDDEN_BODY = JSON.stringify({
  kind: 'Status',
  apiVersion: 'v1',
  metadata: {},
  status: 'Failure',
  message: 'forbidden: User "system:anonymous" cannot get path "/"',
  reason: 'Forbidden',
  details: {},
  code: 403,
});

function nodeIp(node: KubeObject | undefined): string | undefined {
  const a = asList(asMap(node?.status)?.addresses).find((x) => asMap(x)?.type === 'InternalIP');
  const ip = asMap(a)?.address;
  return typeof ip === 'string' ? ip : undefined;
}

function slice(name: string, namespace: string, service: string, ip: string | undefined, ports: { name: string; port: number; protocol: string }[]): KubeObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name, namespace, labels: { [SERVICE_NAME_LABEL]: service } },
    addressType: 'IPv4',
    endpoints: ip ? [{ addresses: [ip], conditions: { ready: true, serving: true, terminating: false } }] : null,
    ports,
  };
}

function endpoints(name: string, namespace: string, ip: string | undefined, ports: { name: string; port: number; protocol: string }[]): KubeObject {
  // The API server writes its own EndpointSlice, so the mirroring controller must leave these alone.
  const obj: KubeObject = { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace, labels: { [SKIP_MIRROR_LABEL]: 'true' } } };
  if (ip) obj.subsets = [{ addresses: [{ ip }], ports }];
  return obj;
}

/** Creates the `kubernetes` and `kube-dns` Services with their EndpointSlices and Endpoints (what a fresh microk8s has). */
export function createSystemServices(api: ApiServer, store: Store): void {
  const apiserverIp = nodeIp(store.list('Node')[0]);
  const https = [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }];
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: APISERVER_PORT }] },
  });
  store.create(slice('kubernetes', 'default', 'kubernetes', apiserverIp, https));
  store.create(endpoints('kubernetes', 'default', apiserverIp, https));
  const dnsPorts = [
    { name: 'dns', port: 53, protocol: 'UDP' },
    { name: 'dns-tcp', port: 53, protocol: 'TCP' },
    { name: 'metrics', port: 9153, protocol: 'TCP' },
  ];
  api.create({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kube-dns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' } },
    spec: { clusterIP: DNS_SERVICE_IP, ports: dnsPorts.map((p) => ({ ...p, targetPort: p.port })) },
  });
  store.create(slice('kube-dns', 'kube-system', 'kube-dns', DNS_ENDPOINT_IP, dnsPorts));
  store.create(endpoints('kube-dns', 'kube-system', DNS_ENDPOINT_IP, dnsPorts));
}

/** Lists the built-in hosts behind the system Services (the API server on the first node by name, the DNS server). */
export function systemHosts(nodes: readonly KubeObject[]): ExternalHost[] {
  const first = [...nodes].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : (a.metadata.name ?? '') > (b.metadata.name ?? '') ? 1 : 0))[0];
  const apiserverIp = nodeIp(first);
  const hosts: ExternalHost[] = [
    { name: 'cluster DNS', ip: DNS_ENDPOINT_IP, port: 53, protocol: 'UDP', udpReply: '' },
    { name: 'cluster DNS', ip: DNS_ENDPOINT_IP, port: 53, protocol: 'TCP', http: [] },
    { name: 'cluster DNS', ip: DNS_ENDPOINT_IP, port: 9153, protocol: 'TCP', http: [{ path: '/metrics', status: 200, body: '# HELP coredns_build_info A metric with a constant \'1\' value labeled by version, revision, and goversion from which CoreDNS was built.\n' }] },
  ];
  if (apiserverIp) hosts.push({ name: 'kube-apiserver', ip: apiserverIp, port: APISERVER_PORT, protocol: 'TCP', http: [{ path: '/', status: 403, body: FORBIDDEN_BODY }, { path: '/healthz', status: 200, body: 'ok' }] });
  return hosts;
}
