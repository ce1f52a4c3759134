import { describe, it, expect } from 'vitest';
import { createCluster } from './cluster.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';
import { reconcileTwice } from './controllers/testing.ts';
import type { KubeObject } from '../core/kube.ts';

const ref = (name: string) => ({ kind: 'Pod', namespace: 'default', name });
const one = () => createCluster({ images: testCatalog(), nodes: 1 });
const timeline = (c: ReturnType<typeof one>) => c.events().map((e) => `${String(e.firstTimestamp).slice(14, 19)} ${String(e.type)} ${String(e.reason)}: ${String(e.message)}`);
const status = (c: ReturnType<typeof one>, name = 'hello-pod') => c.get(ref(name))!.status;
const condition = (pod: { conditions: { type: string; status: string }[] }, type: string) => pod.conditions.find((x) => x.type === type);

describe('kubelet', () => {
  it('runs the happy path with the real event sequence and timestamps', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:1.0' }));
    expect(c.runUntilSettled()).toEqual({ settled: true, reason: 'settled', time: 4000 });
    expect(timeline(c)).toEqual([
      '00:00 Normal Scheduled: Successfully assigned default/hello-pod to node-1',
      '00:01 Normal Pulling: Pulling image "nigelpoulton/getting-started-k8s:1.0"',
      '00:03 Normal Pulled: Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 2s (2s including waiting). Image size: 71234567 bytes.',
      '00:03 Normal Created: Created container: web-ctr',
      '00:03 Normal Started: Started container web-ctr',
    ]);
    const e = c.events()[1]!;
    expect(e).toMatchObject({ source: { component: 'kubelet', host: 'node-1' }, involvedObject: { kind: 'Pod', name: 'hello-pod', namespace: 'default', fieldPath: 'spec.containers{web-ctr}' }, count: 1 });
    expect(String(e.metadata.name)).toMatch(/^hello-pod\.[0-9a-f]{16}$/);
    const s = status(c);
    expect(s.phase).toBe('Running');
    expect(s.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual(['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
    expect(condition(s, 'Ready')).toMatchObject({ lastTransitionTime: '2026-01-01T00:00:03Z' });
    expect(s.hostIP).toBe('10.0.0.11');
    expect(s.podIP).toMatch(/^10\.1\.\d+\.\d+$/);
    expect(s.startTime).toBe('2026-01-01T00:00:00Z');
    expect(s.containerStatuses[0]).toMatchObject({ name: 'web-ctr', ready: true, restartCount: 0, started: true, state: { running: { startedAt: '2026-01-01T00:00:03Z' } }, image: 'docker.io/nigelpoulton/getting-started-k8s:1.0' });
  });

  // As in Kubernetes: without a readiness probe a running container is Ready at once, even while its
  // app is still starting and refuses connections (the gap a readiness probe closes).
  it('is Ready without a readiness probe as soon as it runs, before the app listens', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:1.0' }));
    c.advance(3);
    expect(status(c).phase).toBe('Running');
    expect(condition(status(c), 'Ready')?.status).toBe('True');
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://localhost:8080/').error).toBe('connect: connection refused');
    c.advance(1);
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://localhost:8080/').status).toBe(200);
  });

  it('reports "already present" for a second pod on the same node, and pulls again with Always', () => {
    const c = one();
    c.apply(podManifest('a', { image: 'nginx:1.27' }));
    c.runUntilSettled();
    c.apply(podManifest('b', { image: 'nginx:1.27' }));
    c.apply(podManifest('d', { image: 'nginx:1.27', imagePullPolicy: 'Always' }));
    c.runUntilSettled();
    const about = (name: string) => c.events().filter((e) => (e.involvedObject as { name: string }).name === name && String(e.reason).startsWith('Pull')).map((e) => String(e.message));
    expect(about('b')).toEqual(['Container image "nginx:1.27" already present on machine']);
    expect(about('d')).toEqual(['Pulling image "nginx:1.27"', 'Successfully pulled image "nginx:1.27" in 3s (3s including waiting). Image size: 62958873 bytes.']);
  });

  it('backs off image pulls 10s, 20s, 40s… for an unknown tag', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginxx:1' }));
    expect(c.runUntilSettled({ horizonSeconds: 200 }).reason).toBe('horizon');
    const pulling = c.events().find((e) => e.reason === 'Pulling')!;
    expect(pulling.count).toBe(5);
    const log = timeline(c);
    expect(log.slice(1)).toEqual([
      '00:01 Normal Pulling: Pulling image "nginxx:1"',
      '00:02 Warning Failed: Failed to pull image "nginxx:1": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginxx:1": failed to resolve reference "docker.io/library/nginxx:1": docker.io/library/nginxx:1: not found',
      '00:02 Warning Failed: Error: ErrImagePull',
      '00:03 Normal BackOff: Back-off pulling image "nginxx:1"',
      '00:03 Warning Failed: Error: ImagePullBackOff',
    ]);
    // Pull attempts at 1, 12, 33, 74, 155 s: each waits double the previous back-off after a failure.
    expect(pulling.lastTimestamp).toBe('2026-01-01T00:02:35Z');
    const s = status(c);
    expect(s.phase).toBe('Pending');
    expect(s.containerStatuses[0].state).toEqual({ waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "nginxx:1"' } });
  });

  it('shows ErrImagePull right after a failed pull', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginxx:1' }));
    c.advance(2);
    expect(status(c).containerStatuses[0].state.waiting.reason).toBe('ErrImagePull');
  });

  it('reports InvalidImageName for an unparseable reference and stops', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'Nginx' }));
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(c.events().map((e) => e.reason)).toEqual(['Scheduled', 'InspectFailed', 'Failed']);
    expect(status(c).containerStatuses[0].state.waiting.reason).toBe('InvalidImageName');
  });

  it('crash-loops with back-off 10, 20, 40 s and counts restarts', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:crash' }));
    // started 3, exit 8 → restart at once; exit 13 → wait 10; start 23, exit 28 → wait 20; start 48, exit 53 → wait 40; start 93.
    c.advance(13);
    let s = status(c);
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses[0].restartCount).toBe(1);
    expect(s.containerStatuses[0].state.waiting).toEqual({ reason: 'CrashLoopBackOff', message: `back-off 10s restarting failed container=web-ctr pod=hello-pod_default(${String(c.get(ref('hello-pod'))!.metadata.uid)})` });
    expect(s.containerStatuses[0].lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error', message: 'panic', startedAt: '2026-01-01T00:00:08Z', finishedAt: '2026-01-01T00:00:13Z' });
    c.advance(10);
    s = status(c);
    expect(s.containerStatuses[0].restartCount).toBe(2);
    expect(s.containerStatuses[0].state.running.startedAt).toBe('2026-01-01T00:00:23Z');
    c.advance(25);
    expect(status(c).containerStatuses[0].state.running.startedAt).toBe('2026-01-01T00:00:48Z');
    c.advance(44);
    expect(status(c).containerStatuses[0].state.waiting.reason).toBe('CrashLoopBackOff');
    c.advance(1);
    expect(status(c).containerStatuses[0]).toMatchObject({ restartCount: 4, state: { running: { startedAt: '2026-01-01T00:01:33Z' } } });
    const backOff = c.events().find((e) => e.reason === 'BackOff')!;
    expect(backOff).toMatchObject({ type: 'Warning', count: 3 });
    expect(c.runUntilSettled({ horizonSeconds: 3600 }).reason).toBe('horizon');
  });

  it.each([
    ['Never', 0, 'Succeeded', 'Completed'],
    ['Never', 3, 'Failed', 'Error'],
    ['OnFailure', 0, 'Succeeded', 'Completed'],
  ])('restartPolicy %s with exit %i → %s', (policy, code, phase, reason) => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: code === 0 ? 'busybox' : 'busybox:fail' }, { restartPolicy: policy }));
    expect(c.runUntilSettled().reason).toBe('settled');
    const s = status(c);
    expect(s.phase).toBe(phase);
    expect(s.containerStatuses[0].state.terminated).toMatchObject({ exitCode: code, reason });
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed' });
  });

  it('makes the second container on the same port exit with address already in use', () => {
    const c = one();
    c.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'hello-pod' },
      spec: {
        containers: [
          { name: 'web-ctr', image: 'nginx:1.27' },
          { name: 'side-ctr', image: 'nginx:1.27' },
        ],
      },
    });
    c.advance(30);
    const s = status(c);
    const side = s.containerStatuses.find((x: { name: string }) => x.name === 'side-ctr');
    expect(side.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error', message: 'listen tcp :80: bind: address already in use' });
    expect(side.restartCount).toBeGreaterThanOrEqual(2);
    expect(side.state.waiting.reason).toBe('CrashLoopBackOff');
    expect(s.containerStatuses.find((x: { name: string }) => x.name === 'web-ctr').ready).toBe(true);
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', message: 'containers with unready status: [side-ctr]' });
  });

  it('lets an env var move the port and serves localhost requests between containers', () => {
    const c = one();
    c.apply({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'hello-pod' },
      spec: {
        containers: [
          { name: 'web-ctr', image: 'nigelpoulton/getting-started-k8s:1.0' },
          { name: 'side-ctr', image: 'nginx:1.27', env: [{ name: 'NGINX_PORT', value: '9090' }] },
        ],
      },
    });
    c.runUntilSettled();
    expect(condition(status(c), 'Ready')?.status).toBe('True');
    const fromSide = c.request({ from: { pod: 'hello-pod', container: 'side-ctr' } }, 'http://localhost:8080/');
    expect(fromSide).toMatchObject({ ok: true, status: 200, body: '<h1>Hello</h1>', servedBy: { pod: 'hello-pod', namespace: 'default', container: 'web-ctr' } });
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://127.0.0.1:9090/healthz')).toMatchObject({ ok: true, body: 'ok', servedBy: { container: 'side-ctr' } });
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://localhost:9090/nope')).toMatchObject({ ok: true, status: 404, body: 'Not Found' });
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://localhost:80/')).toMatchObject({ ok: false, error: 'connect: connection refused' });
  });

  it('keeps a pod unready when the readiness probe targets a port nobody listens on', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', readinessProbe: { httpGet: { port: 8080, path: '/' }, periodSeconds: 5 } }));
    expect(c.runUntilSettled().reason).toBe('settled');
    const s = status(c);
    expect(s.phase).toBe('Running');
    expect(s.containerStatuses[0].ready).toBe(false);
    expect(condition(s, 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady' });
    const unhealthy = c.events().find((e) => e.reason === 'Unhealthy')!;
    expect(unhealthy.message).toBe(`Readiness probe failed: Get "http://${String(s.podIP)}:8080/": dial tcp ${String(s.podIP)}:8080: connect: connection refused`);
    expect(unhealthy.count).toBe(3);
  });

  it('becomes ready when the readiness probe passes', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', readinessProbe: { httpGet: { port: 80, path: '/healthz' }, initialDelaySeconds: 5 } }));
    c.advance(8);
    expect(status(c).containerStatuses[0].ready).toBe(false);
    c.advance(1);
    expect(status(c).containerStatuses[0].ready).toBe(true);
    expect(c.runUntilSettled().reason).toBe('settled');
  });

  it('restarts a container whose liveness probe fails', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', livenessProbe: { httpGet: { port: 80, path: '/missing' }, periodSeconds: 10, failureThreshold: 3 } }));
    c.advance(40);
    const reasons = c.events().map((e) => `${String(e.reason)}: ${String(e.message)}`);
    expect(reasons).toContain('Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 404');
    expect(reasons).toContain('Killing: Container web-ctr failed liveness probe, will be restarted');
    expect(status(c).containerStatuses[0].restartCount).toBe(1);
  });

  it('rejects a pod whose user-set nodeName does not fit (kubelet admission)', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', resources: { requests: { cpu: '4' } } }, { nodeName: 'node-1' }));
    c.runUntilSettled();
    const s = status(c);
    expect(s).toMatchObject({ phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 4000, used: 0, capacity: 2000" });
    expect(c.events().map((e) => e.reason)).toEqual(['OutOfcpu']);
    c.apply(podManifest('picky', { image: 'nginx:1.27' }, { nodeName: 'node-1', nodeSelector: { disk: 'ssd' } }));
    c.runUntilSettled();
    expect(status(c, 'picky')).toMatchObject({ phase: 'Failed', reason: 'NodeAffinity', message: 'Pod was rejected: Predicate NodeAffinity failed' });
  });

  it('leaves a pod bound to an unknown node Pending (until PodGC deletes it at 40s)', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27' }, { nodeName: 'node-9' }));
    c.advance(39);
    expect(status(c).phase).toBe('Pending');
    expect(c.events()).toEqual([]);
  });

  it('answers nothing on UDP ports and gives no route for unknown IPs', () => {
    const c = one();
    c.apply(podManifest('udp', { image: 'udp-echo:1.0' }));
    c.apply(podManifest('client', { image: 'nginx:1.27' }));
    c.runUntilSettled();
    const ip = String(status(c, 'udp').podIP);
    expect(c.request({ from: { pod: 'client' } }, `http://${ip}:5353/`).error).toBe('connect: connection refused');
    expect(c.request({ from: { pod: 'client' } }, `http://${String(status(c, 'client').podIP)}:80/`).ok).toBe(true);
    expect(c.request({ from: { pod: 'client' } }, 'http://10.9.9.9/').error).toBe('connect: no route to host');
    const before = c.watchLog().length;
    c.request({ from: 'outside' }, 'http://node-1:31111/');
    expect(c.watchLog().length).toBe(before);
  });

  it('writes nothing when reconciling the same pod twice', () => {
    const names = ['happy', 'crash', 'missing'];
    const c = one();
    c.apply(podManifest('happy', { image: 'nginx:1.27', readinessProbe: { tcpSocket: { port: 80 } } }));
    c.apply(podManifest('crash', { image: 'nigelpoulton/getting-started-k8s:crash' }));
    c.apply(podManifest('missing', { image: 'nginxx:1' }));
    const kubelet = c.internals.controllers.get('kubelet')!;
    for (let t = 0; t < 30; t++) {
      c.advance(1);
      for (const name of names) {
        const res = reconcileTwice(kubelet, ref(name), c.internals.context);
        expect(res.secondWrites).toBe(0);
        expect(res.secondEvents).toBe(0);
      }
    }
    const pods: KubeObject[] = c.list('Pod');
    expect(pods.map((p) => p.status.phase)).toEqual(['Running', 'Running', 'Pending']);
  });
});

