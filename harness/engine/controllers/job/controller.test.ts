import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../core/kube.ts';
import { createCluster } from '../../cluster.ts';
import { refOf } from '../../store.ts';
import { testCatalog } from '../../testing-helpers.ts';
import { reconcileTwice } from '../testing.ts';
import { JOB_CONTROLLER } from './controller.ts';

const catalog = testCatalog();
const JOB_REF = { kind: 'Job', namespace: 'default', name: 'pi' };
type Cluster = ReturnType<typeof createCluster>;

function job(spec: Record<string, unknown> = {}, template: Record<string, unknown> = {}, image = 'busybox'): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image }], ...template } }, ...spec },
  };
}

function run(manifest: KubeObject, horizonSeconds = 900): Cluster {
  const c = createCluster({ images: catalog, seed: 1 });
  const res = c.apply(manifest);
  expect(res.error).toBeUndefined();
  c.runUntilSettled({ horizonSeconds });
  return c;
}

const jobOf = (c: Cluster): KubeObject => c.get(JOB_REF)!;
const jobEvents = (c: Cluster): string[] =>
  c.events()
    .filter((e) => (e.involvedObject as { kind?: string }).kind === 'Job')
    .map((e) => `${e.reason}${(e.count as number) > 1 ? ` ×${String(e.count)}` : ''}`);
const conditionSummary = (c: Cluster): string[] => (jobOf(c).status.conditions ?? []).map((x: Record<string, string>) => `${x.type} ${x.reason} @${x.lastTransitionTime!.slice(14, 19)}`);
const podSummary = (c: Cluster): string[] =>
  c.list('Pod').map((p) => `${p.metadata.annotations?.['batch.kubernetes.io/job-completion-index'] ?? '-'} ${String(p.status.phase)} @${p.metadata.creationTimestamp!.slice(14, 19)} fc=${p.metadata.annotations?.['batch.kubernetes.io/job-index-failure-count'] ?? '-'}`).sort();

