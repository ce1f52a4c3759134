import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from './merge.ts';
import { runBatch, type BatchOptions } from './run-batch.ts';
import type { BROKEN_LEARNERS } from './testing/synthetic-class.ts';
import { buildSyntheticClass } from './testing/synthetic-class.ts';
import { readTree } from './testing/tree.ts';
import type { BatchResults, LearnerFile } from './types.ts';

const courseRoot = resolve(import.meta.dirname, '..', '..');
const ids = ['01-hello-pod', '05-nodeport-service'];
let tmp: string;
let root: string;
let learners: string[];
let baseline: Record<string, string>;

const run = (out: string, extra: Partial<BatchOptions> = {}) => runBatch({ root, out: join(tmp, out), courseRoot, ids, jobs: 2, ...extra });

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'kubegrade-batch-'));
  root = join(tmp, 'class');
  learners = buildSyntheticClass(courseRoot, root, { count: 8, ids });
  await run('baseline');
  baseline = readTree(join(tmp, 'baseline'));
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('runBatch on a synthetic class (8 learners from solutions and mutants, 4 broken)', () => {
  it('writes a complete gradebook: every learner has a row, a report and a result', () => {
    const results = JSON.parse(baseline['results.json']!) as BatchResults;
    // results.json is streamed one learner at a time; its bytes must still be plain pretty-printed JSON.
    expect(baseline['results.json']).toBe(`${JSON.stringify(results, null, 2)}\n`);
    expect(results.learners.map((l) => l.learner)).toEqual(learners);
    expect(results.learners.every((l) => l.status === 'graded')).toBe(true);
    for (const l of learners) {
      expect(baseline[`${l}/report.html`]).toContain('<html');
      expect(JSON.parse(baseline[`${l}/result.json`]!).key).toMatch(/^[0-9a-f]{64}$/);
    }
    const csv = baseline['gradebook.csv']!.split('\r\n');
    expect(csv[0]).toBe('learner,01-hello-pod,05-nodeport-service,total,max,status');
    expect(csv).toHaveLength(learners.length + 2);
    for (const f of ['canvas.csv', 'moodle.csv', 'similarity.json', 'index.html']) expect(baseline[f]).toBeTruthy();
  });

  it('grades broken inputs with diagnostics instead of failing', () => {
    const expected: Record<(typeof BROKEN_LEARNERS)[number], string> = {
      'zz-binary': 'load/binary-file',
      'zz-big-file': 'load/file-too-large',
      'zz-symlink-out': 'load/symlink-outside',
      'zz-yaml-bomb': 'load/too-many-aliases',
    };
    for (const [learner, code] of Object.entries(expected)) {
      const file = JSON.parse(baseline[`${learner}/result.json`]!) as LearnerFile;
      expect(file.status).toBe('graded');
      expect(file.report!.exercises[0]!.diagnostics.map((d) => d.code)).toContain(code);
    }
  });

  it('gives byte-identical outputs with 1 worker and with 2', async () => {
    await run('jobs1', { jobs: 1 });
    expect(readTree(join(tmp, 'jobs1'))).toEqual(baseline);
  });

  it('gives byte-identical outputs when sharded in 2 and merged', async () => {
    const a = await run('shard0', { shard: { index: 0, count: 2 } });
    const b = await run('shard1', { shard: { index: 1, count: 2 } });
    expect([...a.learners, ...b.learners].sort()).toEqual(learners);
    expect(a.learners).toEqual(learners.filter((_, i) => i % 2 === 0));
    mergeShards([join(tmp, 'shard0'), join(tmp, 'shard1')], join(tmp, 'merged'));
    expect(readTree(join(tmp, 'merged'))).toEqual(baseline);
  });

  it('loses and duplicates nothing when a run is stopped half-way and resumed', async () => {
    const stopped = await run('resumed', { hooks: { stopAfter: 5 } });
    expect(stopped.stopped).toBe(true);
    expect(() => readFileSync(join(tmp, 'resumed', 'results.json'))).toThrow();
    const resumed = await run('resumed', { resume: true });
    expect(resumed.skipped).toBeGreaterThanOrEqual(5);
    expect(resumed.skipped + resumed.graded).toBe(learners.length);
    expect(readTree(join(tmp, 'resumed'))).toEqual(baseline);
    const again = await run('resumed', { resume: true });
    expect(again.skipped).toBe(learners.length);
  });

  it('makes a learner over the time or memory budget an error row and grades everyone else', async () => {
    const [slow, hungry] = [learners[1]!, learners[2]!];
    const s = await run('budgets', { timeoutMs: 6000, maxOldGenerationSizeMb: 128, hooks: { spin: [slow], hog: [hungry] } });
    const rows = s.aggregates!.learners;
    expect(rows.find((r) => r.learner === slow)).toMatchObject({ status: 'error', error: expect.stringContaining('time budget of 6 s') });
    expect(rows.find((r) => r.learner === hungry)).toMatchObject({ status: 'error', error: expect.stringContaining('memory budget of 128 MiB') });

    expect(rows.filter((r) => r.status === 'graded')).toHaveLength(learners.length - 2);
    const csv = readFileSync(join(tmp, 'budgets', 'gradebook.csv'), 'utf8');
    expect(csv).toContain(`${slow},,,,26,error`);
  });

  it('lists score changes against a previous results.json', async () => {
    const previous = (JSON.parse(baseline['results.json']!) as BatchResults).learners.map((l) =>
      l.learner === learners[0] ? { ...l, report: { ...l.report!, score: -1, exercises: l.report!.exercises.map((e) => ({ ...e, checks: e.checks.map((c) => ({ ...c, status: 'failed' as const })) })) } } : l,
    );
    const s = await run('compare', { previous, resume: false });
    const changes = s.aggregates!.changes!;
    expect(changes.map((c) => c.learner)).toEqual([learners[0]]);
    expect(changes[0]!.flipped.length).toBeGreaterThan(0);
    expect(changes[0]!.flipped.every((f) => f.before === 'failed')).toBe(true);
    expect(readFileSync(join(tmp, 'compare', 'index.html'), 'utf8')).toContain('Score changes since the previous run');
    expect(JSON.parse(readFileSync(join(tmp, 'compare', 'compare.json'), 'utf8')).changes).toEqual(changes);
  });

  it('detects the course-checkout layout and grades it like the flat one', async () => {
    const courseClass = join(tmp, 'course-class');
    buildSyntheticClass(courseRoot, courseClass, { count: 3, ids, broken: false, layout: 'course' });
    const s = await runBatch({ root: courseClass, out: join(tmp, 'course-out'), courseRoot, ids, jobs: 1 });
    expect(s.layout).toBe('course');
    const flat = JSON.parse(baseline['learner-0001/result.json']!) as LearnerFile;
    const checkout = JSON.parse(readFileSync(join(tmp, 'course-out', 'learner-0001', 'result.json'), 'utf8')) as LearnerFile;
    expect(checkout.report!.score).toBe(flat.report!.score);
  });

  it('writes an empty gradebook for a class folder without learners (and starts no workers)', async () => {
    const empty = join(tmp, 'empty-class');
    mkdirSync(empty);
    const s = await runBatch({ root: empty, out: join(tmp, 'empty-out'), courseRoot, ids });
    expect(s.learners).toEqual([]);
    expect(readFileSync(join(tmp, 'empty-out', 'results.json'), 'utf8')).toBe(`${JSON.stringify({ schemaVersion: 1, learners: [] }, null, 2)}\n`);
  });
});

