import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testCatalog } from '../engine/testing-helpers.ts';
import { loadExercise } from '../grade/exercise.ts';
import { gradeExercise } from '../grade/grade.ts';
import { jsonReporter } from '../report/json.ts';

const exerciseYaml = `id: 05-demo
title: Demo Service
cluster: { nodes: 2 }
checks:
  - { id: answers, title: The NodePort answers, points: 2, expect: { request: { from: outside, url: "http://node-1:31111/", status: 200 } } }
properties:
  - id: survives-pod-loss
    title: The Service keeps answering while Pods are deleted
    points: 3
    hint: Run the app as a Deployment with several replicas.
    invariant: { request: { from: outside, url: "http://node-1:31111/", status: 200 } }
    faults: [deletePod, reorder, wait]
    scenarios: 10
`;

const svc = `apiVersion: v1
kind: Service
metadata: { name: web-svc }
spec:
  type: NodePort
  selector: { app: web }
  ports: [{ port: 80, targetPort: 8080, nodePort: 31111 }]
`;
const pod = `apiVersion: v1
kind: Pod
metadata: { name: hello-pod, labels: { app: web } }
spec:
  containers: [{ name: web-ctr, image: "nigelpoulton/getting-started-k8s:1.0" }]
`;
const deploy = `apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers:
        - name: web-ctr
          image: "nigelpoulton/getting-started-k8s:1.0"
          # Without it a replacement Pod gets traffic 1 s before its app listens, and the property sees that.
          readinessProbe: { httpGet: { path: /, port: 8080 }, periodSeconds: 1 }
`;

const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function exercise(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'kubegrade-props-'));
  roots.push(root);
  const dir = join(root, '05-demo');
  mkdirSync(join(dir, 'submission'), { recursive: true });
  writeFileSync(join(dir, 'exercise.yaml'), exerciseYaml);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'submission', name), text);
  return { spec: loadExercise(dir), submission: join(dir, 'submission') };
}

const images = testCatalog();

describe('properties in grading', () => {
  it('fails a lone Pod with a replayable counterexample, in the canonical JSON (seed 42 pinned)', () => {
    const { spec, submission } = exercise({ 'pod.yml': pod, 'svc.yml': svc });
    const result = gradeExercise(spec, submission, { images, seed: 42, includeCluster: false, includeFiles: false });
    expect(result.maxScore).toBe(5);
    expect(result.score).toBe(2);
    const prop = result.checks.find((c) => c.id === 'survives-pod-loss')!;
    expect(prop).toMatchObject({ status: 'failed', points: 0, maxPoints: 3, hint: 'Run the app as a Deployment with several replicas.' });
    const cx = prop.counterexample!;
    expect(cx.steps.filter((s) => s.includes('kubectl delete pod hello-pod'))).toHaveLength(1);
    expect(cx.steps.at(-1)).toBe(`replay: npx kubegrade grade 05-demo --seed 42 --path "${cx.path}"`);
    expect(JSON.parse(jsonReporter.render({ schemaVersion: 1, score: 2, maxScore: 5, exercises: [result] })).exercises[0].checks[1].counterexample).toEqual(cx);

    const again = gradeExercise(spec, submission, { images, seed: 42, includeCluster: false, includeFiles: false });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));

    const replayed = gradeExercise(spec, submission, { images, seed: 42, path: cx.path, includeCluster: false, includeFiles: false });
    expect(replayed.checks.find((c) => c.id === 'survives-pod-loss')!.counterexample).toEqual(cx);
  });

  it('passes a Deployment of 3 whatever the apply order and deletes', () => {
    const { spec, submission } = exercise({ 'deploy.yml': deploy, 'svc.yml': svc });
    const result = gradeExercise(spec, submission, { images, seed: 42, includeCluster: false, includeFiles: false });
    expect(result.checks.map((c) => [c.id, c.status, c.points])).toEqual([
      ['answers', 'passed', 2],
      ['survives-pod-loss', 'passed', 3],
    ]);
    expect(result.status).toBe('passed');
  });

  it('does not grade properties of a submission with nothing loadable', () => {
    const { spec, submission } = exercise({});
    const result = gradeExercise(spec, submission, { images, seed: 42 });
    expect(result.checks.find((c) => c.id === 'survives-pod-loss')).toMatchObject({ status: 'skipped', points: 0, maxPoints: 3 });
  });
});