describe('kubelet: spec changes', () => {
  it('restarts a container whose image is updated and recovers from a bad image', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginxx:1' }));
    c.advance(5);
    expect(status(c).containerStatuses[0].state.waiting.reason).toBe('ImagePullBackOff');
    c.apply(podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:1.0' }));
    c.runUntilSettled();
    expect(status(c).containerStatuses[0]).toMatchObject({ ready: true, restartCount: 0, image: 'docker.io/nigelpoulton/getting-started-k8s:1.0' });
    c.apply(podManifest('hello-pod', { image: 'nigelpoulton/getting-started-k8s:2.0' }));
    c.runUntilSettled();
    expect(c.events().map((e) => e.message)).toContain('Container web-ctr definition changed, will be restarted');
    expect(status(c).containerStatuses[0]).toMatchObject({ ready: true, restartCount: 1 });
    expect(c.request({ from: { pod: 'hello-pod' } }, 'http://localhost:8080/').body).toBe('v2');
  });
});

describe('kubelet: init containers', () => {
  const withInit = (initImage: string, restartPolicy = 'Always') => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'hello-pod' },
    spec: { restartPolicy, initContainers: [{ name: 'init-ctr', image: initImage }], containers: [{ name: 'web-ctr', image: 'nginx:1.27' }] },
  });

  it('runs init containers to completion before the app containers', () => {
    const c = one();
    c.apply(withInit('busybox'));
    c.advance(3);
    let s = status(c);
    expect(s.phase).toBe('Pending');
    expect(condition(s, 'Initialized')).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-ctr]' });
    expect(s.containerStatuses[0].state.waiting.reason).toBe('PodInitializing');
    expect(s.initContainerStatuses[0].state.running).toBeDefined();
    c.runUntilSettled();
    s = status(c);
    expect(s.phase).toBe('Running');
    expect(condition(s, 'Initialized')?.status).toBe('True');
    expect(s.initContainerStatuses[0]).toMatchObject({ ready: true, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    const order = c.events().filter((e) => e.reason === 'Started').map((e) => (e.involvedObject as { fieldPath: string }).fieldPath);
    expect(order).toEqual(['spec.initContainers{init-ctr}', 'spec.containers{web-ctr}']);
  });

  it('restarts a failing init container, or fails the pod under Never', () => {
    const c = one();
    c.apply(withInit('busybox:fail'));
    c.advance(60);
    const s = status(c);
    expect(s.phase).toBe('Pending');
    expect(s.initContainerStatuses[0].restartCount).toBeGreaterThanOrEqual(2);
    const never = one();
    never.apply(withInit('busybox:fail', 'Never'));
    never.runUntilSettled();
    expect(status(never).phase).toBe('Failed');
    expect(never.events().some((e) => e.message === 'Started container web-ctr')).toBe(false);
  });
});

