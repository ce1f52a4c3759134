import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';

const root = resolve(import.meta.dirname, '..', '..');
const skip = new Set(['node_modules', '.git', 'reports', '.tmp', 'coverage']);

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' } }).trim();
}

describe('harness/ci/grade-pr.sh (the workflow\'s grading steps)', () => {
  it('grades the pull request\'s submission with the base harness and flags every other change', () => {
    const work = mkdtempSync(join(tmpdir(), 'kubegrade-pr-'));
    const repo = join(work, 'repo');
    // The base commit: a copy of the course without node_modules (linked instead).
    cpSync(root, repo, { recursive: true, filter: (src) => !skip.has(relative(root, src).split('/')[0]!) });
    symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'));
    writeFileSync(join(repo, '.gitignore'), 'node_modules\nreports/*\n');
    git(repo, 'init', '-q', '-b', 'main');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'base');
    const base = git(repo, 'rev-parse', 'HEAD');
    const baseMain = readFileSync(join(repo, 'harness', 'cli', 'main.ts'), 'utf8');

    // The pull request: fixes exercise 01, and also tampers with the harness, a test and the workflow.
    git(repo, 'checkout', '-q', '-b', 'learner');
    cpSync(join(root, 'solutions', '01-hello-pod', 'solution', 'pod.yml'), join(repo, 'exercises', '01-hello-pod', 'submission', 'pod.yml'));
    writeFileSync(join(repo, 'harness', 'cli', 'main.ts'), baseMain.replace('const [name, ...rest] = argv;', "io.stdout('PWNED\\n');\n  return 0;\n  const [name, ...rest] = argv;"));
    writeFileSync(join(repo, 'harness', 'cli', 'cli.test.ts'), '// all tests removed\n');
    writeFileSync(join(repo, '.github', 'workflows', 'autograde.yml'), 'name: pwned\n');
    symlinkSync('../../../solutions/02-hello-pod-json/solution/pod.json', join(repo, 'exercises', '02-hello-pod-json', 'submission', 'link.json'));
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'my solution');
    const head = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', 'main'); // the workflow checks out the base branch

    const summary = join(work, 'summary.md');
    const output = join(work, 'output.txt');
    mkdirSync(join(work, 'runner-temp'));
    const run = spawnSync('bash', [join(repo, 'harness', 'ci', 'grade-pr.sh'), '01', '02'], {
      cwd: repo,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: repo, RUNNER_TEMP: join(work, 'runner-temp'), HEAD_SHA: head, DIFF_BASE: base },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1); // 02 still has its starter files
    expect(run.stdout).not.toContain('PWNED');

    // The fix was graded...
    const report = JSON.parse(readFileSync(join(repo, 'reports', 'result.json'), 'utf8')) as GradeReport;
    expect(report.exercises.map((e) => [e.id, e.status])).toEqual([
      ['01-hello-pod', 'passed'],
      ['02-hello-pod-json', 'failed'],
    ]);
    // ...the symlink was not materialised, and the base harness stayed in place.
    expect(existsSync(join(repo, 'exercises', '02-hello-pod-json', 'submission', 'link.json'))).toBe(false);
    expect(readFileSync(join(repo, 'harness', 'cli', 'main.ts'), 'utf8')).toBe(baseMain);
    expect(git(repo, 'status', '--porcelain', '--', 'harness', '.github')).toBe('');

    // Every change outside the submissions is flagged in the summary, the log and the reports.
    const text = readFileSync(summary, 'utf8');
    expect(text).toContain('### ⚠️ 4 files changed outside the submission folders');
    for (const f of ['\\.github/workflows/autograde\\.yml', 'harness/cli/cli\\.test\\.ts', 'harness/cli/main\\.ts', 'exercises/02\\-hello\\-pod\\-json/submission/link\\.json']) expect(text).toContain(`- <code>${f}</code>`);
    expect(run.stdout).toContain('::warning title=Changes outside the submission folders::4 file(s) changed outside exercises/*/submission/ were ignored');
    expect(readFileSync(join(repo, 'reports', 'changed-outside-submission.txt'), 'utf8')).toBe('.github/workflows/autograde.yml\nexercises/02-hello-pod-json/submission/link.json\nharness/cli/cli.test.ts\nharness/cli/main.ts\n');
    expect(readFileSync(output, 'utf8')).toMatch(/^result=[A-Za-z0-9+/=]+\n/);
  });
});
