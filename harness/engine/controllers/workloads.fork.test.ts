import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createCluster } from '../cluster.ts';
import type { SimCluster } from '../cluster.ts';
import { expectForkEquivalent, refusePodCreates } from '../fork-testing.ts';
import { appDeployment, testCatalog } from '../testing-helpers.ts';

const images = testCatalog();

function job(name: string, spec: Record<string, unknown>, image = 'busybox:fail'): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name }, spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'job', image }] } } } };
}

const jobRef = (name: string) => ({ kind: 'Job', namespace: 'default', name });
const deployRef = (name: string) => ({ kind: 'Deployment', namespace: 'default', name });
/** Counts reconciles per controller from now on (a fork must do the same work, not only the same writes). */
function countReconciles(c: SimCluster): Map<string, number> {
  const counts = new Map<string, number>();
  for (const ctl of c.internals.controllers.all()) {
    const reconcile = ctl.reconcile.bind(ctl);
    ctl.reconcile = (req, ctx) => {
      counts.set(ctl.name, (counts.get(ctl.name) ?? 0) + 1);
      return reconcile(req, ctx);
    };
  }
  return counts;
}

const podsOf = (c: SimCluster) => c.list('Pod').filter((p) => p.metadata.namespace === 'default').map((p) => [p.metadata.name, p.metadata.creationTimestamp, p.status?.phase ?? null]);

