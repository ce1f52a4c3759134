import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../testing/run-cli.ts';

const root = resolve(import.meta.dirname, '..', '..');

function runNpmTest(dir: string, args: string[] = []) {
  return spawnSync('npm', ['test', '--', ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0' } });
}

describe('kubegrade export-template (the learner flow)', () => {
  it('writes a learner checkout whose npm test grades submissions', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kubegrade-learner-')), 'course');
    const run = await runCliCaptured(['export-template', dir], root);
    expect(run.code).toBe(0);
    expect(existsSync(join(dir, 'solutions'))).toBe(false);
    expect(existsSync(join(dir, 'exercises', '01-hello-pod', 'submission'))).toBe(true);
    expect(existsSync(join(dir, 'harness', 'grade', 'grade.ts'))).toBe(true);
    expect(existsSync(join(dir, 'harness', 'grade', 'exercise.test.ts'))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).scripts.test).toBe('vitest run');
    // The learner would run npm ci; the course's installed packages stand in for it here.
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));

    // The starter submission fails, and says why.
    const starter = runNpmTest(dir, ['01']);
    expect(starter.status).not.toBe(0);
    expect(starter.stdout + starter.stderr).toMatch(/01-hello-pod/);

    // With the reference solution copied in, exercise 01 passes.
    rmSync(join(dir, 'exercises', '01-hello-pod', 'submission'), { recursive: true });
    cpSync(join(root, 'solutions', '01-hello-pod', 'solution'), join(dir, 'exercises', '01-hello-pod', 'submission'), { recursive: true });
    const solved = runNpmTest(dir, ['01']);
    expect(solved.stdout + solved.stderr).toMatch(/Tests\s+\d+ passed/);
    expect(solved.status).toBe(0);
    expect(readFileSync(join(dir, 'reports', 'index.html'), 'utf8')).toContain('01-hello-pod');
  }, 120_000);

  it('refuses a non-empty target without --force', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubegrade-learner-'));
    await runCliCaptured(['export-template', dir], root);
    const again = await runCliCaptured(['export-template', dir], root);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty \(use --force/);
  });
});
