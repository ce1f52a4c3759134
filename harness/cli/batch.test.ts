import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSyntheticClass } from '../batch/testing/synthetic-class.ts';
import { readTree } from '../batch/testing/tree.ts';
import { runCliCaptured } from '../testing/run-cli.ts';

const courseRoot = resolve(import.meta.dirname, '..', '..');
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'kubegrade-batch-cli-'));
  buildSyntheticClass(courseRoot, join(tmp, 'class'), { count: 3, ids: ['01-hello-pod'], broken: false });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('kubegrade batch and merge (CLI)', () => {
  it('grades a class folder, says which layout it found, and merge of its output reproduces it', async () => {
    const run = await runCliCaptured(['batch', 'class', '--out', 'out', '--exercise', '01', '--jobs', '2', '--course', courseRoot, '--format', 'text'], tmp, { CI: 'true' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('['))).toHaveLength(3);
    expect(run.stdout).toContain('layout: flat: <learner>/<id>/\n');
    expect(run.stdout).toContain('3 learners, 1 exercises: 3 graded, 0 could not be graded, 0 unchanged (skipped)\n');
    expect(run.stdout).toContain('wrote out/index.html, out/results.json, out/gradebook.csv\n');
    const tree = readTree(join(tmp, 'out'));
    expect(Object.keys(tree)).toContain('learner-0000/result.txt');

    const merged = await runCliCaptured(['merge', 'out', '--out', 'merged'], tmp);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toContain('merged 1 shard: 3 learners, 0 could not be graded');
    expect(readTree(join(tmp, 'merged'))).toEqual(tree);

    const resumed = await runCliCaptured(['batch', 'class', '--out', 'out', '--exercise', '01', '--course', courseRoot, '--format', 'text', '--resume', '--compare', 'out/results.json'], tmp, { CI: 'true' });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('0 graded, 0 could not be graded, 3 unchanged (skipped)');
    expect(resumed.stdout).toContain('no score changed since the previous run');
  });

  it.each([
    [['batch', 'class'], 'kubegrade batch needs --out DIR'],
    [['batch', '--out', 'x'], 'kubegrade batch needs exactly one <root>'],
    [['batch', 'class', '--out', 'x', '--shard', '2/2'], '--shard i/n needs 0 ≤ i < n, got "2/2"'],
    [['batch', 'class', '--out', 'x', '--shard', 'half'], '--shard must look like i/n'],
    [['batch', 'class', '--out', 'x', '--jobs', '0'], '--jobs must be a whole number from 1 to 256'],
    [['batch', 'class', '--out', 'x', '--format', 'pdf'], '--format: unknown format "pdf"; valid formats:'],
    [['batch', 'class', '--out', 'x', '--compare', 'nope.json'], '--compare: cannot read'],
    [['batch', 'missing', '--out', 'x'], 'kubegrade batch: missing is not a folder'],
    [['merge', '--out', 'x'], 'kubegrade merge needs at least one shard folder'],
    [['merge', 'nope', '--out', 'x'], 'kubegrade merge: shard folder'],
  ])('rejects %j with a usage error (exit 2)', async (argv, message) => {
    const run = await runCliCaptured([...argv, '--course', courseRoot].filter((a, i, all) => !(argv[0] === 'merge' && (a === '--course' || all[i - 1] === '--course'))), tmp);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