describe('kubelet: startup probes', () => {
  it('gates readiness on the startup probe and settles when every probe passes', () => {
    const c = one();
    const probe = (port: number) => ({ httpGet: { port, path: '/healthz' }, periodSeconds: 5 });
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', startupProbe: probe(80), readinessProbe: probe(80), livenessProbe: probe(80) }));
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(status(c).containerStatuses[0]).toMatchObject({ ready: true, started: true, restartCount: 0 });
    expect(c.events().filter((e) => e.reason === 'Unhealthy')).toEqual([]);
  });

  it('restarts a container whose startup probe keeps failing, and never marks it started', () => {
    const c = one();
    c.apply(podManifest('hello-pod', { image: 'nginx:1.27', startupProbe: { tcpSocket: { port: 81 }, periodSeconds: 2, failureThreshold: 2 }, readinessProbe: { tcpSocket: { port: 80 } } }));
    c.advance(5);
    expect(status(c).containerStatuses[0]).toMatchObject({ started: false, ready: false });
    c.advance(10);
    const messages = c.events().map((e) => String(e.message));
    expect(messages).toContain(`Startup probe failed: dial tcp ${String(status(c).podIP)}:81: connect: connection refused`);
    expect(messages).toContain('Container web-ctr failed startup probe, will be restarted');
    expect(messages.some((m) => m.startsWith('Readiness probe failed'))).toBe(false);
    expect(status(c).containerStatuses[0].restartCount).toBeGreaterThanOrEqual(1);
  });
});

