// Golden tests for the Service, Endpoints, EndpointSlice, Deployment, ReplicaSet, ConfigMap and `get all`
// printers, over plain objects (layouts per k8s-semantics §8).
import { describe, expect, it } from 'vitest';
import { getServices, serviceExternalIP } from './get-services.ts';
import { getEndpoints, formatEndpoints } from './get-endpoints.ts';
import { getEndpointSlices } from './get-endpointslices.ts';
import { getDeployments, formatLabelSelector } from './get-deployments.ts';
import { getReplicaSets } from './get-replicasets.ts';
import { getConfigMaps } from './get-configmaps.ts';
import { getAll } from './get-all.ts';

const now = '2026-01-01T01:00:00Z';
const meta = (name: string, extra: Record<string, unknown> = {}) => ({ name, namespace: 'default', creationTimestamp: '2026-01-01T00:55:00Z', ...extra });
const svc = (name: string, spec: Record<string, unknown>, status: Record<string, unknown> = {}) => ({ kind: 'Service', metadata: meta(name), spec, status });

const SERVICES = [
  svc('web', { type: 'NodePort', clusterIP: '10.152.183.20', selector: { app: 'web', tier: 'fe' }, ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }),
  svc('db', { type: 'ClusterIP', clusterIP: 'None', selector: { app: 'db' }, ports: [{ port: 5432 }] }),
  svc('ext', { type: 'ExternalName', externalName: 'db.example.com' }),
  svc('lb', { type: 'LoadBalancer', clusterIP: '10.152.183.30', ports: [{ port: 443, nodePort: 31443, protocol: 'TCP' }] }),
  svc('lb2', { type: 'LoadBalancer', clusterIP: '10.152.183.31', ports: [{ port: 80, nodePort: 31080, protocol: 'TCP' }] }, { loadBalancer: { ingress: [{ ip: '192.168.100.200' }, { ip: '192.168.100.201' }] } }),
  svc('pub', { type: 'ClusterIP', clusterIP: '10.152.183.40', externalIPs: ['1.2.3.4'], ports: [{ port: 80, protocol: 'TCP' }] }),
];

describe('getServices', () => {
  it('prints the plain table, sorted by name, with kubectl cell rules', () => {
    expect(getServices(SERVICES, { now })).toEqual({
      stdout:
        'NAME   TYPE           CLUSTER-IP      EXTERNAL-IP        PORT(S)               AGE\n' +
        'db     ClusterIP      None            <none>             5432/TCP              5m\n' +
        'ext    ExternalName   <none>          db.example.com     <none>                5m\n' +
        'lb     LoadBalancer   10.152.183.30   <pending>          443:31443/TCP         5m\n' +
        'lb2    LoadBalancer   10.152.183.31   192.168.100.2...   80:31080/TCP          5m\n' +
        'pub    ClusterIP      10.152.183.40   1.2.3.4            80/TCP                5m\n' +
        'web    NodePort       10.152.183.20   <none>             80:30080/TCP,53/UDP   5m\n',
      stderr: '',
    });
  });

  it('adds SELECTOR and the full load-balancer list with -o wide', () => {
    const out = getServices([SERVICES[0], SERVICES[4]], { now, wide: true });
    expect(out.stdout).toBe(
      'NAME   TYPE           CLUSTER-IP      EXTERNAL-IP                       PORT(S)               AGE   SELECTOR\n' +
        'lb2    LoadBalancer   10.152.183.31   192.168.100.200,192.168.100.201   80:31080/TCP          5m    <none>\n' +
        'web    NodePort       10.152.183.20   <none>                            80:30080/TCP,53/UDP   5m    app=web,tier=fe\n',
    );
  });

  it('writes "No resources found" for an empty namespace and survives hostile objects', () => {
    expect(getServices([], { now, namespace: 'dev' })).toEqual({ stdout: '', stderr: 'No resources found in dev namespace.\n' });
    expect(() => getServices([null, 7, { metadata: null, spec: { ports: 'x', type: 5 } }], { now })).not.toThrow();
    expect(serviceExternalIP({ spec: { type: 'Weird' } }, false)).toBe('<unknown>');
  });
});

const addr = (ip: string) => ({ ip });

describe('getEndpoints', () => {
  it.each([
    [{ subsets: [] }, '<none>'],
    [{}, '<none>'],
    [{ subsets: [{ notReadyAddresses: [addr('10.1.0.9')], ports: [{ port: 80 }] }] }, ''],
    [{ subsets: [{ addresses: [addr('10.1.0.5'), addr('10.1.0.6')], ports: [{ port: 8080 }] }] }, '10.1.0.5:8080,10.1.0.6:8080'],
    [{ subsets: [{ addresses: [addr('10.1.0.5'), addr('10.1.0.6')], ports: [{ port: 80 }, { port: 443 }] }] }, '10.1.0.5:80,10.1.0.6:80,10.1.0.5:443 + 1 more...'],
    [{ subsets: [{ addresses: [addr('10.1.0.5')] }] }, '10.1.0.5'],
    [{ subsets: [{ addresses: [addr('fd00::1')], ports: [{ port: 80 }] }] }, '[fd00::1]:80'],
  ])('formats %j as %j', (ep, cell) => {
    expect(formatEndpoints(ep)).toBe(cell);
  });

  it('prints the table after the deprecation warning', () => {
    const out = getEndpoints([{ metadata: meta('web'), subsets: [{ addresses: [addr('10.1.0.5')], ports: [{ port: 8080 }] }] }], { now });
    expect(out).toEqual({
      stdout: 'NAME   ENDPOINTS       AGE\nweb    10.1.0.5:8080   5m\n',
      stderr: 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n',
    });
  });
});

