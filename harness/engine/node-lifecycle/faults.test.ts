import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import type { Fault } from '../types.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test reads of nested JSON
type Json = any;
const catalog = testCatalog();
const WEB = 'nigelpoulton/getting-started-k8s:1.0';

const pod = (c: SimCluster, name: string): Json => c.get({ kind: 'Pod', namespace: 'default', name });
const ctr = (c: SimCluster, name: string): Json => pod(c, name).status.containerStatuses[0];
const reasons = (c: SimCluster, from = 0): string[] => c.events().slice(from).map((e: Json) => `${e.reason}: ${e.message}`);

function running(): SimCluster {
  const c = createCluster({ images: catalog, nodes: 1 });
  c.apply(podManifest('web', { image: WEB }));
  c.runUntilSettled();
  return c;
}

describe('faults: crashContainer', () => {
  it('restarts a crashed container at once, then with back-off, with the events', () => {
    const c = running();
    const before = c.events().length;
    c.fault({ type: 'crashContainer', pod: 'web', exitCode: 2 });
    c.advance(0);
    expect(ctr(c, 'web')).toMatchObject({ restartCount: 1, lastState: { terminated: { exitCode: 2, reason: 'Error' } } });
    expect(ctr(c, 'web').state.running).toBeDefined();
    expect(reasons(c, before)).toEqual(['Pulled: Container image "nigelpoulton/getting-started-k8s:1.0" already present on machine']);
    expect(c.events().filter((e: Json) => e.reason === 'Created' || e.reason === 'Started').map((e: Json) => e.count)).toEqual([2, 2]);
    c.advance(5);
    c.fault({ type: 'crashContainer', pod: 'web', container: 'web-ctr' });
    c.advance(0);
    expect(ctr(c, 'web')).toMatchObject({ restartCount: 1, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1 } } });
    expect(ctr(c, 'web').state.waiting.message).toMatch(/^back-off 10s restarting failed container=web-ctr pod=web_default\(/);
    expect(reasons(c).at(-1)).toMatch(/^BackOff: Back-off restarting failed container web-ctr in pod web_default\(/);
    c.advance(9);
    expect(ctr(c, 'web').restartCount).toBe(1);
    c.advance(1);
    expect(ctr(c, 'web')).toMatchObject({ restartCount: 2, state: { running: {} } });
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(pod(c, 'web').status.phase).toBe('Running');
  });

  it('ignores a container name that does not run, and a stopped node', () => {
    const c = running();
    const revision = c.watchLog().length;
    c.fault({ type: 'crashContainer', pod: 'web', container: 'nope' });
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.fault({ type: 'crashContainer', pod: 'web' });
    c.advance(1);
    expect(c.watchLog().length).toBe(revision);
    expect(ctr(c, 'web').restartCount).toBe(0);
  });
});

describe('faults: deletePod', () => {
  it('deletes gracefully: Terminating, Killing, then gone', () => {
    const c = running();
    c.fault({ type: 'deletePod', pod: 'web' });
    const p = pod(c, 'web');
    expect(p.metadata).toMatchObject({ deletionGracePeriodSeconds: 30 });
    expect(p.metadata.deletionTimestamp).toBeDefined();
    c.advance(0);
    expect(reasons(c).at(-1)).toBe('Killing: Stopping container web-ctr');
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(pod(c, 'web')).toBeUndefined();
  });

  it('honours gracePeriodSeconds 0 (removed at once) and a namespace', () => {
    const c = running();
    c.fault({ type: 'deletePod', pod: 'web', namespace: 'default', gracePeriodSeconds: 0 });
    expect(pod(c, 'web')).toBeUndefined();
  });

  it('keeps a Pod on a stopped node Terminating until the node is back', () => {
    const c = running();
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.fault({ type: 'deletePod', pod: 'web' });
    expect(c.runUntilSettled({ horizonSeconds: 3600 }).reason).toBe('settled');
    expect(pod(c, 'web').metadata.deletionTimestamp).toBeDefined();
    c.fault({ type: 'startNode', node: 'node-1' });
    c.runUntilSettled();
    expect(pod(c, 'web')).toBeUndefined();
  });
});

describe('faults: hostile input', () => {
  const odd: unknown[] = [
    null,
    42,
    [],
    {},
    { type: 'explode' },
    { type: 'stopNode' },
    { type: 'stopNode', node: 'node-9' },
    { type: 'stopNode', node: ['node-1'] },
    { type: 'startNode', node: 'node-1' },
    { type: 'crashContainer', pod: null },
    { type: 'crashContainer', pod: 'ghost' },
    { type: 'crashContainer', pod: 'web', namespace: 7, exitCode: 'x' },
    { type: 'deletePod', pod: 'ghost' },
    { type: 'deletePod', pod: 'web', namespace: 'other' },
  ];
  it.each(odd.map((f) => [JSON.stringify(f), f]))('does nothing for %s', (_label, f) => {
    const c = running();
    const revision = c.watchLog().length;
    expect(() => c.fault(f as Fault)).not.toThrow();
    c.runUntilSettled();
    expect(c.watchLog().length).toBe(revision);
  });

  it('treats a second stopNode like the first (the grace period counts from the first)', () => {
    const c = running();
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.advance(30);
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.advance(20);
    const node: Json = c.get({ kind: 'Node', namespace: '', name: 'node-1' });
    expect(node.status.conditions.find((x: Json) => x.type === 'Ready').status).toBe('Unknown');
  });
});

describe('faults with a Deployment', () => {
  it('replaces Pods evicted from an unreachable node on the other node', () => {
    const c = createCluster({ images: catalog, nodes: 2 });
    const deploy: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: WEB }] } } },
    };
    c.apply(deploy);
    c.runUntilSettled();
    const onNode1 = c.list('Pod', 'default').filter((p: Json) => p.spec.nodeName === 'node-1');
    expect(onNode1.length).toBeGreaterThan(0);
    c.fault({ type: 'stopNode', node: 'node-1' });
    c.advance(351);
    c.runUntilSettled();
    const live = c.list('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(live.length).toBe(2);
    expect(live.every((p: Json) => p.spec.nodeName === 'node-2' && p.status.phase === 'Running')).toBe(true);
    c.fault({ type: 'startNode', node: 'node-1' });
    c.runUntilSettled();
    const after = c.list('Pod', 'default');
    expect(after.length).toBe(2);
    expect(after.every((p: Json) => p.spec.nodeName === 'node-2')).toBe(true);
  });
});