describe('workload controllers in a cluster fork', () => {
  it('a Job forked between failures replaces its Pods after the same growing back-off (the Job back-off record)', () => {
    const failing = () => {
      const c = createCluster({ nodes: 2, images, seed: 31 });
      c.apply(job('flaky', { backoffLimit: 5 }));
      // Two failures counted: the third Pod waits 20 s after the second failure.
      c.advance(25);
      return c;
    };
    const trace = expectForkEquivalent(failing, (c) => {
      c.apply(job('second', { backoffLimit: 1 }));
      c.runUntilSettled({ horizonSeconds: 1200 });
      return { flaky: c.get(jobRef('flaky'))?.status, pods: podsOf(c) };
    });
    expect(trace).toContain('BackoffLimitExceeded');
  });

  it('an Indexed Job with backoffLimitPerIndex keeps retrying and failing indexes as the original would', () => {
    const indexed = () => {
      const c = createCluster({ nodes: 2, images, seed: 32 });
      c.apply(job('ix', { completionMode: 'Indexed', completions: 3, parallelism: 2, backoffLimitPerIndex: 2, maxFailedIndexes: 2 }));
      c.advance(15);
      return c;
    };
    const trace = expectForkEquivalent(indexed, (c) => {
      c.runUntilSettled({ horizonSeconds: 1200 });
      return { status: c.get(jobRef('ix'))?.status, pods: podsOf(c) };
    });
    expect(trace).toContain('MaxFailedIndexesExceeded');
  });

  it('a finished Job forked before its TTL is deleted with its Pods at the same time (TTL-after-finished, foreground GC)', () => {
    const finished = () => {
      const c = createCluster({ nodes: 2, images, seed: 33 });
      c.apply(job('done', { completions: 2, parallelism: 2, ttlSecondsAfterFinished: 60 }, 'busybox'));
      c.advance(30);
      return c;
    };
    const trace = expectForkEquivalent(finished, (c) => {
      c.advance(40);
      const before = c.get(jobRef('done'))?.metadata.deletionTimestamp ?? null;
      c.runUntilSettled({ horizonSeconds: 300 });
      return { before, job: c.get(jobRef('done')) ?? null, pods: podsOf(c) };
    });
    expect(trace).toContain('"finalizers":["foregroundDeletion"]');
  });

  it('a fork continues a Recreate rollout and a paused, resumed and rolled-back RollingUpdate as the original would', () => {
    const rolling = () => {
      const c = createCluster({ nodes: 3, images, seed: 34 });
      c.apply(appDeployment('re', 3, { strategy: { type: 'Recreate' } }));
      c.apply(appDeployment('ru', 4, { minReadySeconds: 5, progressDeadlineSeconds: 30, strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } } }));
      c.runUntilSettled({ horizonSeconds: 300 });
      for (const name of ['re', 'ru']) {
        const d = c.get(deployRef(name))!;
        (d.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nigelpoulton/getting-started-k8s:2.0';
        c.update(d);
      }
      c.advance(4);
      return c;
    };
    const trace = expectForkEquivalent(rolling, (c) => {
      const d = c.get(deployRef('ru'))!;
      (d.spec as Record<string, unknown>).paused = true;
      (d.spec as Record<string, unknown>).replicas = 6;
      c.update(d);
      c.advance(20);
      const resumed = c.get(deployRef('ru'))!;
      (resumed.spec as Record<string, unknown>).paused = false;
      (resumed.spec as { template: { spec: { containers: { image: string }[] } } }).template.spec.containers[0]!.image = 'nigelpoulton/getting-started-k8s:1.0';
      c.update(resumed);
      c.runUntilSettled({ horizonSeconds: 600 });
      return { rs: c.list('ReplicaSet').map((r) => [r.metadata.name, r.spec?.replicas, r.metadata.annotations]), deployments: ['re', 'ru'].map((n) => c.get(deployRef(n))?.status) };
    });
    expect(trace).toContain('"deployment.kubernetes.io/revision":"3"');
  });

  it('a fork finishes foreground and orphan deletions already under way as the original would (garbage collector, its owner memory)', () => {
    const deleting = () => {
      const c = createCluster({ nodes: 2, images, seed: 35 });
      c.apply(appDeployment('fg', 3));
      c.apply(appDeployment('orphan', 2));
      c.apply(appDeployment('bg', 2));
      c.apply(appDeployment('keep', 2));
      c.runUntilSettled({ horizonSeconds: 300 });
      c.delete(deployRef('fg'), { propagationPolicy: 'Foreground' });
      c.advance(0.5);
      return c;
    };
    const trace = expectForkEquivalent(deleting, (c) => {
      const counts = countReconciles(c);
      c.delete(deployRef('orphan'), { propagationPolicy: 'Orphan' });
      c.delete(deployRef('bg'));
      // Status writes of owned objects whose ownerReferences did not change need no garbage-collector look.
      c.fault({ type: 'crashContainer', pod: c.list('Pod').find((p) => p.metadata.name?.startsWith('keep-'))!.metadata.name! });
      c.apply(appDeployment('keep', 3));
      c.runUntilSettled({ horizonSeconds: 300 });
      return { reconciles: [...counts].sort(), rs: c.list('ReplicaSet').map((r) => [r.metadata.name, r.metadata.ownerReferences ?? null]), pods: podsOf(c) };
    });
    expect(trace).toContain('"finalizers":["orphan"]');
  });

  it('a fork retries a Job whose Pod creations fail with the same growing back-off (its failed-sync count)', () => {
    const refusing = () => {
      const c = createCluster({ nodes: 2, images, seed: 36 });
      refusePodCreates(c, 40_000);
      c.apply(job('blocked', { completions: 1 }, 'busybox'));
      c.advance(4);
      return c;
    };
    const trace = expectForkEquivalent(refusing, (c) => {
      refusePodCreates(c, 40_000);
      c.runUntilSettled({ horizonSeconds: 600 });
      return { status: c.get(jobRef('blocked'))?.status, pods: podsOf(c) };
    });
    expect(trace).toContain('FailedCreate');
  });

  it('a fork retries a scaled ReplicaSet whose Pod creations fail with the same growing back-off (its failure counts)', () => {
    const refusing = () => {
      const c = createCluster({ nodes: 2, images, seed: 37 });
      refusePodCreates(c, 50_000);
      c.apply(appDeployment('rs', 2));
      c.advance(6);
      return c;
    };
    const trace = expectForkEquivalent(refusing, (c) => {
      refusePodCreates(c, 50_000);
      c.apply(appDeployment('rs', 4));
      c.runUntilSettled({ horizonSeconds: 600 });
      return { rs: c.list('ReplicaSet').map((r) => [r.metadata.name, r.status]), pods: podsOf(c) };
    });
    expect(trace).toContain('FailedCreate');
  });
});
