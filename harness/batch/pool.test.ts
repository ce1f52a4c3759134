import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkerPool } from './pool.ts';
import type { LearnerTask } from './types.ts';

const courseRoot = resolve(import.meta.dirname, '..', '..');
const ids = ['01-hello-pod', '05-nodeport-service'];
const task = (learner: string, variant: 'solution' | 'missing'): LearnerTask => ({
  learner,
  key: `key-${learner}`,
  courseRoot,
  ids,
  dirs: Object.fromEntries(ids.map((id) => [id, resolve(courseRoot, 'solutions', id, variant)])),
  formats: ['junit'],
});

describe('createWorkerPool', () => {
  it('grades the same with bundled workers as with workers that register tsx, reusing each worker across learners', async () => {
    const outcomes = [];
    for (const loader of ['bundle', 'tsx'] as const) {
      const pool = createWorkerPool({ size: 1, timeoutMs: 60_000, maxOldGenerationSizeMb: 512, loader });
      try {
        expect((await pool.source).kind).toBe(loader);
        outcomes.push(await Promise.all([pool.run(task('ada', 'solution')), pool.run(task('bo', 'missing'))]));
      } finally {
        await pool.close();
      }
    }
    const [bundled, tsx] = outcomes;
    expect(bundled).toEqual(tsx);
    const [ada, bo] = bundled!;
    expect(ada).toMatchObject({ ok: true, outcome: { summary: { learner: 'ada', status: 'graded' } } });
    if (!ada!.ok || !bo!.ok) throw new Error('grading failed');
    expect(ada.outcome.summary.report!.score).toBe(ada.outcome.summary.report!.maxScore);
    expect(bo.outcome.summary.report!.score).toBe(0);
    expect(ada.outcome.outputs.map((o) => o.file)).toEqual(['report.html', 'junit.xml']);
    expect(JSON.parse(ada.outcome.resultJson)).toMatchObject({ learner: 'ada', key: 'key-ada', status: 'graded' });
  }, 60_000);

  it('goes back to tsx when a bundled worker does not start, and still grades everyone', async () => {
    const pool = createWorkerPool({ size: 2, timeoutMs: 60_000, maxOldGenerationSizeMb: 256, entry: new URL('./testing/unbundlable-worker.ts', import.meta.url) });
    try {
      const results = await Promise.all(['a', 'b', 'c'].map((l) => pool.run(task(l, 'solution'))));
      expect(results.map((r) => (r.ok ? r.outcome.summary.learner : r.error))).toEqual(['a', 'b', 'c']);
      expect(await pool.source).toMatchObject({ kind: 'tsx', reason: expect.stringContaining('this bundle does not start') });
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('answers a learner sent after close at once', async () => {
    const pool = createWorkerPool({ size: 1, timeoutMs: 60_000, maxOldGenerationSizeMb: 512 });
    await pool.close();
    expect(await pool.run(task('late', 'solution'))).toEqual({ ok: false, error: 'the batch was stopped' });
  });
});