describe('kubelet runtimes of deleted pods', () => {
  // Guards the release bookkeeping that replaced a scan of every Pod per deletion: a deleted pod's
  // runtime and IP go away, whichever way it was deleted, and the others stay.
  it('releases the runtime and IP of pods deleted gracefully or at once, and keeps the rest', () => {
    const c = createCluster({ images: testCatalog(), nodes: 1 });
    for (const name of ['a', 'b', 'c']) c.apply(podManifest(name, { image: 'nginx:1.27' }));
    c.runUntilSettled();
    const kubelet = c.internals.kubelet;
    const uid = (name: string) => c.get(ref(name))!.metadata.uid!;
    const ip = (name: string) => String(c.get(ref(name))!.status.podIP);
    const [ua, ub, uc] = [uid('a'), uid('b'), uid('c')];
    const [ipA, ipB] = [ip('a'), ip('b')];
    c.delete(ref('a'));
    c.delete(ref('b'), { gracePeriodSeconds: 0 });
    c.runUntilSettled();
    expect(c.list('Pod').map((p) => p.metadata.name)).toEqual(['c']);
    expect([kubelet.runtime(ua), kubelet.runtime(ub)]).toEqual([undefined, undefined]);
    expect([kubelet.podByIp(ipA), kubelet.podByIp(ipB)]).toEqual([undefined, undefined]);
    expect(kubelet.runtime(uc)?.uid).toBe(uc);
    expect(kubelet.podByIp(ip('c'))).toBe(uc);
  });
});
