import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster, restoreCluster } from './cluster.ts';
import { expectForkEquivalent, refusePodCreates } from './fork-testing.ts';
import { appDeployment, appService, testCatalog } from './testing-helpers.ts';

const images = testCatalog();

const deployment = appDeployment;
const service = (name: string, nodePort: number): KubeObject => appService(name, { type: 'NodePort', ports: [{ port: 80, targetPort: 8080, nodePort }] });

function settledWeb(seed = 7) {
  const c = createCluster({ nodes: 3, images, seed });
  c.apply(deployment('web', 5));
  c.apply(service('web', 31111));
  c.runUntilSettled({ horizonSeconds: 300 });
  return c;
}

describe('cluster snapshot and restore', () => {
  it('a fork of a settled Deployment answers, deletes, replaces and names Pods exactly as the original would', () => {
    const trace = expectForkEquivalent(settledWeb, (c) => {
      const answers = [1, 2, 3].map(() => c.request({ from: 'outside' }, 'http://node-1:31111/'));
      const victim = c.list('Pod').find((p) => p.metadata.namespace === 'default')!.metadata.name!;
      c.fault({ type: 'deletePod', pod: victim });
      c.advance(5);
      const during = c.request({ from: 'outside' }, 'http://node-2:31111/');
      c.runUntilSettled({ horizonSeconds: 120 });
      return { answers, during, pods: c.list('Pod').map((p) => p.metadata.name) };
    });
    // The scenario did what it says: a replacement Pod was created after the fork.
    expect(trace).toContain('"type":"DELETED"');
  });

  it('a fork keeps rolling out and scaling as the original would', () => {
    expectForkEquivalent(settledWeb, (c) => {
      const d = c.get({ kind: 'Deployment', namespace: 'default', name: 'web' })!;
      (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nigelpoulton/getting-started-k8s:2.0';
      (d.spec as { replicas: number }).replicas = 3;
      c.update(d);
      c.advance(7);
      const mid = c.list('ReplicaSet').map((r) => [r.metadata.name, r.status]);
      c.runUntilSettled({ horizonSeconds: 300 });
      return mid;
    });
  });

  it('a fork continues a crash loop with the same back-off, restart counts and container ids (kubelet runtimes)', () => {
    const crashing = () => {
      const c = createCluster({ nodes: 2, images, seed: 11 });
      c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'crashy' }, spec: { containers: [{ name: 'app', image: 'nigelpoulton/getting-started-k8s:crash' }] } });
      c.advance(90);
      return c;
    };
    const trace = expectForkEquivalent(crashing, (c) => {
      c.advance(400);
      const pod = c.get({ kind: 'Pod', namespace: 'default', name: 'crashy' })!;
      return (pod.status as { containerStatuses: { restartCount: number; state: unknown }[] }).containerStatuses[0];
    });
    expect(trace).toContain('BackOff');
  });

  it('a fork answers on the Pods the original started, pulls nothing it already has and keeps probing (kubelet runtimes, image caches, probes)', () => {
    const probed = () => {
      const c = createCluster({ nodes: 1, images, seed: 12 });
      c.apply(deployment('web', 2, { minReadySeconds: 3 }));
      const d = c.get({ kind: 'Deployment', namespace: 'default', name: 'web' })!;
      (d.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec.containers[0]!.readinessProbe = { httpGet: { path: '/', port: 8080 }, periodSeconds: 2 };
      c.update(d);
      c.apply(service('web', 31112));
      c.runUntilSettled({ horizonSeconds: 300 });
      return c;
    };
    const trace = expectForkEquivalent(probed, (c) => {
      const pods = c.list('Pod').filter((p) => p.metadata.namespace === 'default');
      const direct = pods.map((p) => c.request({ from: 'outside' }, `http://${String(p.status?.podIP)}:8080/`));
      c.fault({ type: 'crashContainer', pod: pods[0]!.metadata.name! });
      c.advance(3);
      const during = c.request({ from: 'outside' }, 'http://node-1:31112/');
      c.apply(deployment('extra', 1));
      c.runUntilSettled({ horizonSeconds: 120 });
      return { direct, during };
    });
    expect(trace).toContain('already present on machine');
  });

  it('a fork retries an unschedulable Pod as the original would (scheduler cache, attempts, back-off)', () => {
    const pending = () => {
      const c = createCluster({ nodes: 2, images, seed: 13 });
      c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'big' }, spec: { containers: [{ name: 'app', image: 'nigelpoulton/getting-started-k8s:1.0', resources: { requests: { cpu: '3' } } }] } });
      c.apply(deployment('web', 3));
      c.advance(30);
      return c;
    };
    const trace = expectForkEquivalent(pending, (c) => {
      c.apply(deployment('more', 2));
      c.advance(20);
      c.delete({ kind: 'Deployment', namespace: 'default', name: 'web' });
      c.runUntilSettled({ horizonSeconds: 120 });
      return c.list('Pod').map((p) => [p.metadata.name, p.spec?.nodeName ?? null]);
    });
    expect(trace).toContain('FailedScheduling');
  });

  it('a fork keeps kube-proxy where it was: the same endpoint draws and the same ClientIP session affinity', () => {
    const pinned = () => {
      const c = createCluster({ nodes: 3, images, seed: 14 });
      c.apply(deployment('web', 4));
      const svc = service('web', 31113);
      (svc.spec as Record<string, unknown>).sessionAffinity = 'ClientIP';
      c.apply(svc);
      c.apply(deployment('other', 3));
      c.apply(service('other', 31114));
      c.runUntilSettled({ horizonSeconds: 300 });
      // Requests before the snapshot move kube-proxy's random stream and pin the outside client to a Pod.
      for (let i = 0; i < 3; i++) c.request({ from: 'outside' }, 'http://node-1:31113/');
      c.request({ from: 'outside' }, 'http://node-1:31114/');
      return c;
    };
    const trace = expectForkEquivalent(pinned, (c) => {
      const served = (url: string) => Array.from({ length: 6 }, () => c.request({ from: 'outside' }, url)).map((r) => (r.ok ? r.servedBy?.pod : r.error));
      const pod = c.list('Pod').find((p) => p.metadata.name?.startsWith('web-'))!.metadata.name!;
      // The API server and cluster DNS are hosts kube-proxy knows from the nodes (read once the store is loaded).
      const apiserver = c.request({ from: { pod } }, 'http://10.152.183.1:443/healthz');
      return { sticky: served('http://node-2:31113/'), spread: served('http://node-3:31114/'), apiserver };
    });
    expect(trace).toContain('"body":"ok"');
    expect(new Set((JSON.parse(trace) as { returned: { sticky: string[] } }).returned.sticky).size).toBe(1);
  });

  it('a fork of a cluster with a stopped node taints, evicts and force-deletes on the same schedule (node health, taint eviction, PodGC)', () => {
    const down = () => {
      const c = createCluster({ nodes: 3, images, seed: 15 });
      c.apply(deployment('web', 3));
      c.runUntilSettled({ horizonSeconds: 300 });
      c.fault({ type: 'stopNode', node: 'node-2' });
      c.advance(70);
      return c;
    };
    const trace = expectForkEquivalent(down, (c) => {
      c.advance(400);
      c.fault({ type: 'startNode', node: 'node-2' });
      c.runUntilSettled({ horizonSeconds: 300 });
      return c.list('Pod').map((p) => [p.metadata.name, p.spec?.nodeName ?? null]);
    });
    expect(trace).toContain('TaintManagerEviction');
  });

  it('a fork force-deletes the Pods of a deleted Node when the original would (PodGC quarantine)', () => {
    const nodeGone = () => {
      const c = createCluster({ nodes: 3, images, seed: 17 });
      c.apply(deployment('web', 3));
      c.runUntilSettled({ horizonSeconds: 300 });
      c.delete({ kind: 'Node', namespace: '', name: 'node-3' });
      c.advance(25);
      return c;
    };
    const trace = expectForkEquivalent(nodeGone, (c) => {
      c.advance(60);
      return c.list('Pod').map((p) => [p.metadata.name, p.spec?.nodeName ?? null, p.status?.phase ?? null]);
    });
    expect(trace).toContain('DeletionByPodGC');
  });

  it('a fork retries a ReplicaSet whose Pod creations fail with the same growing back-off (its failure counts)', () => {
    const refusing = () => {
      const c = createCluster({ nodes: 2, images, seed: 18 });
      refusePodCreates(c, 30_000);
      c.apply(deployment('web', 2));
      c.advance(2);
      return c;
    };
    const trace = expectForkEquivalent(refusing, (c) => {
      // A second identical hook on the clusters that kept theirs refuses exactly the same writes.
      refusePodCreates(c, 30_000);
      c.runUntilSettled({ horizonSeconds: 600 });
      return c.list('Pod').map((p) => p.metadata.creationTimestamp);
    });
    expect(trace).toContain('FailedCreate');
  });

  it('a fork backs a failing Job off as the original would (the Job controller\'s failure records)', () => {
    const failing = () => {
      const c = createCluster({ nodes: 2, images, seed: 16 });
      c.apply({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'flaky' }, spec: { backoffLimit: 4, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'job', image: 'busybox:fail' }] } } } });
      c.advance(40);
      return c;
    };
    const trace = expectForkEquivalent(failing, (c) => {
      c.runUntilSettled({ horizonSeconds: 900 });
      return c.get({ kind: 'Job', namespace: 'default', name: 'flaky' })?.status;
    });
    expect(trace).toContain('BackoffLimitExceeded');
  });

  it('a fork does the same work as the original, not only the same writes (the garbage collector\'s owner memory)', () => {
    expectForkEquivalent(settledWeb, (c) => {
      const counts = new Map<string, number>();
      for (const ctl of c.internals.controllers.all()) {
        const reconcile = ctl.reconcile.bind(ctl);
        ctl.reconcile = (req, ctx) => {
          counts.set(ctl.name, (counts.get(ctl.name) ?? 0) + 1);
          return reconcile(req, ctx);
        };
      }
      const victim = c.list('Pod').find((p) => p.metadata.namespace === 'default')!.metadata.name!;
      c.fault({ type: 'deletePod', pod: victim });
      c.runUntilSettled({ horizonSeconds: 120 });
      return [...counts].sort();
    });
  });

  it('a snapshot restores only into a cluster built with the same options', () => {
    const snap = settledWeb().snapshot();
    const bad = { ...snap, parts: snap.parts.slice(1) };
    expect(() => restoreCluster(bad)).toThrow(/cannot restore a snapshot of other parts/);
  });
});
