import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import { expectForkEquivalent } from '../fork-testing.ts';
import { testCatalog } from '../testing-helpers.ts';

const images = testCatalog();

const pod = (name: string, node: string, tolerationSeconds?: number): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name },
  spec: {
    nodeName: node,
    containers: [{ name: 'web', image: 'nigelpoulton/getting-started-k8s:1.0' }],
    ...(tolerationSeconds === undefined ? {} : { tolerations: [{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds }] }),
  },
});

const nodeReady = (c: ReturnType<typeof createCluster>, name: string): unknown =>
  (c.get({ kind: 'Node', namespace: '', name })?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions?.find((x) => x.type === 'Ready')?.status;

describe('fork state of the node lifecycle', () => {
  it('a fork taken inside the grace period marks the stopped node Unknown when the original would (node health)', () => {
    const build = () => {
      const c = createCluster({ nodes: 2, images, seed: 31 });
      c.apply(pod('a', 'node-2'));
      c.runUntilSettled({ horizonSeconds: 120 });
      c.fault({ type: 'stopNode', node: 'node-2' });
      c.advance(20);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      const before = nodeReady(c, 'node-2');
      c.advance(30);
      const after = nodeReady(c, 'node-2');
      // Starting a node the fork did not know as stopped would do nothing.
      c.fault({ type: 'startNode', node: 'node-2' });
      c.advance(5);
      return { before, after, restarted: nodeReady(c, 'node-2') };
    });
    expect(trace).toContain('"before":"True","after":"Unknown","restarted":"True"');
  });

  it('a fork evicts a Pod with tolerationSeconds counted from when the original first saw the taint (taint eviction)', () => {
    const build = () => {
      const c = createCluster({ nodes: 2, images, seed: 32 });
      c.apply(pod('short', 'node-2', 60));
      c.apply(pod('long', 'node-2', 3600));
      c.runUntilSettled({ horizonSeconds: 120 });
      c.fault({ type: 'stopNode', node: 'node-2' });
      c.advance(70);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      const times: [number, string[]][] = [];
      for (let i = 0; i < 8; i++) {
        c.advance(5);
        times.push([c.now, c.list('Pod').filter((p) => p.metadata.namespace === 'default').map((p) => `${p.metadata.name}:${p.metadata.deletionTimestamp ?? '-'}`)]);
      }
      return times;
    });
    expect(trace).toContain('TaintManagerEviction');
  });
  it('a fork taken inside the quarantine deletes a Pod on a missing node when the original would (Pod GC)', () => {
    const build = () => {
      const c = createCluster({ nodes: 1, images, seed: 33 });
      c.advance(5);
      c.apply(pod('lost', 'node-9'));
      // PodGC first sees node-9 missing at its 20s tick; the fork is taken at 30s, inside the 40s quarantine.
      c.advance(25);
      return c;
    };
    const trace = expectForkEquivalent(build, (c) => {
      const gone: number[] = [];
      for (let i = 0; i < 12 && gone.length === 0; i++) {
        c.advance(5);
        if (!c.get({ kind: 'Pod', namespace: 'default', name: 'lost' })) gone.push(c.now);
      }
      return gone;
    });
    // Without the forked quarantine start the fork would restart it at 40s and delete at 80s.
    expect(trace).toContain('"returned":[60000]');
  });
});