describe('getEndpointSlices', () => {
  it('lists every address, ready or not, and <unset> for empty lists', () => {
    const ep = (ip: string, ready: boolean) => ({ addresses: [ip], conditions: { ready } });
    const out = getEndpointSlices(
      [
        { metadata: meta('web-abcde'), addressType: 'IPv4', ports: [{ name: '', port: 8080, protocol: 'TCP' }], endpoints: [ep('10.1.0.5', true), ep('10.1.0.6', false)] },
        { metadata: meta('empty-fghij'), addressType: 'IPv4', ports: [], endpoints: [] },
        { metadata: meta('big-klmno'), addressType: 'IPv4', ports: [{ port: 1 }, { port: 2 }, { port: 3 }, { name: 'http' }], endpoints: ['a', 'b', 'c', 'd', 'e'].map((x) => ep(x, true)) },
      ],
      { now },
    );
    expect(out.stdout).toBe(
      'NAME          ADDRESSTYPE   PORTS               ENDPOINTS           AGE\n' +
        'big-klmno     IPv4          1,2,3 + 1 more...   a,b,c + 2 more...   5m\n' +
        'empty-fghij   IPv4          <unset>             <unset>             5m\n' +
        'web-abcde     IPv4          8080                10.1.0.5,10.1.0.6   5m\n',
    );
  });
});

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } };

describe('getDeployments and getReplicaSets', () => {
  it('prints READY as ready/desired and the wide columns', () => {
    const d = { metadata: meta('web'), spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template }, status: { readyReplicas: 2, updatedReplicas: 3, availableReplicas: 2 } };
    expect(getDeployments([d], { now, wide: true }).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR\n' +
        'web    2/3     3            2           5m    nginx,side   nginx:1.27,busybox   app=web\n',
    );
    expect(getDeployments([{ metadata: meta('new'), spec: { replicas: 1 } }], { now }).stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nnew    0/1     0            0           5m\n',
    );
  });

  it('prints DESIRED, CURRENT and READY for ReplicaSets', () => {
    const rs = { metadata: meta('web-5545978884'), spec: { replicas: 2, selector: { matchLabels: { app: 'web', 'pod-template-hash': '5545978884' } }, template }, status: { replicas: 2, readyReplicas: 1 } };
    expect(getReplicaSets([rs], { now }).stdout).toBe('NAME             DESIRED   CURRENT   READY   AGE\nweb-5545978884   2         2         1       5m\n');
  });

  it.each([
    [{ matchLabels: { b: '2', a: '1' } }, 'a=1,b=2'],
    [{}, '<none>'],
    [{ matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe', 'be'] }, { key: 'env', operator: 'Exists' }], matchLabels: { app: 'web' } }, 'app=web,env,tier in (be,fe)'],
    [{ matchExpressions: [{ key: 'x', operator: 'DoesNotExist' }, { key: 'y', operator: 'NotIn', values: ['1'] }] }, '!x,y notin (1)'],
    [{ matchExpressions: [{ key: 'x', operator: 'Near' }] }, '<error>'],
  ])('formats the selector %j as %j', (selector, text) => {
    expect(formatLabelSelector(selector)).toBe(text);
  });
});

describe('getConfigMaps', () => {
  it('counts data and binaryData keys', () => {
    expect(getConfigMaps([{ metadata: meta('cfg'), data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, { metadata: meta('empty') }], { now }).stdout).toBe(
      'NAME    DATA   AGE\ncfg     3      5m\nempty   0      5m\n',
    );
  });
});

describe('getAll', () => {
  it('prints one prefixed table per non-empty kind, separated by blank lines', () => {
    const pod = { metadata: meta('web-1'), spec: { containers: [{ name: 'c' }] }, status: { phase: 'Pending' } };
    const out = getAll({ pods: [pod], services: [SERVICES[1]], deployments: [], replicaSets: [] }, { now });
    expect(out).toEqual({
      stdout:
        'NAME        READY   STATUS    RESTARTS   AGE\npod/web-1   0/1     Pending   0          5m\n\n' +
        'NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)    AGE\nservice/db   ClusterIP   None         <none>        5432/TCP   5m\n',
      stderr: '',
    });
  });

  it('says "No resources found" when every kind is empty', () => {
    expect(getAll({ pods: [], services: [], deployments: [], replicaSets: [] }, { now })).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n' });
  });
});
