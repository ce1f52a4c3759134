import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/config-file.ts';
import { loadExercise, loadHiddenChecks } from './exercise.ts';

function exerciseDir(yaml: string, id = '01-demo'): string {
  const root = mkdtempSync(join(tmpdir(), 'kubegrade-ex-'));
  const dir = join(root, id);
  mkdirSync(dir);
  writeFileSync(join(dir, 'exercise.yaml'), yaml);
  return dir;
}

function configProblems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems.map((p) => `${p.position ? `${p.position.line}:${p.position.column} ` : ''}${p.message}`);
    throw e;
  }
  throw new Error('expected a ConfigError');
}

const valid = `id: 01-demo
title: Demo
checks:
  - id: exists
    title: A Pod exists
    points: 2
    expect: { resource: { kind: Pod, name: hello-pod, fields: { "metadata.labels.app": web } } }
`;

describe('loadExercise', () => {
  it('reads a valid exercise with defaults', () => {
    const spec = loadExercise(exerciseDir(valid));
    expect(spec.id).toBe('01-demo');
    expect(spec.cluster).toEqual({ nodes: 3, given: [], settleSeconds: 300 });
    expect(spec.submission.accept).toEqual(['*.yml', '*.yaml', '*.json', 'commands.sh']);
    expect(spec.checks).toHaveLength(1);
    expect(spec.checks[0]).toMatchObject({ id: 'exists', kind: 'resource', points: 2, visibility: 'visible' });
  });

  it('names the line of an unknown key', () => {
    const yaml = valid.replace('    points: 2\n', '    points: 2\n    pionts: 3\n');
    expect(configProblems(() => loadExercise(exerciseDir(yaml)))).toEqual(['7:5 checks[0]: unknown key "pionts"']);
  });

  it('lists the valid check kinds for an unknown one, at its line', () => {
    const yaml = valid.replace('{ resource:', '{ resourse:');
    const [problem] = configProblems(() => loadExercise(exerciseDir(yaml)));
    expect(problem).toMatch(/^7:15 checks\[0\]\.expect: unknown check kind "resourse"; valid kinds: dns, endpoints, event, noErrors, pod, request, resource$/);
  });

  it('validates check parameters against the kind\'s schema', () => {
    const yaml = valid.replace('kind: Pod, ', '');
    expect(configProblems(() => loadExercise(exerciseDir(yaml)))).toEqual(['7:25 checks[0].expect.resource: missing required key "kind"']);
  });

  it('rejects a bad field path in resource.fields', () => {
    const yaml = valid.replace('"metadata.labels.app"', '"metadata..labels"');
    expect(configProblems(() => loadExercise(exerciseDir(yaml)))[0]).toMatch(/invalid field path "metadata\.\.labels"/);
  });

  it('rejects duplicate check ids and an id that is not the folder name', () => {
    const dup = valid + valid.slice(valid.indexOf('  - id')).replace('title: A Pod exists', 'title: Again');
    expect(configProblems(() => loadExercise(exerciseDir(dup)))).toEqual(['8:9 duplicate check id "exists"']);
    expect(configProblems(() => loadExercise(exerciseDir(valid, '02-other')))).toEqual(['1:5 id "01-demo" must equal the folder name "02-other"']);
  });

  it('reports YAML syntax errors with their line', () => {
    expect(configProblems(() => loadExercise(exerciseDir('id: [01\n')))[0]).toMatch(/^2:1 /);
  });

  it('rejects given files outside the exercise folder', () => {
    const yaml = valid.replace('checks:', 'cluster:\n  given: [../../etc/passwd]\nchecks:');
    expect(configProblems(() => loadExercise(exerciseDir(yaml)))[0]).toMatch(/^4:11 cluster\.given\[0\]: "\.\.\/\.\.\/etc\/passwd" is not a file inside the exercise folder/);
  });
});

describe('loadHiddenChecks', () => {
  it('marks hidden checks and refuses ids that clash with visible ones', () => {
    const dir = exerciseDir(valid);
    const spec = loadExercise(dir);
    const file = join(dir, 'hidden.yaml');
    writeFileSync(file, 'checks:\n  - { id: pinned, title: Pinned tag, points: 1, expect: { noErrors: {} } }\n');
    expect(loadHiddenChecks(file, 'hidden.yaml', spec.checks)[0]).toMatchObject({ id: 'pinned', visibility: 'hidden' });
    writeFileSync(file, 'checks:\n  - { id: exists, title: Again, points: 1, expect: { noErrors: {} } }\n');
    expect(configProblems(() => loadHiddenChecks(file, 'hidden.yaml', spec.checks))).toEqual(['2:11 check id "exists" is already used by a visible check']);
  });
});
