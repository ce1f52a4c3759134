import { describe, expect, it } from 'vitest';
import { createProgressPrinter, formatSeconds } from './progress.ts';

const event = (done: number, status: 'graded' | 'error' | 'skipped' = 'graded', failures = 0) => ({ learner: `l${done}`, status, done, total: 4, failures, ...(status === 'error' ? { error: 'boom' } : {}) });

describe('createProgressPrinter', () => {
  it('prints one plain line per learner when not live (CI, a log file)', () => {
    let text = '';
    const p = createProgressPrinter({ write: (t) => void (text += t), live: false, now: () => 0 });
    p.update(event(1));
    p.update(event(2, 'error', 1));
    p.finish();
    expect(text).toBe('[1/4] l1 graded\n[2/4] l2 error: boom\n');
  });
  it('redraws one line with rate, ETA and failures on a terminal (fake clock)', () => {
    let text = '';
    let t = 0;
    const p = createProgressPrinter({ write: (s) => void (text += s), live: true, now: () => t });
    t = 1000;
    p.update(event(1));
    t = 2000;
    p.update(event(2, 'error', 1));
    p.finish();
    const frames = text.split('\r').filter(Boolean);
    expect(frames[0]!.trimEnd()).toBe('1/4 learners  1.0/s  ETA 3s  0 could not be graded');
    expect(frames[1]!.trimEnd()).toBe('2/4 learners  1.0/s  ETA 2s  1 could not be graded');
    expect(text.endsWith('\n')).toBe(true);
  });
  it.each([
    [0, '0s'],
    [59, '59s'],
    [65, '1m05s'],
  ])('formats %d seconds as %s', (s, out) => expect(formatSeconds(s)).toBe(out));
});
