// Oracle: the real kubectl v1.34 describes Jobs produced by our engine (served by the fake API server) and
// our describer must print the same bytes. The cluster starts in 2099 so every age is "<invalid>" for
// kubectl whatever the wall clock says; our side is given a `now` before that.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { kubectlBinary } from './generators/kubectl-oracle.ts';
import { runKubectl, startOracleServer } from './oracle-server.ts';
import type { OracleServer } from './oracle-server.ts';
import { describeJob } from './describe-job.ts';
import type { PrinterOutput } from './types.ts';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/index.ts';
import { testCatalog } from '../engine/testing-helpers.ts';

const binary = kubectlBinary();
const now = '2026-01-01T00:00:00Z';

const job = (name: string, spec: Record<string, unknown>, image: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name, ...extra },
  spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image, args: ['run', '$(JOB_COMPLETION_INDEX)'] }] } }, ...spec },
});

function build(): KubeObject[] {
  const cluster = createCluster({ images: testCatalog(), startTime: '2099-01-01T00:00:00Z' });
  cluster.apply(job('indexed', { completionMode: 'Indexed', completions: 3, parallelism: 2, ttlSecondsAfterFinished: 3600, activeDeadlineSeconds: 600 }, 'busybox', { labels: { team: 'grading' }, annotations: { note: 'shards' } }));
  cluster.apply(job('broken', { backoffLimit: 1 }, 'busybox:fail'));
  cluster.apply(job('queue', { parallelism: 2 }, 'nginx:1.27'));
  cluster.apply(job('later', { suspend: true }, 'busybox'));
  cluster.runUntilSettled({ horizonSeconds: 120 });
  return ['Job', 'Pod'].flatMap((k) => cluster.list(k)).concat(cluster.events());
}

function kubectl(server: string, args: string[]): Promise<PrinterOutput> {
  return runKubectl(binary as string, server, args);
}

describe('kubectl v1.34 oracle: describe job', () => {
  it('has the kubectl binary', () => expect(binary).not.toBeNull());
  const all = build();
  const jobs = all.filter((o) => o.kind === 'Job');
  const events = all.filter((o) => o.kind === 'Event');
  let server: OracleServer;
  beforeAll(async () => {
    server = await startOracleServer(all);
  });
  afterAll(async () => {
    await server.close();
  });

  it('the fixture has a complete Indexed Job, a failed one, a running work queue and a suspended one', () => {
    expect(jobs.map((j) => `${j.metadata.name}:${(j.status.conditions ?? []).map((c: { type: string }) => c.type).join('+')}`)).toEqual([
      'broken:FailureTarget+Failed', 'indexed:SuccessCriteriaMet+Complete', 'later:Suspended', 'queue:',
    ]);
  });

  it.each(['indexed', 'broken', 'queue', 'later'])('describe job %s', async (name) => {
    const j = jobs.find((o) => o.metadata.name === name);
    expect(describeJob(j, events, { now })).toEqual(await kubectl(server.url, ['describe', 'job', name]));
  });
});
