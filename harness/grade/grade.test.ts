import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELLO_POD_YAML } from '../testing/manifests.ts';
import { readFileSync } from 'node:fs';
import { loadImageCatalog } from '../engine/index.ts';
import { renderHtml } from '../report/html.ts';
import { jsonReporter } from '../report/json.ts';
import { loadExercise } from './exercise.ts';
import { gradeExercise } from './grade.ts';
import type { CheckSpec } from '../checks/types.ts';

const images = loadImageCatalog(readFileSync(resolve(import.meta.dirname, '../engine/testdata/images.yaml'), 'utf8')).catalog;

const exerciseYaml = `id: 01-demo
title: Demo Pod
checks:
  - id: valid
    title: The manifest is accepted
    points: 1
    expect: { noErrors: {} }
  - id: label
    title: hello-pod is labelled app=web
    points: 2
    hint: Look at metadata.labels.
    expect: { resource: { kind: Pod, name: hello-pod, fields: { "metadata.labels.app": web, "spec.containers[0].name": web-ctr } } }
  - id: running
    title: hello-pod is Running and Ready
    points: 2
    expect: { pod: { name: hello-pod, phase: Running, ready: true } }
  - id: answers
    title: The app answers on 8080
    points: 2
    expect: { request: { from: { pod: hello-pod, container: web-ctr }, url: "http://localhost:8080/", status: 200, bodyContains: Hello } }
  - id: no-pull-failure
    title: No image pull failed
    points: 1
    expect: { event: { reason: Failed, object: { kind: Pod, name: hello-pod }, absent: true } }
`;

const goodPod = HELLO_POD_YAML;

function setup(files: Record<string, string | Buffer>) {
  const root = mkdtempSync(join(tmpdir(), 'kubegrade-grade-'));
  const dir = join(root, '01-demo');
  mkdirSync(join(dir, 'submission'), { recursive: true });
  writeFileSync(join(dir, 'exercise.yaml'), exerciseYaml);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'submission', name), text);
  return { spec: loadExercise(dir), submission: join(dir, 'submission') };
}

const statuses = (r: ReturnType<typeof gradeExercise>) => Object.fromEntries(r.checks.map((c) => [c.id, c.status]));

describe('gradeExercise', () => {
  it('gives full marks to a correct Pod', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod });
    const r = gradeExercise(spec, submission, { images });
    expect(r.status).toBe('passed');
    expect(r.score).toBe(8);
    expect(r.maxScore).toBe(8);
    expect(r.files).toEqual([{ path: 'pod.yml', text: goodPod }]);
    expect(r.cluster?.pods).toMatch(/hello-pod\s+1\/1\s+Running/);
  });

  it('points a wrong label at its line and gives partial credit per field', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod.replace('app: web', 'app: wbe') });
    const r = gradeExercise(spec, submission, { images });
    const label = r.checks.find((c) => c.id === 'label')!;
    expect(label).toMatchObject({ status: 'failed', points: 1, maxPoints: 2, location: { file: 'pod.yml', line: 6, column: 10 }, hint: 'Look at metadata.labels.' });
    expect(label.message).toBe('Pod "hello-pod": metadata.labels.app is "wbe", expected "web"');
    expect(r.status).toBe('failed');
  });

  it('explains an image that does not exist, at the image line', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod.replace('nigelpoulton/', 'nigelpulton/') });
    const r = gradeExercise(spec, submission, { images });
    expect(statuses(r)).toEqual({ valid: 'passed', label: 'passed', running: 'failed', answers: 'failed', 'no-pull-failure': 'failed' });
    const running = r.checks.find((c) => c.id === 'running')!;
    expect(running.message).toMatch(/container web-ctr cannot start: (ImagePullBackOff|ErrImagePull)/);
    expect(running.location).toEqual({ file: 'pod.yml', line: 10, column: 14 });
  });

  it('turns an API-server rejection into a located diagnostic and fails the checks that need the Pod', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod.replace('- containerPort: 8080', '- containerPort: 0') });
    const r = gradeExercise(spec, submission, { images });
    expect(r.diagnostics[0]).toMatchObject({
      code: 'validate/invalid',
      severity: 'error',
      message: 'The Pod "hello-pod" is invalid: spec.containers[0].ports[0].containerPort: Required value',
      file: 'pod.yml',
      line: 12,
    });
    expect(statuses(r)).toEqual({ valid: 'failed', label: 'failed', running: 'failed', answers: 'failed', 'no-pull-failure': 'passed' });
    expect(r.checks.find((c) => c.id === 'label')!.message).toMatch(/^Pod "hello-pod" was not created: The Pod "hello-pod" is invalid/);
  });

  it('is an error, not a failure, when nothing could be loaded', () => {
    const { spec, submission } = setup({ 'pod.yml': '{ "broken": [' });
    const r = gradeExercise(spec, submission, { images });
    expect(r.status).toBe('error');
    expect(r.score).toBe(0);
    expect(r.diagnostics.map((d) => d.code)).toContain('grade/nothing-to-grade');
    expect(r.checks.every((c) => c.status === 'skipped' && c.points === 0)).toBe(true);
    expect(r.checks[0]!.message).toMatch(/^not graded: nothing in the submission could be loaded \(pod\.yml: /);
    expect(r.checks[0]!.location).toMatchObject({ file: 'pod.yml', line: 1 });
  });

  it('marks a check that throws as errored (a harness bug), never failed', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod });
    const broken: CheckSpec = { id: 'broken', title: 'Broken kind', points: 1, visibility: 'hidden', kind: 'resource', params: null };
    const r = gradeExercise(spec, submission, { images, hiddenChecks: [broken] });
    expect(r.checks.at(-1)).toMatchObject({ id: 'broken', status: 'errored', visibility: 'hidden' });
    expect(r.checks.at(-1)!.message).toMatch(/a bug in kubegrade/);
  });

  it('is byte-identical (JSON and HTML) for the same submission and seed', () => {
    const { spec, submission } = setup({ 'pod.yml': goodPod.replace('app: web', 'app: wbe') });
    const a = gradeExercise(spec, submission, { images, seed: 11 });
    const b = gradeExercise(spec, submission, { images, seed: 11 });
    const report = (e: typeof a) => ({ schemaVersion: 1 as const, score: e.score, maxScore: e.maxScore, exercises: [e] });
    expect(jsonReporter.render(report(a))).toBe(jsonReporter.render(report(b)));
    expect(renderHtml(report(a))).toBe(renderHtml(report(b)));
    expect(a.seed).toBe(11);
    expect(a.reproduce).toBe('npx kubegrade grade 01-demo --seed 11');
  });
});