describe('the gradebook of a class of 20 learners', () => {
  it('renders, and its pass-rate chart matches results.json', async () => {
    const classRoot = join(tmp, 'class20');
    const names = buildSyntheticClass(courseRoot, classRoot, { count: 20, ids: ['01-hello-pod'], broken: false });
    expect(names.length).toBeGreaterThanOrEqual(20);
    await runBatch({ root: classRoot, out: join(tmp, 'out20'), courseRoot, ids: ['01-hello-pod'], jobs: 2 });
    const results = JSON.parse(readFileSync(join(tmp, 'out20', 'results.json'), 'utf8')) as BatchResults;
    const html = readFileSync(join(tmp, 'out20', 'index.html'), 'utf8');
    expect(html).toContain(`${results.learners.filter((l) => l.report).length} learners; median total`);
    const graded = results.learners.filter((l) => l.report);
    for (const check of graded[0]!.report!.exercises[0]!.checks) {
      const passed = graded.filter((l) => l.report!.exercises[0]!.checks.find((c) => c.id === check.id)?.status === 'passed').length;
      const pct = Math.round((passed * 100) / graded.length);
      const title = check.title.replace(/=/g, '&#x3D;');
      expect(html).toContain(`<title>01-hello-pod: ${title}: ${passed} of ${graded.length} passed (${pct}%)</title>`);
    }
  }, 120_000);
});
