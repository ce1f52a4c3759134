import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { ClusterOptions } from '../types.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';

function pod(name: string, labels: Record<string, string>, container: Record<string, unknown> = {}, spec: Record<string, unknown> = {}): KubeObject {
  const p = podManifest(name, { image: WEB, ...container }, spec);
  p.metadata.labels = labels;
  return p;
}

function service(name: string, spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }], ...spec } };
}

function cluster(objects: KubeObject[], options: Partial<ClusterOptions> = {}) {
  const c = createCluster({ images: catalog, ...options });
  c.apply(podManifest('client', { image: 'nginx:1.27' }, { nodeName: 'node-3' }));
  for (const o of objects) expect(c.apply(o).ok).toBe(true);
  c.runUntilSettled({ horizonSeconds: 60 });
  return c;
}

const fromClient = { from: { pod: 'client' } } as const;
const outside = { from: 'outside' } as const;

describe('kube-proxy routing', () => {
  it('routes http://<node>:<nodePort>/ from outside to a ready endpoint, naming each hop', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }, {}, { nodeName: 'node-1' }), service('ps-nodeport', { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort: 31111 }] })]);
    const ip = c.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })!.status.podIP;
    const res = c.request(outside, 'http://node-2:31111/');
    expect(res).toEqual({
      ok: true,
      status: 200,
      body: '<h1>Hello</h1>',
      servedBy: { pod: 'hello-pod', namespace: 'default', container: 'web-ctr' },
      path: ['from outside the cluster', 'node-2:31111 (NodePort of service/ps-nodeport)', `endpoint ${ip}:8080 (pod/hello-pod)`, 'container web-ctr'],
    });
    expect(c.request(outside, 'http://10.0.0.13:31111/').ok).toBe(true);
    expect(c.request(outside, 'http://node-2:31112/').error).toBe('connect: connection refused');
  });

  it('routes ClusterIP and Service names from a Pod through the search path; outside cannot reach a ClusterIP', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }), service('web', {})]);
    const vip = c.get({ kind: 'Service', namespace: 'default', name: 'web' })!.spec.clusterIP;
    for (const url of [`http://${vip}/`, 'http://web/', 'http://web.default/', 'http://web.default.svc/', 'http://web.default.svc.cluster.local/', 'http://web.default.svc.cluster.local./']) {
      const res = c.request(fromClient, url);
      expect(res.ok, url).toBe(true);
      expect(res.body).toBe('<h1>Hello</h1>');
    }
    expect(c.request(fromClient, 'http://web/').path.slice(0, 3)).toEqual(['from pod/client', `web → ${vip} (cluster DNS)`, `${vip}:80 (ClusterIP of service/web)`]);
    expect(c.request(fromClient, 'http://wbe/')).toMatchObject({ ok: false, error: 'lookup wbe on 10.152.183.10:53: no such host' });
    expect(c.request(outside, `http://${vip}/`)).toMatchObject({ ok: false, error: 'connect: no route to host' });
    expect(c.request(outside, 'http://web/')).toMatchObject({ ok: false, error: 'lookup web: no such host' });
    expect(c.request(fromClient, `http://${vip}:81/`)).toMatchObject({ ok: false, error: 'connect: connection timed out' });
  });

  it('refuses connections when a Service has no endpoints and when the image does not listen on the targetPort', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }), service('empty', { selector: { app: 'nope' } }), service('wrong', { ports: [{ port: 80, targetPort: 9999 }] })]);
    const empty = c.request(fromClient, 'http://empty/');
    expect(empty).toMatchObject({ ok: false, error: 'connect: connection refused' });
    expect(empty.path.at(-1)).toBe('service/empty has no endpoints → rejected');
    const wrong = c.request(fromClient, 'http://wrong/');
    expect(wrong).toMatchObject({ ok: false, error: 'connect: connection refused' });
    expect(wrong.path.at(-1)).toBe('nothing listening on 9999/TCP');
  });

  it('falls back to serving terminating endpoints when none is ready', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }), service('web', {})]);
    c.delete({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
    c.advance(0.001);
    const slice = c.list('EndpointSlice', 'default').find((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')!;
    expect((slice.endpoints as Record<string, unknown>[])[0]!.conditions).toEqual({ ready: false, serving: true, terminating: true });
    // The simulated kubelet stops the container at once, so the chosen endpoint refuses; what matters is that it was chosen.
    const res = c.request(fromClient, 'http://web/');
    expect(res.path.some((h) => h.endsWith('(pod/hello-pod)'))).toBe(true);
    expect(res.path).not.toContain('service/web has no endpoints → rejected');
  });

  it('spreads connections uniformly at random and pins them with sessionAffinity ClientIP for the timeout in virtual time (seed 1 pinned)', () => {
    const pods = ['p1', 'p2', 'p3'].map((n) => pod(n, { app: 'web' }));
    const c = cluster([...pods, service('web', {}), { ...service('sticky', { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } } }) }]);
    const counts: Record<string, number> = {};
    for (let i = 0; i < 300; i++) {
      const who = c.request(fromClient, 'http://web/').servedBy!.pod;
      counts[who] = (counts[who] ?? 0) + 1;
    }
    expect(Object.keys(counts).sort()).toEqual(['p1', 'p2', 'p3']);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThan(60);
    const first = c.request(fromClient, 'http://sticky/').servedBy!.pod;
    for (let i = 0; i < 20; i++) expect(c.request(fromClient, 'http://sticky/').servedBy!.pod).toBe(first);
    const outsideFirst = c.request(outside, `http://${c.get({ kind: 'Service', namespace: 'default', name: 'sticky' })!.spec.clusterIP}/`);
    expect(outsideFirst.ok).toBe(false);
    c.advance(61);
    const after = new Set<string>();
    for (let i = 0; i < 30; i++) {
      after.add(c.request(fromClient, 'http://sticky/').servedBy!.pod);
      c.advance(61);
    }
    expect(after.size).toBeGreaterThan(1);
  });

  it('drops NodePort traffic on nodes without a local endpoint under externalTrafficPolicy Local', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }, {}, { nodeName: 'node-1' }), service('local', { type: 'NodePort', externalTrafficPolicy: 'Local', ports: [{ port: 80, targetPort: 8080, nodePort: 30100 }] })]);
    expect(c.request(outside, 'http://node-1:30100/').ok).toBe(true);
    const res = c.request(outside, 'http://node-2:30100/');
    expect(res).toMatchObject({ ok: false, error: 'connect: connection timed out' });
    expect(res.path.at(-1)).toBe('no local endpoint of service/local on node-2 (externalTrafficPolicy: Local) → dropped');
    expect(c.request(fromClient, 'http://node-2:30100/').ok).toBe(true);
  });

  it('keeps in-cluster traffic on the client node under internalTrafficPolicy Local', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }, {}, { nodeName: 'node-1' }), service('itp', { internalTrafficPolicy: 'Local' })]);
    const far = c.request(fromClient, 'http://itp/');
    expect(far).toMatchObject({ ok: false, error: 'connect: connection timed out' });
    expect(far.path.at(-1)).toBe('no local endpoint of service/itp on node-3 (internalTrafficPolicy: Local) → dropped');
    c.apply(podManifest('near', { image: 'nginx:1.27' }, { nodeName: 'node-1' }));
    c.runUntilSettled({ horizonSeconds: 30 });
    expect(c.request({ from: { pod: 'near' } }, 'http://itp/').ok).toBe(true);
  });

  it('does not resolve Service names for Pods with dnsPolicy Default', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }), service('web', {}), podManifest('plain', { image: 'nginx:1.27' }, { dnsPolicy: 'Default' })]);
    expect(c.request({ from: { pod: 'plain' } }, 'http://web/')).toMatchObject({ ok: false, error: 'lookup web on 127.0.0.53:53: no such host' });
    expect(c.resolve({ from: { pod: 'plain' } }, 'web').ok).toBe(false);
  });

  it('serves LoadBalancer IPs from the pool, and nothing while EXTERNAL-IP is pending', () => {
    const c = cluster([pod('hello-pod', { app: 'web' }), service('lb', { type: 'LoadBalancer', ports: [{ port: 8080, targetPort: 8080 }] })], { loadBalancerPool: ['192.168.1.240', '192.168.1.241'] });
    const res = c.request(outside, 'http://192.168.1.240:8080/');
    expect(res.ok).toBe(true);
    expect(res.path[1]).toBe('192.168.1.240:8080 (LoadBalancer IP of service/lb)');
    const nodePort = c.get({ kind: 'Service', namespace: 'default', name: 'lb' })!.spec.ports[0].nodePort;
    expect(c.request(outside, `http://node-3:${nodePort}/`).ok).toBe(true);
  });

  it('routes UDP: udp:// datagrams reach UDP listeners; HTTP to a UDP-only Service fails', () => {
    const c = cluster([
      { ...podManifest('echo', { image: 'udp-echo:1.0' }), metadata: { name: 'echo', labels: { app: 'echo' } } },
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'echo' }, spec: { selector: { app: 'echo' }, ports: [{ port: 53, targetPort: 5353, protocol: 'UDP' }] } },
    ]);
    expect(c.request(fromClient, 'udp://echo:53/ping')).toMatchObject({ ok: true, body: 'ping', servedBy: { pod: 'echo' } });
    expect(c.request(fromClient, 'http://echo:53/')).toMatchObject({ ok: false, error: 'connect: connection timed out' });
  });

  it('sends selector-less Service traffic to user EndpointSlice addresses: known external hosts answer, others have no route', () => {
    const c = cluster(
      [
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'legacy' }, spec: { ports: [{ port: 80, targetPort: 8000 }] } },
        { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'legacy-1', labels: { 'kubernetes.io/service-name': 'legacy' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.168.10.5'] }], ports: [{ name: '', port: 8000, protocol: 'TCP' }] },
        { apiVersion: 'v1', kind: 'Service', metadata: { name: 'gone' }, spec: { ports: [{ port: 80 }] } },
        { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'gone-1', labels: { 'kubernetes.io/service-name': 'gone' } }, addressType: 'IPv4', endpoints: [{ addresses: ['192.168.10.99'] }], ports: [{ name: '', port: 80, protocol: 'TCP' }] },
      ],
      { externalHosts: [{ name: 'legacy-db', ip: '192.168.10.5', port: 8000, http: [{ path: '/', status: 200, body: 'legacy ok' }] }] },
    );
    const res = c.request(fromClient, 'http://legacy/');
    expect(res).toMatchObject({ ok: true, status: 200, body: 'legacy ok' });
    expect(res.path.at(-1)).toBe('endpoint 192.168.10.5:8000 (legacy-db)');
    expect(c.request(fromClient, 'http://gone/')).toMatchObject({ ok: false, error: 'connect: no route to host' });
  });

  it('follows ExternalName CNAMEs inside the cluster and reaches the API server through kubernetes.default', () => {
    const c = cluster([
      pod('hello-pod', { app: 'web' }),
      service('web', {}),
      { apiVersion: 'v1', kind: 'Service', metadata: { name: 'alias' }, spec: { type: 'ExternalName', externalName: 'web.default.svc.cluster.local' } },
    ]);
    const res = c.request(fromClient, 'http://alias/');
    expect(res.ok).toBe(true);
    expect(res.path[1]).toBe('alias → CNAME web.default.svc.cluster.local (cluster DNS)');
    expect(c.request(fromClient, 'https://kubernetes.default/')).toMatchObject({ ok: true, status: 403 });
  });

  it('is deterministic: same seed, same choices (seed 9 pinned)', () => {
    const run = () => {
      const c = cluster(['p1', 'p2', 'p3'].map((n) => pod(n, { app: 'web' })).concat(service('web', {})), { seed: 9 });
      return Array.from({ length: 20 }, () => c.request(fromClient, 'http://web/').servedBy!.pod).join(',');
    };
    expect(run()).toBe(run());
  });
});

describe('kube-proxy randomness', () => {
  it('does not disturb the cluster: requests leave later generated names unchanged (seed 4 pinned)', () => {
    const run = (requests: number) => {
      const c = createCluster({ images: catalog, seed: 4 });
      c.apply(podManifest('client', { image: 'nginx:1.27' }));
      c.apply(pod('p1', { app: 'web' }));
      c.apply(pod('p2', { app: 'web' }));
      c.apply(service('web', {}));
      c.runUntilSettled({ horizonSeconds: 60 });
      for (let i = 0; i < requests; i++) c.request({ from: { pod: 'client' } }, 'http://web/');
      return c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cm-' } }).object!.metadata.name;
    };
    expect(run(5)).toBe(run(0));
  });
});
