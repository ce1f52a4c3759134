import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../testing/run-cli.ts';

const root = resolve(import.meta.dirname, '..', '..');
const solution01 = join(root, 'solutions', '01-hello-pod', 'solution');

function tempCopy(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-cli-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

describe('kubegrade grade', () => {
  it('grades the reference solution with full marks and exit 0 (JSON contract)', async () => {
    const run = await runCliCaptured(['grade', '01', '--submission', solution01, '--format', 'json', '--no-report'], root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { schemaVersion: number; score: number; maxScore: number; exercises: { id: string; status: string; seed: number; checks: { status: string }[] }[] };
    expect(report.schemaVersion).toBe(1);
    expect(report.score).toBe(report.maxScore);
    expect(report.exercises.map((e) => [e.id, e.status])).toEqual([['01-hello-pod', 'passed']]);
    expect(report.exercises[0]!.checks.every((c) => c.status === 'passed')).toBe(true);
  });

  it('explains a wrong image on the line of the learner\'s file and exits 1', async () => {
    const dir = tempCopy(solution01);
    const file = join(dir, 'pod.yml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('nigelpoulton/', 'nigelpulton/'));
    const run = await runCliCaptured(['grade', '01-hello-pod', '--submission', dir, '--no-report'], root);
    expect(run.code).toBe(1);
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('nigelpulton')) + 1;
    expect(run.stdout).toMatch(/✖ hello-pod is Running and Ready/);
    expect(run.stdout).toMatch(/ImagePullBackOff|ErrImagePull/);
    expect(run.stdout).toContain(`→ at pod.yml:${line}:`);
  });

  it('is byte-identical across runs with the same seed', async () => {
    const a = await runCliCaptured(['grade', '01', '--submission', solution01, '--format', 'json', '--no-report', '--seed', '7'], root);
    const b = await runCliCaptured(['grade', '01', '--submission', solution01, '--format', 'json', '--no-report', '--seed', '7'], root);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout).exercises[0].seed).toBe(7);
  });

  it.each([
    [['grade', '99'], /unknown exercise "99"; valid exercises: 01-hello-pod/],
    [['grade', '--format', 'xml'], /--format must be text or json, got "xml"/],
    [['grade', '--seed', '-3'], /--seed|seed/],
    [['grade', '--bogus'], /Unknown option '--bogus'/],
    [['grade', '01', '02', '--submission', '.'], /--submission needs exactly one exercise ID/],
    [['frobnicate'], /unknown command "frobnicate"; valid commands: grade, simulate, batch, merge, export-template, report/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const run = await runCliCaptured(argv, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it('prints help for every command', async () => {
    for (const argv of [['--help'], ['grade', '--help'], ['simulate', '--help'], ['export-template', '--help']]) {
      const run = await runCliCaptured(argv, root);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: kubegrade/);
    }
  });

  it('grades a hostile submission without crashing: every bad file is a diagnostic', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegrade-hostile-'));
    const outside = mkdtempSync(join(tmpdir(), 'kubegrade-outside-'));
    writeFileSync(join(outside, 'secret.yml'), 'apiVersion: v1\nkind: Pod\n');
    symlinkSync(join(outside, 'secret.yml'), join(dir, 'link.yml'));
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 0; i < 8; i++) bomb.push(`${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`);
    writeFileSync(join(dir, 'bomb.yml'), bomb.join('\n') + '\n');
    writeFileSync(join(dir, 'binary.yml'), Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0, 0]));
    writeFileSync(join(dir, 'proto.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  __proto__:\n    polluted: yes\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'tabs.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: x\n');
    const run = await runCliCaptured(['grade', '01', '--submission', dir, '--format', 'json', '--no-report'], root);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const codes = (JSON.parse(run.stdout).exercises[0].diagnostics as { code: string }[]).map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['load/symlink-outside', 'load/binary-file', 'load/forbidden-key', 'load/tab-indent']));
    expect(codes.some((c) => c === 'load/too-many-aliases' || c === 'load/yaml-syntax')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('writes reports/index.html and result.json on a grading run', async () => {
    const course = mkdtempSync(join(tmpdir(), 'kubegrade-course-'));
    cpSync(join(root, 'exercises'), join(course, 'exercises'), { recursive: true });
    const run = await runCliCaptured(['grade', '01', '--submission', solution01], course);
    expect(run.code).toBe(0);
    expect(readFileSync(join(course, 'reports', 'index.html'), 'utf8')).toContain('<title>kubegrade report');
    expect(JSON.parse(readFileSync(join(course, 'reports', 'result.json'), 'utf8')).schemaVersion).toBe(1);
  });
});

describe('the bin', () => {
  it('runs as a real process: npx kubegrade grade exits with the grading result', () => {
    const out = execFileSync(process.execPath, [join(root, 'bin', 'kubegrade.js'), 'grade', '01', '--submission', solution01, '--format', 'json', '--no-report'], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out).exercises[0].status).toBe('passed');
  });
});
