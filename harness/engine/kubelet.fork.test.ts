import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster, type SimCluster } from './cluster.ts';
import { expectForkEquivalent } from './fork-testing.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';

const images = testCatalog();
const APP = 'nigelpoulton/getting-started-k8s:1.0';

interface Status {
  phase?: string;
  podIP?: string;
  conditions?: { type: string; status: string }[];
  containerStatuses?: { restartCount: number; ready: boolean; state: unknown; lastState?: unknown; containerID?: string }[];
  initContainerStatuses?: { restartCount: number; state: unknown }[];
}

const statusOf = (c: SimCluster, name: string): Status | undefined => c.get({ kind: 'Pod', namespace: 'default', name })?.status as Status | undefined;

/** Builds a cluster that applies `pods` and runs `seconds`; the fork is taken there. */
const after =
  (seconds: number, pods: KubeObject[], nodes = 1, seed = 41): (() => SimCluster) =>
  () => {
    const c = createCluster({ nodes, images, seed });
    for (const p of pods) c.apply(p);
    c.advance(seconds);
    return c;
  };

/** Samples the statuses of `names` every `step` seconds, `times` times. */
const sample = (c: SimCluster, names: string[], step: number, times: number): unknown[] => {
  const out: unknown[] = [];
  for (let i = 0; i < times; i++) {
    c.advance(step);
    out.push([c.now, names.map((n) => statusOf(c, n))]);
  }
  return out;
};

