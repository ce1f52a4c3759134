import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from '../controllers/testing.ts';
import { NODE_CONTROLLER, TAINT_EVICTION_CONTROLLER } from './constants.ts';
import { nodeStatus } from '../../kubectl/get-nodes.ts';
import { summarizePod } from '../../kubectl/pod-status.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of nested JSON
type Json = any;
const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';

function webPod(name: string, node: string): KubeObject {
  const p = podManifest(name, { image: WEB }, { nodeName: node });
  p.metadata.labels = { app: 'web' };
  return p;
}

const node = (c: SimCluster, name = 'node-1'): Json => c.get({ kind: 'Node', namespace: '', name });
const pod = (c: SimCluster, name: string): Json => c.get({ kind: 'Pod', namespace: 'default', name });
const cond = (obj: Json, type: string): Json => (obj?.status?.conditions ?? []).find((x: Json) => x.type === type);
const eventsOf = (c: SimCluster, reason: string): Json[] => c.events().filter((e: Json) => e.reason === reason);

/** Two nodes, a Service `web` and Pods a (node-1) and b (node-2), all Running; node-1 stopped at the returned instant. */
function stoppedSetup(): { c: SimCluster; stoppedAt: number } {
  const c = createCluster({ images: catalog, nodes: 2 });
  c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
  c.apply(webPod('a', 'node-1'));
  c.apply(webPod('b', 'node-2'));
  expect(c.runUntilSettled().reason).toBe('settled');
  c.advance(10);
  c.fault({ type: 'stopNode', node: 'node-1' });
  return { c, stoppedAt: c.now };
}

const readyEndpoints = (c: SimCluster): string[] =>
  c
    .list('EndpointSlice', 'default')
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === 'web')
    .flatMap((s: Json) => (s.endpoints ?? []).filter((e: Json) => e.conditions?.ready === true).map((e: Json) => e.targetRef?.name))
    .sort();

