// Issue #6: the Job manifest that grades a class on a real cluster is validated and simulated by
// kubegrade itself (loader, validator, simulated cluster with the Job controller).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/cluster.ts';
import { loadImageCatalog } from '../engine/images.ts';
import { parseManifestText } from '../load/index.ts';
import { validateDocuments } from '../validate/index.ts';

const text = readFileSync(resolve(import.meta.dirname, '..', '..', 'deploy', 'batch-job.yaml'), 'utf8');

// A registry where the grader runs 20 s per shard and the merge's wait-for-shards step waits 30 s.
const { catalog } = loadImageCatalog(`
images:
  kubegrade:
    pullSeconds: 5
    tags:
      latest: { exit: { afterSeconds: 20, code: 0 } }
  busybox:
    pullSeconds: 1
    tags:
      "1.36": { exit: { afterSeconds: 30, code: 0 } }
`);

const INDEX = 'batch.kubernetes.io/job-completion-index';

function load(): { objects: KubeObject[]; codes: string[] } {
  const parsed = parseManifestText('batch-job.yaml', text);
  const result = validateDocuments(parsed.documents);
  return { objects: result.resources.map((r) => r.object), codes: [...parsed.issues, ...result.issues].map((i) => `${i.severity} ${i.code} ${i.message.split(':')[0]}`) };
}

describe('deploy/batch-job.yaml on the simulated cluster', () => {
  it('validates without errors; what the simulation does not model is reported as info', () => {
    expect(load().codes).toEqual([
      'info validate/not-simulated spec.template.spec.volumes[0].persistentVolumeClaim',
      'info validate/not-simulated spec.template.spec.volumes[1].persistentVolumeClaim',
      'info validate/not-simulated spec.template.spec.volumes[0].persistentVolumeClaim',
    ]);
  });

  it('starts 4 indexed Pods at once, completes indexes 0-3, then the merge Job completes', () => {
    const c = createCluster({ images: catalog, nodes: [1, 2, 3].map((i) => ({ name: `node-${i}`, cpu: '4', memory: '8Gi' })), seed: 6 });
    for (const obj of load().objects) expect(c.apply(obj).error).toBeUndefined();
    c.advance(1);
    const batch = c.list('Pod').filter((p) => p.metadata.labels?.['job-name'] === 'kubegrade-batch');
    expect(batch).toHaveLength(4);
    const byIndex = [...batch].sort((a, b) => Number(a.metadata.annotations![INDEX]) - Number(b.metadata.annotations![INDEX]));
    byIndex.forEach((pod, i) => {
      expect(pod.metadata.name).toMatch(new RegExp(`^kubegrade-batch-${i}-[a-z0-9]{5}$`));
      expect(pod.metadata.annotations![INDEX]).toBe(String(i));
      expect(pod.metadata.labels![INDEX]).toBe(String(i));
      expect(pod.spec.hostname).toBe(`kubegrade-batch-${i}`);
      // The manifest declares the variable itself (from the annotation), so the controller leaves it as written (API-defaulted).
      expect(pod.spec.containers[0].env).toEqual([{ name: 'JOB_COMPLETION_INDEX', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${INDEX}']` } } }]);
      expect(pod.spec.containers[0].args).toContain('$(JOB_COMPLETION_INDEX)/4');
    });

    // Only the TTL deletion of kubegrade-batch (a day after it finished) is still due at the horizon.
    expect(c.runUntilSettled({ horizonSeconds: 600 }).reason).toBe('horizon');
    const job = (name: string): KubeObject => c.get({ kind: 'Job', namespace: 'default', name })!;
    const conditions = (name: string): string[] => job(name).status.conditions.map((x: Record<string, string>) => `${x.type}=${x.status}`);
    expect(conditions('kubegrade-batch')).toEqual(['SuccessCriteriaMet=True', 'Complete=True']);
    expect(job('kubegrade-batch').status).toMatchObject({ succeeded: 4, completedIndexes: '0-3', failedIndexes: '', ready: 0, terminating: 0 });
    expect(conditions('kubegrade-merge')).toEqual(['SuccessCriteriaMet=True', 'Complete=True']);
    expect(job('kubegrade-merge').status).toMatchObject({ succeeded: 1 });
    expect(Date.parse(job('kubegrade-merge').status.completionTime)).toBeGreaterThan(Date.parse(job('kubegrade-batch').status.completionTime));
    expect(c.list('Pod').map((p) => p.status.phase)).toEqual(Array(5).fill('Succeeded'));
    // ttlSecondsAfterFinished: 86400 removes the grading Job and its Pods; the merge Job has no TTL and stays.
    c.advance(86400);
    expect(c.list('Job').map((j) => j.metadata.name)).toEqual(['kubegrade-merge']);
    expect(c.list('Pod')).toHaveLength(1);
  });
});