describe('fork state of the kubelet', () => {
  it.each([
    ['during the first back-off wait', 12],
    ['deep in the loop (back-off doubled several times)', 200],
  ])('a fork taken %s restarts the crashing container on the same schedule (crash back-off, restart counts, lastState)', (_, seconds) => {
    const trace = expectForkEquivalent(after(seconds, [podManifest('crashy', { image: 'nigelpoulton/getting-started-k8s:crash' })]), (c) => sample(c, ['crashy'], 15, 30));
    expect(trace).toContain('CrashLoopBackOff');
    expect(trace).toMatch(/"restartCount":[4-9]/);
  });

  it('a fork keeps an ImagePullBackOff growing and starts the container once the image is fixed (pull back-off)', () => {
    const build = after(45, [podManifest('typo', { image: 'nigelpoulton/getting-started-k8s:9.9' })]);
    const trace = expectForkEquivalent(build, (c) => {
      const during = sample(c, ['typo'], 7, 10);
      const pod = c.get({ kind: 'Pod', namespace: 'default', name: 'typo' })!;
      (pod.spec as { containers: { image: string }[] }).containers[0]!.image = APP;
      c.update(pod);
      c.advance(30);
      return { during, fixed: statusOf(c, 'typo') };
    });
    expect(trace).toContain('ImagePullBackOff');
    expect(trace).toContain('"phase":"Running"');
  });

  it('a fork keeps failing a liveness probe and restarting, while readiness stays false (probe counters and timers)', () => {
    const probed = podManifest('sick', {
      image: APP,
      livenessProbe: { httpGet: { path: '/', port: 9999 }, periodSeconds: 3, failureThreshold: 2 },
      readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 2, successThreshold: 2 },
    });
    const trace = expectForkEquivalent(after(7, [probed]), (c) => sample(c, ['sick'], 1, 40));
    expect(trace).toContain('Liveness probe failed');
    expect(trace).toContain('failed liveness probe, will be restarted');
  });

  it('a fork keeps a startup probe gating readiness (startup probe state, network epoch)', () => {
    const gated = podManifest('slow', {
      image: APP,
      startupProbe: { tcpSocket: { port: 8080 }, periodSeconds: 1, failureThreshold: 30 },
      readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 5 },
    });
    const trace = expectForkEquivalent(after(3, [gated]), (c) => {
      const s = sample(c, ['slow'], 1, 12);
      return { s, answer: c.request({ from: 'outside' }, `http://${String(statusOf(c, 'slow')?.podIP)}:8080/`).status };
    });
    expect(trace).toContain('"ready":true');
  });

  it('a fork runs init containers in order and retries a failing one with back-off (init container runtimes)', () => {
    const init = podManifest('boot', { image: APP }, { initContainers: [{ name: 'ok', image: 'busybox:latest' }, { name: 'bad', image: 'busybox:fail' }] });
    const good = podManifest('good', { image: APP }, { initContainers: [{ name: 'ok', image: 'busybox:latest' }] });
    const trace = expectForkEquivalent(after(4, [init, good]), (c) => sample(c, ['boot', 'good'], 5, 20));
    expect(trace).toContain('PodInitializing');
    expect(trace).toContain('"exitCode":3');
  });

  it('a fork pulls nothing a node already has, and still pulls an imagePullPolicy Always image (per-node image caches)', () => {
    const build = after(30, [podManifest('first', { image: APP }, { nodeName: 'node-1' })], 2);
    const trace = expectForkEquivalent(build, (c) => {
      c.apply(podManifest('same-node', { image: APP }, { nodeName: 'node-1' }));
      c.apply(podManifest('other-node', { image: APP }, { nodeName: 'node-2' }));
      c.apply(podManifest('always', { image: APP, imagePullPolicy: 'Always' }, { nodeName: 'node-1' }));
      c.apply(podManifest('never', { image: APP, imagePullPolicy: 'Never' }, { nodeName: 'node-2' }));
      return sample(c, ['same-node', 'other-node', 'always', 'never'], 1, 6);
    });
    expect(trace).toContain('already present on machine');
    expect(trace).toContain('ErrImageNeverPull');
  });

  it('a fork taken while a node is stopped does nothing there until it starts, then resumes its Pods (stopped nodes)', () => {
    const build = (): SimCluster => {
      const pods = [podManifest('crashy', { image: 'nigelpoulton/getting-started-k8s:crash' }, { nodeName: 'node-2' }), podManifest('fine', { image: APP }, { nodeName: 'node-2' })];
      const c = after(40, pods, 2, 43)();
      c.fault({ type: 'stopNode', node: 'node-2' });
      c.advance(10);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      // A stopped node's kubelet crashes nothing and syncs nothing, even when the node lifecycle touches its Pods.
      c.fault({ type: 'crashContainer', pod: 'fine' });
      const stopped = sample(c, ['crashy', 'fine'], 10, 8);
      c.fault({ type: 'startNode', node: 'node-2' });
      return { stopped, started: sample(c, ['crashy', 'fine'], 5, 12) };
    });
    expect(trace).toContain('NodeNotReady');
  });

  it('a fork crashes a running container and deletes a Pod gracefully as the original would (crashContainer fault, stop timers)', () => {
    const build = after(20, [podManifest('a', { image: APP }), podManifest('b', { image: APP })], 1, 44);
    const trace = expectForkEquivalent(build, (c) => {
      c.fault({ type: 'crashContainer', pod: 'a', exitCode: 2 });
      c.fault({ type: 'deletePod', pod: 'b' });
      const s = sample(c, ['a', 'b'], 1, 15);
      return { s, ips: c.list('Pod').map((p) => (p.status as Status | undefined)?.podIP ?? null) };
    });
    expect(trace).toContain('"exitCode":2');
  });

  it('a fork taken right after a status write, at the same instant, answers the pending kubelet sync as the original would (quiet-sync memo)', () => {
    // Stop as soon as the kubelet has written a status at the current instant: its own follow-up sync is still queued.
    const build = (): SimCluster => {
      const c = createCluster({ nodes: 1, images, seed: 45 });
      c.apply(podManifest('p', { image: APP, readinessProbe: { httpGet: { path: '/', port: 8080 }, periodSeconds: 1 } }));
      c.advance(3);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      const next = c.nextEventAt?.();
      c.advance(0);
      return { next, s: sample(c, ['p'], 1, 5) };
    });
    expect(trace).toContain('"ready":true');
  });
});