describe('node lifecycle: a stopped kubelet', () => {
  it('keeps the Node Ready for 49s and turns it Unknown at 50s, with the unreachable taints', () => {
    const { c, stoppedAt } = stoppedSetup();
    c.advance(49);
    expect(cond(node(c), 'Ready').status).toBe('True');
    expect(node(c).spec.taints).toBeUndefined();
    c.advance(1);
    expect(c.now - stoppedAt).toBe(50_000);
    const n = node(c);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
      expect(cond(n, type)).toMatchObject({ status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: c.timestamp() });
    }
    expect(cond(n, 'Ready').lastHeartbeatTime).not.toBe(c.timestamp());
    expect(n.spec.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: c.timestamp() },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
    ]);
    expect(eventsOf(c, 'NodeNotReady').map((e: Json) => [e.involvedObject.kind, e.involvedObject.name, e.type, e.message, e.source.component])).toEqual([
      ['Node', 'node-1', 'Normal', 'Node node-1 status is now: NodeNotReady', 'node-controller'],
      ['Pod', 'a', 'Warning', 'Node is not ready', 'node-controller'],
    ]);
    expect(cond(node(c, 'node-2'), 'Ready').status).toBe('True');
  });

  it('marks its Pods Ready=False so they leave the EndpointSlice, and requests to them time out', () => {
    const { c } = stoppedSetup();
    expect(readyEndpoints(c)).toEqual(['a', 'b']);
    const ip = pod(c, 'a').status.podIP;
    expect(c.request({ from: { pod: 'b' } }, `http://${ip}:8080/`)).toMatchObject({ ok: false, error: 'connect: connection timed out' });
    expect(c.request({ from: 'outside' }, 'http://node-1:8080/')).toMatchObject({ ok: false, error: 'connect: connection timed out' });
    c.advance(50);
    expect(cond(pod(c, 'a'), 'Ready').status).toBe('False');
    expect(pod(c, 'a').status.phase).toBe('Running');
    expect(cond(pod(c, 'b'), 'Ready').status).toBe('True');
    expect(readyEndpoints(c)).toEqual(['b']);
    for (let i = 0; i < 5; i++) expect(c.request({ from: { pod: 'b' } }, 'http://web/').servedBy?.pod).toBe('b');
  });

  it('evicts its Pods when the 300s default toleration runs out, leaving them Terminating', () => {
    const { c, stoppedAt } = stoppedSetup();
    c.advance(50 + 299);
    expect(pod(c, 'a').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect(c.now - stoppedAt).toBe(350_000);
    const a = pod(c, 'a');
    expect(a.metadata.deletionTimestamp).toBeDefined();
    expect(cond(a, 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    expect(eventsOf(c, 'TaintManagerEviction').map((e: Json) => [e.involvedObject.name, e.message, e.source.component])).toEqual([
      ['a', 'Marking for deletion Pod default/a', 'taint-eviction-controller'],
    ]);
    expect(pod(c, 'b').metadata.deletionTimestamp).toBeUndefined();
    const settled = c.runUntilSettled({ horizonSeconds: 3600 });
    expect(settled.reason).toBe('settled');
    expect(pod(c, 'a')?.metadata.deletionTimestamp).toBeDefined();
  });

  it('gives a Pod bound to the tainted node later its own full toleration', () => {
    const { c, stoppedAt } = stoppedSetup();
    c.advance(100);
    c.apply(webPod('late', 'node-1'));
    c.advance(299);
    expect(pod(c, 'late').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect(c.now - stoppedAt).toBe(400_000);
    expect(pod(c, 'late').metadata.deletionTimestamp).toBeDefined();
  });

  it('evicts at once a Pod that does not tolerate the unreachable NoExecute taint, and keeps one that tolerates it forever', () => {
    const c = createCluster({ images: catalog, nodes: 1 });
    c.apply(webPod('short', 'node-1'));
    const forever = webPod('forever', 'node-1');
    (forever.spec as Json).tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' }];
    c.apply(forever);
    const brief = webPod('brief', 'node-1');
    (brief.spec as Json).tolerations = [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }];
    c.apply(brief);
    c.runUntilSettled();
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.advance(54);
    expect(pod(c, 'brief').metadata.deletionTimestamp).toBeUndefined();
    c.advance(1);
    expect(pod(c, 'brief').metadata.deletionTimestamp).toBeDefined();
    expect(c.runUntilSettled({ horizonSeconds: 7200 }).reason).toBe('settled');
    expect(pod(c, 'forever').metadata.deletionTimestamp).toBeUndefined();
    expect(pod(c, 'short').metadata.deletionTimestamp).toBeDefined();
  });

  it('comes back: Ready again, taints gone, evicted Pods deleted, the others Ready and serving', () => {
    const { c } = stoppedSetup();
    c.advance(400);
    expect(pod(c, 'a').metadata.deletionTimestamp).toBeDefined();
    c.apply(webPod('late', 'node-1'));
    c.advance(5);
    expect(pod(c, 'late').status.containerStatuses).toBeUndefined();
    c.fault({ type: 'startNode', node: 'node-1' });
    expect(c.runUntilSettled().reason).toBe('settled');
    const n = node(c);
    expect(cond(n, 'Ready')).toMatchObject({ status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' });
    expect(n.spec.taints).toBeUndefined();
    expect(pod(c, 'a')).toBeUndefined();
    expect(pod(c, 'late').status.phase).toBe('Running');
    expect(cond(pod(c, 'late'), 'Ready').status).toBe('True');
    expect(eventsOf(c, 'NodeReady').map((e: Json) => e.message)).toEqual(['Node node-1 status is now: NodeReady']);
    expect(eventsOf(c, 'Killing').map((e: Json) => e.involvedObject.name)).toEqual(['a']);
    expect(readyEndpoints(c)).toEqual(['b', 'late']);
  });

  it('resumes a Pod that was only marked not ready (back before eviction)', () => {
    const { c } = stoppedSetup();
    c.advance(100);
    c.fault({ type: 'startNode', node: 'node-1' });
    c.runUntilSettled();
    expect(cond(pod(c, 'a'), 'Ready').status).toBe('True');
    expect(pod(c, 'a').metadata.deletionTimestamp).toBeUndefined();
    expect(readyEndpoints(c)).toEqual(['a', 'b']);
    expect(c.request({ from: 'outside' }, `http://node-1:${8080}/`).error).toBe('connect: connection refused');
  });

  it('keeps new Pods off the unreachable node (TaintToleration filter on the NoSchedule taint)', () => {
    const { c } = stoppedSetup();
    c.advance(50);
    for (let i = 0; i < 4; i++) c.apply(podManifest(`new-${i}`, { image: WEB }));
    c.runUntilSettled();
    for (let i = 0; i < 4; i++) expect(pod(c, `new-${i}`).spec.nodeName).toBe('node-2');
  });

  it('shows as kubectl would: node NotReady, the evicted Pod Terminating, then Ready again', () => {
    const { c } = stoppedSetup();
    expect(nodeStatus(node(c))).toBe('Ready');
    c.advance(50);
    expect(nodeStatus(node(c))).toBe('NotReady');
    expect(summarizePod(pod(c, 'a'), c.timestamp()).status).toBe('Running');
    c.advance(300);
    expect(summarizePod(pod(c, 'a'), c.timestamp()).status).toBe('Terminating');
    c.fault({ type: 'startNode', node: 'node-1' });
    c.runUntilSettled();
    expect(nodeStatus(node(c))).toBe('Ready');
  });

  it('reconciles twice without writing anything the second time', () => {
    const { c } = stoppedSetup();
    const ctx = c.internals.context;
    const nlc = c.internals.controllers.get(NODE_CONTROLLER)!;
    const tec = c.internals.controllers.get(TAINT_EVICTION_CONTROLLER)!;
    for (const at of [10, 50, 300]) {
      c.advance(at === 10 ? 10 : at === 50 ? 40 : 250);
      const r = reconcileTwice(nlc, { kind: 'Node', namespace: '', name: 'node-1' }, ctx);
      expect(r.secondWrites).toBe(0);
      expect(r.secondEvents).toBe(0);
      const t = reconcileTwice(tec, { kind: 'Pod', namespace: 'default', name: 'a' }, ctx);
      expect(t.secondWrites).toBe(0);
      expect(t.secondEvents).toBe(0);
    }
    c.fault({ type: 'startNode', node: 'node-1' });
    const r = reconcileTwice(nlc, { kind: 'Node', namespace: '', name: 'node-1' }, ctx);
    expect(r.firstWrites).toBe(1);
    expect(r.secondWrites).toBe(0);
  });

  it('writes nothing for healthy nodes: a cluster without faults settles as before', () => {
    const c = createCluster({ images: catalog, nodes: 2 });
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(c.watchLog().filter((e) => e.object.kind === 'Node' && e.type === 'MODIFIED')).toEqual([]);
  });

  it('is deterministic: the same faults give the same watch log and events', () => {
    const run = (): string => {
      const { c } = stoppedSetup();
      c.advance(360);
      c.fault({ type: 'startNode', node: 'node-1' });
      c.runUntilSettled();
      return JSON.stringify([c.watchLog(), c.events()]);
    };
    expect(run()).toBe(run());
  });
});
