import { describe, expect, it } from 'vitest';
import { clusterFingerprint } from './fingerprint.ts';
import type { Cluster } from '../engine/types.ts';
import { webPod, webSetup } from './testing.ts';

describe('clusterFingerprint', () => {
  it('stays the same while nothing happens, and changes with a write or the settle status', () => {
    const { cluster } = webSetup([webPod('hello-pod')])({ order: 0 });
    const key = clusterFingerprint(cluster, true);
    expect(key).toBeDefined();
    cluster.advance(60);
    expect(clusterFingerprint(cluster, true)).toBe(key);
    expect(clusterFingerprint(cluster, false)).not.toBe(key);
    cluster.delete({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
    expect(clusterFingerprint(cluster, true)).not.toBe(key);
  });

  it('changes when a container starts listening, which writes no object', () => {
    // Without a readiness probe the Pod is Ready when its container starts (3s) and listens 1 s later.
    const { cluster } = webSetup([])({ order: 0 });
    cluster.create(webPod('late'));
    cluster.advance(3);
    const revision = cluster.watchLog().length;
    const started = clusterFingerprint(cluster, false);
    expect(cluster.request({ from: 'outside' }, 'http://node-1:31111/').error).toMatch(/connection refused/);
    cluster.advance(0.5);
    expect(clusterFingerprint(cluster, false)).toBe(started);
    cluster.advance(0.5);
    expect(cluster.watchLog().length).toBe(revision);
    expect(clusterFingerprint(cluster, false)).not.toBe(started);
    expect(cluster.request({ from: 'outside' }, 'http://node-1:31111/').ok).toBe(true);
  });

  it('is undefined for a cluster that does not show its internals (every look evaluates)', () => {
    const { cluster } = webSetup([webPod('hello-pod')])({ order: 0 });
    const plain: Cluster = { ...cluster };
    delete (plain as { internals?: unknown }).internals;
    expect(clusterFingerprint(plain, true)).toBeUndefined();
    expect(clusterFingerprint(cluster, true)).toBeDefined();
  });
});