describe('Job controller', () => {
  it('runs an Indexed Job: one Pod per index with the index annotation, label, env, hostname and tracking finalizer', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    c.apply(job({ completionMode: 'Indexed', completions: 3, parallelism: 3, suspend: false }));
    c.advance(1);
    const j = jobOf(c);
    const pods = c.list('Pod');
    expect(pods.map((p) => p.spec.hostname).sort()).toEqual(['pi-0', 'pi-1', 'pi-2']);
    for (const p of pods) {
      const ix = p.metadata.annotations!['batch.kubernetes.io/job-completion-index'];
      expect(p.metadata.name).toMatch(new RegExp(`^pi-${ix}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.generateName).toBe(`pi-${ix}-`);
      expect(p.metadata.labels).toEqual({ ...j.spec.template.metadata.labels, 'batch.kubernetes.io/job-completion-index': ix });
      expect(p.metadata.finalizers).toEqual(['batch.kubernetes.io/job-tracking']);
      expect(p.metadata.ownerReferences).toEqual([{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: j.metadata.uid, controller: true, blockOwnerDeletion: true }]);
      expect(p.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
    }
    expect(j.status).toEqual({ startTime: '2026-01-01T00:00:00Z', active: 3, terminating: 0, uncountedTerminatedPods: {}, ready: 0 });
    c.runUntilSettled();
    const done = jobOf(c);
    expect(done.status).toEqual({
      conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: done.status.completionTime, lastTransitionTime: done.status.completionTime },
        { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods', lastProbeTime: done.status.completionTime, lastTransitionTime: done.status.completionTime },
      ],
      startTime: '2026-01-01T00:00:00Z',
      completionTime: done.status.completionTime,
      succeeded: 3,
      terminating: 0,
      completedIndexes: '0-2',
      uncountedTerminatedPods: {},
      ready: 0,
    });
    // Counted Pods lose the finalizer and stay as Succeeded (kubectl shows them Completed).
    expect(c.list('Pod').map((p) => [p.status.phase, p.metadata.finalizers])).toEqual([['Succeeded', undefined], ['Succeeded', undefined], ['Succeeded', undefined]]);
    expect(jobEvents(c)).toEqual(['SuccessfulCreate', 'SuccessfulCreate', 'SuccessfulCreate', 'Completed']);
    // Indexes are created in order.
    const byIndex = [...c.list('Pod')].sort((x, y) => String(x.spec.hostname).localeCompare(String(y.spec.hostname)));
    expect(c.events().filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.message)).toEqual(byIndex.map((p) => `Created pod: ${p.metadata.name}`));
    expect(reconcileTwice(c.internals.controllers.get(JOB_CONTROLLER)!, JOB_REF, c.internals.context)).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
  });

  it('keeps a container that declares JOB_COMPLETION_INDEX itself as it is', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    const env = [{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }];
    c.apply(job({ completionMode: 'Indexed', completions: 1 }, { containers: [{ name: 'pi', image: 'busybox', env }], initContainers: [{ name: 'init', image: 'busybox' }] }));
    c.advance(0);
    const pod = c.list('Pod')[0]!;
    expect(pod.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } }]);
    expect(pod.spec.initContainers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']" } } }]);
  });

  it.each<[string, KubeObject, { status: Record<string, unknown>; conditions: string[]; pods: string[]; events: string[] }]>([
    ['NonIndexed, parallelism below completions', job({ completions: 3, parallelism: 2 }), {
      status: { succeeded: 3, terminating: 0, ready: 0 },
      conditions: ['SuccessCriteriaMet CompletionsReached @00:08', 'Complete CompletionsReached @00:08'],
      pods: ['- Succeeded @00:00 fc=-', '- Succeeded @00:00 fc=-', '- Succeeded @00:04 fc=-'],
      events: ['SuccessfulCreate ×3', 'Completed'],
    }],
    ['a work queue (parallelism without completions)', job({ parallelism: 2 }), {
      status: { succeeded: 2, terminating: 0, ready: 0 },
      conditions: ['SuccessCriteriaMet CompletionsReached @00:04', 'Complete CompletionsReached @00:04'],
      pods: ['- Succeeded @00:00 fc=-', '- Succeeded @00:00 fc=-'],
      events: ['SuccessfulCreate ×2', 'Completed'],
    }],
    ['failures up to backoffLimit, replacements backing off 10 s then 20 s', job({ backoffLimit: 2 }, {}, 'busybox:fail'), {
      status: { failed: 3, terminating: 0, ready: 0 },
      conditions: ['FailureTarget BackoffLimitExceeded @00:40', 'Failed BackoffLimitExceeded @00:40'],
      pods: ['- Failed @00:00 fc=-', '- Failed @00:14 fc=-', '- Failed @00:37 fc=-'],
      events: ['SuccessfulCreate ×3', 'BackoffLimitExceeded'],
    }],
    ['backoffLimit 0: the first failure fails the Job', job({ backoffLimit: 0, parallelism: 2, completions: 2 }, {}, 'busybox:fail'), {
      status: { failed: 2, terminating: 0, ready: 0 },
      conditions: ['FailureTarget BackoffLimitExceeded @00:04', 'Failed BackoffLimitExceeded @00:04'],
      pods: ['- Failed @00:00 fc=-', '- Failed @00:00 fc=-'],
      events: ['SuccessfulCreate ×2', 'BackoffLimitExceeded'],
    }],
    ['backoffLimitPerIndex: each index retried once, then failed', job({ completionMode: 'Indexed', completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }, {}, 'busybox:fail'), {
      status: { failed: 4, terminating: 0, ready: 0, failedIndexes: '0,1' },
      conditions: ['FailureTarget FailedIndexes @00:18', 'Failed FailedIndexes @00:18'],
      pods: ['0 Failed @00:00 fc=0', '0 Failed @00:14 fc=1', '1 Failed @00:00 fc=0', '1 Failed @00:14 fc=1'],
      events: ['SuccessfulCreate ×4', 'FailedIndexes'],
    }],
    ['maxFailedIndexes 0: the first failed index fails the Job', job({ completionMode: 'Indexed', completions: 2, parallelism: 1, backoffLimitPerIndex: 0, maxFailedIndexes: 0 }, {}, 'busybox:fail'), {
      status: { failed: 1, terminating: 0, ready: 0, failedIndexes: '0' },
      conditions: ['FailureTarget MaxFailedIndexesExceeded @00:04', 'Failed MaxFailedIndexesExceeded @00:04'],
      pods: ['0 Failed @00:00 fc=0'],
      events: ['SuccessfulCreate', 'MaxFailedIndexesExceeded'],
    }],
    ['activeDeadlineSeconds: running Pods are stopped', job({ activeDeadlineSeconds: 5 }, {}, 'nginx:1.27'), {
      status: { failed: 1, terminating: 0, ready: 0 },
      conditions: ['FailureTarget DeadlineExceeded @00:05', 'Failed DeadlineExceeded @00:06'],
      pods: [],
      events: ['SuccessfulCreate', 'SuccessfulDelete', 'DeadlineExceeded'],
    }],
    ['restartPolicy OnFailure: container restarts count against backoffLimit', job({ backoffLimit: 2 }, { restartPolicy: 'OnFailure' }, 'busybox:fail'), {
      status: { failed: 1, terminating: 0, ready: 0 },
      conditions: ['FailureTarget BackoffLimitExceeded @00:16', 'Failed BackoffLimitExceeded @00:17'],
      pods: [],
      events: ['SuccessfulCreate', 'SuccessfulDelete', 'BackoffLimitExceeded'],
    }],
    ['suspended: no Pods, no startTime', job({ suspend: true }), {
      status: { terminating: 0, ready: 0 },
      conditions: ['Suspended JobSuspended @00:00'],
      pods: [],
      events: ['Suspended'],
    }],
  ])('%s', (_title, manifest, expected) => {
    const c = run(manifest);
    const { conditions: _c, startTime: _s, completionTime: _t, uncountedTerminatedPods, ...rest } = jobOf(c).status;
    expect(uncountedTerminatedPods).toEqual({});
    expect(rest).toEqual(expected.status);
    expect(conditionSummary(c)).toEqual(expected.conditions);
    expect(podSummary(c)).toEqual(expected.pods);
    const grouped: string[] = [];
    for (const e of jobEvents(c)) {
      const last = grouped.at(-1);
      const m = last ? /^(\S+)(?: ×(\d+))?$/.exec(last) : null;
      if (m && m[1] === e) grouped[grouped.length - 1] = `${e} ×${Number(m[2] ?? 1) + 1}`;
      else grouped.push(e);
    }
    expect(grouped).toEqual(expected.events);
    expect(reconcileTwice(c.internals.controllers.get(JOB_CONTROLLER)!, JOB_REF, c.internals.context)).toEqual({ firstWrites: 0, secondWrites: 0, secondEvents: 0 });
  });

  it('resumes a suspended Job: Suspended turns False, startTime is set and Pods start', () => {
    const c = run(job({ suspend: true }));
    c.advance(30);
    const suspended = jobOf(c);
    c.update({ ...suspended, spec: { ...suspended.spec, suspend: false } });
    c.runUntilSettled();
    expect(conditionSummary(c)).toEqual(['Suspended JobResumed @00:30', 'SuccessCriteriaMet CompletionsReached @00:34', 'Complete CompletionsReached @00:34']);
    expect(jobOf(c).status.startTime).toBe('2026-01-01T00:00:30Z');
    // As upstream: manageJob creates the Pods before the Suspended condition is updated.
    expect(jobEvents(c)).toEqual(['Suspended', 'SuccessfulCreate', 'Resumed', 'Completed']);
  });

  it('counts a Pod deleted while it runs as failed and replaces it after the 10 s back-off (podReplacementPolicy TerminatingOrFailed)', () => {
    const c = run(job({}, {}, 'nginx:1.27'), 10);
    const first = c.list('Pod')[0]!;
    const faultAt = c.now;
    c.fault({ type: 'deletePod', pod: first.metadata.name! });
    c.advance(0);
    expect(jobOf(c).status).toMatchObject({ failed: 1, terminating: 1 });
    expect(jobOf(c).status.active).toBeUndefined();
    c.runUntilSettled({ horizonSeconds: 15 });
    const live = c.list('Pod').filter((p) => !p.metadata.deletionTimestamp);
    const expected = new Date(Date.parse('2026-01-01T00:00:00Z') + faultAt + 10_000).toISOString().replace('.000Z', 'Z');
    expect(live.map((p) => p.metadata.creationTimestamp)).toEqual([expected]);
    expect(jobOf(c).status).toMatchObject({ active: 1, failed: 1 });
  });

  it('waits for a deleted Pod to be gone before replacing it with podReplacementPolicy Failed', () => {
    const c = run(job({ podReplacementPolicy: 'Failed' }, {}, 'nginx:1.27'), 10);
    const first = c.list('Pod')[0]!;
    c.delete(refOf(first));
    c.advance(0);
    expect(c.list('Pod').map((p) => p.metadata.name)).toEqual([first.metadata.name]);
    expect(jobOf(c).status).toMatchObject({ terminating: 1 });
    c.runUntilSettled({ horizonSeconds: 60 });
    const now = c.list('Pod');
    expect(now).toHaveLength(1);
    expect(now[0]!.metadata.name).not.toBe(first.metadata.name);
  });

  it('garbage-collects its Pods when the Job is deleted', () => {
    const c = run(job({ parallelism: 2, completions: 4 }, {}, 'nginx:1.27'), 10);
    expect(c.list('Pod')).toHaveLength(2);
    c.delete(JOB_REF);
    c.runUntilSettled();
    expect(c.list('Pod')).toEqual([]);
  });

  it('records FailedCreate when the API refuses a Pod and retries with the API back-off (first retry after 1 s)', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    let refusals = 2;
    c.internals.store.intercept((verb, obj) => {
      if (verb !== 'create' || obj.kind !== 'Pod' || refusals === 0) return undefined;
      refusals--;
      return { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'pods "pi-x" is forbidden: exceeded quota', reason: 'Forbidden', code: 403 };
    });
    c.apply(job());
    c.runUntilSettled();
    expect(jobEvents(c)).toEqual(['FailedCreate ×2', 'SuccessfulCreate', 'Completed']);
    expect(c.events().find((e) => e.reason === 'FailedCreate')!.message).toBe('Error creating: pods "pi-x" is forbidden: exceeded quota');
    expect(c.list('Pod').map((p) => p.metadata.creationTimestamp)).toEqual(['2026-01-01T00:00:01Z']);
  });

  it('deletes a finished Job and its Pods ttlSecondsAfterFinished later', () => {
    const c = run(job({ ttlSecondsAfterFinished: 100 }), 10);
    const due = Date.parse(jobOf(c).status.completionTime) - Date.parse('2026-01-01T00:00:00Z') + 100_000;
    expect(c.list('Pod')).toHaveLength(1);
    c.advance((due - c.now) / 1000 - 1);
    expect(c.get(JOB_REF)).toBeDefined();
    c.advance(1);
    c.runUntilSettled();
    expect(c.get(JOB_REF)).toBeUndefined();
    expect(c.list('Pod')).toEqual([]);
  });

  it('deletes surplus Pods when parallelism goes down', () => {
    const c = run(job({ parallelism: 3, completions: 6 }, {}, 'nginx:1.27'), 10);
    const j = jobOf(c);
    c.update({ ...j, spec: { ...j.spec, parallelism: 1 } });
    c.runUntilSettled({ horizonSeconds: 60 });
    expect(c.list('Pod').filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(1);
    expect(jobEvents(c).filter((e) => e === 'SuccessfulDelete')).toHaveLength(2);
    expect(jobOf(c).status).toMatchObject({ active: 1 });
  });

  it('never throws on a hostile Job written straight to the store', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    for (const spec of [null, 'x', [], { completionMode: 'Indexed' }, { completions: 'many', parallelism: -4, template: [] }, { completionMode: 'Indexed', completions: 2, template: { spec: { containers: 'x' } } }]) {
      c.internals.store.create({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: `odd-${String(c.list('Job').length)}`, namespace: 'default' }, spec } as KubeObject);
    }
    expect(() => c.runUntilSettled({ horizonSeconds: 60 })).not.toThrow();
  });

  it('reports an unknown completion mode once and does nothing else', () => {
    const c = createCluster({ images: catalog, seed: 1 });
    c.internals.store.create({ ...job({ completionMode: 'Sometimes' }), metadata: { name: 'pi', namespace: 'default' } });
    c.runUntilSettled();
    expect(c.list('Pod')).toEqual([]);
    expect(c.events().map((e) => `${String(e.reason)}: ${String(e.message)}`)).toEqual(['UnknownCompletionMode: Skipped Job sync because completion mode is unknown']);
  });
});
