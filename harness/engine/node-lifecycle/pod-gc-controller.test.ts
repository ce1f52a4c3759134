import { describe, it, expect } from 'vitest';
import { clone } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from '../controllers/testing.ts';
import { POD_GC_CONTROLLER } from './constants.ts';
import { nextGcTick, outOfService } from './pod-gc-controller.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of nested JSON
type Json = any;
const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';
const pod = (c: SimCluster, name: string): Json => c.get({ kind: 'Pod', namespace: 'default', name });

describe('PodGC', () => {
  it.each([
    [0, 0],
    [1, 20_000],
    [20_000, 20_000],
    [39_999, 40_000],
    [-5, 0],
  ])('puts the tick after %i ms at %i ms', (ms, tick) => {
    expect(nextGcTick(ms)).toBe(tick);
  });

  it.each([
    // [created at (s), deleted at (s)]: quarantine starts at the next 20s tick and lasts 40s.
    [0, 40],
    [5, 60],
    [20, 60],
  ])('deletes a Pod bound to a missing node created at %is at %is, marked Failed by PodGC', (createdAt, deletedAt) => {
    const c = createCluster({ images: catalog, nodes: 1 });
    c.advance(createdAt);
    c.apply(podManifest('lost', { image: WEB }, { nodeName: 'node-9' }));
    c.advance(deletedAt - createdAt - 1);
    expect(pod(c, 'lost')).toBeDefined();
    c.advance(1);
    expect(pod(c, 'lost')).toBeUndefined();
    const last: Json = c.watchLog().filter((e) => e.object.metadata.name === 'lost').slice(-2);
    expect(last.map((e: Json) => e.type)).toEqual(['MODIFIED', 'DELETED']);
    expect(last[0].object.status.phase).toBe('Failed');
    expect(last[0].object.status.conditions.find((x: Json) => x.type === 'DisruptionTarget')).toMatchObject({ status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    expect(c.runUntilSettled().reason).toBe('settled');
  });

  it('deletes the Pods of a deleted Node after the quarantine, not the others', () => {
    const c = createCluster({ images: catalog, nodes: 2 });
    c.apply(podManifest('a', { image: WEB }, { nodeName: 'node-1' }));
    c.apply(podManifest('b', { image: WEB }, { nodeName: 'node-2' }));
    c.runUntilSettled();
    c.advance(25 - c.now / 1000);
    expect(c.delete({ kind: 'Node', namespace: '', name: 'node-1' }).ok).toBe(true);
    c.advance(54);
    expect(pod(c, 'a')).toBeDefined();
    c.advance(1);
    expect(c.now).toBe(80_000);
    expect(pod(c, 'a')).toBeUndefined();
    expect(pod(c, 'b').status.phase).toBe('Running');
  });

  it('force-deletes a terminating Pod on a not-ready node only once it is tainted out-of-service', () => {
    const c = createCluster({ images: catalog, nodes: 1 });
    c.apply(podManifest('a', { image: WEB }));
    c.runUntilSettled();
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.advance(50);
    c.delete({ kind: 'Pod', namespace: 'default', name: 'a' });
    c.runUntilSettled({ horizonSeconds: 3600 });
    expect(pod(c, 'a').metadata.deletionTimestamp).toBeDefined();
    const node: Json = clone(c.get({ kind: 'Node', namespace: '', name: 'node-1' })!);
    node.spec.taints.push({ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' });
    c.internals.store.update(node);
    const at = c.now;
    c.runUntilSettled();
    expect(pod(c, 'a')).toBeUndefined();
    const deleted = c.watchLog().find((e) => e.type === 'DELETED' && e.object.metadata.name === 'a')!;
    expect(deleted.time).toBe(nextGcTick(at));
  });

  it.each([
    ['Unknown', true, true],
    ['False', true, true],
    ['True', true, false],
    ['Unknown', false, false],
  ])('counts a node with Ready=%s and out-of-service taint %s as out of service: %s', (ready, tainted, expected) => {
    const node = {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n' },
      spec: tainted ? { taints: [{ key: 'node.kubernetes.io/out-of-service', effect: 'NoExecute' }] } : {},
      status: { conditions: [{ type: 'Ready', status: ready }] },
    };
    expect(outOfService(node)).toBe(expected);
  });

  it('writes nothing the second time it reconciles a Pod on a missing node', () => {
    const c = createCluster({ images: catalog, nodes: 1 });
    c.apply(podManifest('lost', { image: WEB }, { nodeName: 'node-9' }));
    c.advance(40);
    c.apply(podManifest('lost2', { image: WEB }, { nodeName: 'node-9' }));
    const ctl = c.internals.controllers.get(POD_GC_CONTROLLER)!;
    const r = reconcileTwice(ctl, { kind: 'Pod', namespace: 'default', name: 'lost2' }, c.internals.context);
    expect(r.firstWrites).toBe(2);
    expect(r.secondWrites).toBe(0);
  });
});
