import { describe, it, expect } from 'vitest';
import { createCluster } from './cluster.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';
import { requestPod } from './network.ts';

describe('network', () => {
  it('refuses node ports until a handler is registered, then routes through it', () => {
    const c = createCluster({ images: testCatalog(), nodes: 1 });
    c.apply({ ...podManifest('web', { image: 'nginx:1.27' }), metadata: { name: 'web', labels: { app: 'web' } } });
    c.runUntilSettled();
    expect(c.request({ from: 'outside' }, 'http://node-1:30080/')).toMatchObject({ ok: false, error: 'connect: connection refused' });
    c.internals.network.nodePortHandlers.push((node, target, ctx) => {
      if (target.port !== 30080) return undefined;
      const pod = ctx.store.get({ kind: 'Pod', namespace: 'default', name: 'web' })!;
      return requestPod(pod, 80, target.path, ctx, [`node/${String(node.metadata.name)}:30080`]);
    });
    const res = c.request({ from: 'outside' }, 'http://10.0.0.11:30080/healthz');
    expect(res).toMatchObject({ ok: true, status: 200, body: 'ok', servedBy: { pod: 'web', container: 'web-ctr' } });
    expect(res.path[0]).toBe('from outside the cluster');
    expect(res.path[1]).toBe('node/node-1:30080');
    expect(c.request({ from: 'outside' }, 'http://node-1:30081/').error).toBe('connect: connection refused');
  });

  it('lets host resolvers answer other names (Services later) and reports bad sources and URLs', () => {
    const c = createCluster({ images: testCatalog(), nodes: 1 });
    c.internals.network.hostResolvers.push((target) => (target.host === 'web.default.svc.cluster.local' ? { ok: true, status: 200, body: 'svc', path: ['service/web'] } : undefined));
    expect(c.request({ from: 'outside' }, 'http://web.default.svc.cluster.local/')).toMatchObject({ ok: true, body: 'svc' });
    expect(c.request({ from: { pod: 'ghost' } }, 'http://localhost/').error).toBe('pod "ghost" is not running');
    expect(c.request({ from: 'outside' }, 'not a url').ok).toBe(false);
    expect(c.request({ from: 'outside' }, 'http://10.1.2.3:80/').error).toBe('connect: no route to host');
  });

  it('reaches a pod through its hostPort on its node only', () => {
    const c = createCluster({ images: testCatalog(), nodes: 2 });
    c.apply(podManifest('hp', { image: 'nginx:1.27', ports: [{ containerPort: 80, hostPort: 8088 }] }, { nodeName: 'node-2' }));
    c.runUntilSettled();
    expect(c.request({ from: 'outside' }, 'http://node-2:8088/')).toMatchObject({ ok: true, body: 'Welcome to nginx!', servedBy: { pod: 'hp' } });
    expect(c.request({ from: 'outside' }, 'http://node-1:8088/').error).toBe('connect: connection refused');
  });
});
