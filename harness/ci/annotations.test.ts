import { describe, expect, it } from 'vitest';
import type { CheckResult, ExerciseResult, GradeReport } from '../core/result.ts';
import { annotationCommand, collectAnnotations, selectAnnotations, type Annotation } from './annotations.ts';

const paths = { repoRoot: '/repo', submissionDir: (id: string) => `/repo/exercises/${id}/submission` };

function check(id: string, maxPoints: number, points = 0, extra: Partial<CheckResult> = {}): CheckResult {
  return { id, title: `title ${id}`, status: points === maxPoints ? 'passed' : 'failed', points, maxPoints, message: `message ${id}`, ...extra };
}

function exercise(id: string, checks: CheckResult[], extra: Partial<ExerciseResult> = {}): ExerciseResult {
  const score = checks.reduce((n, c) => n + c.points, 0);
  const maxScore = checks.reduce((n, c) => n + c.maxPoints, 0);
  return { id, title: id, score, maxScore, status: score === maxScore ? 'passed' : 'failed', seed: 1, checks, diagnostics: [], ...extra };
}

function report(...exercises: ExerciseResult[]): GradeReport {
  return { schemaVersion: 1, score: 0, maxScore: 0, exercises };
}

describe('collectAnnotations', () => {
  it('turns failed checks and error/warning diagnostics into annotations with repository paths', () => {
    const r = report(
      exercise('01-a', [check('ok', 1, 1), check('bad', 3, 1, { hint: 'try x', location: { file: 'sub/pod.yml', line: 4, column: 7 } })], {
        diagnostics: [
          { code: 'load/tab-indent', severity: 'warning', message: 'tabs', file: 'pod.yml', line: 2, column: 1 },
          { code: 'x/info', severity: 'info', message: 'fyi' },
        ],
      }),
    );
    expect(collectAnnotations(r, paths)).toEqual([
      { level: 'error', file: 'exercises/01-a/submission/sub/pod.yml', line: 4, column: 7, title: 'title bad', message: 'message bad\nhint: try x', pointsLost: 2, exercise: '01-a' },
      { level: 'warning', file: 'exercises/01-a/submission/pod.yml', line: 2, column: 1, title: 'load/tab-indent', message: 'tabs', pointsLost: 0, exercise: '01-a' },
    ]);
  });

  it('charges the lost points of an ungradable exercise to its first error diagnostic', () => {
    const r = report(exercise('02-b', [], { status: 'error', maxScore: 8, score: 0, diagnostics: [{ code: 'load/none', severity: 'error', message: 'nothing to grade' }, { code: 'load/other', severity: 'error', message: 'and this' }] }));
    expect(collectAnnotations(r, paths).map((a) => [a.title, a.pointsLost, a.file])).toEqual([
      ['load/none', 8, undefined],
      ['load/other', 0, undefined],
    ]);
  });
});

describe('selectAnnotations', () => {
  const mk = (level: Annotation['level'], pointsLost: number, n: number): Annotation => ({ level, pointsLost, title: `${level}${n}`, message: 'm', exercise: 'e' });

  it('keeps the 10 costliest errors and 10 warnings (stable on ties) and counts the rest', () => {
    const all = [...Array.from({ length: 14 }, (_, i) => mk('error', i % 3, i)), ...Array.from({ length: 12 }, (_, i) => mk('warning', 0, i))];
    const { shown, omitted } = selectAnnotations(all);
    const errors = shown.filter((a) => a.level === 'error');
    expect(errors).toHaveLength(10);
    // points 2: 2,5,8,11; points 1: 1,4,7,10,13; points 0: 0 (first by order)
    expect(errors.map((a) => a.title)).toEqual(['error2', 'error5', 'error8', 'error11', 'error1', 'error4', 'error7', 'error10', 'error13', 'error0']);
    expect(shown.filter((a) => a.level === 'warning').map((a) => a.title)).toEqual(Array.from({ length: 10 }, (_, i) => `warning${i}`));
    expect(omitted).toEqual({ error: 4, warning: 2 });
  });

  it('shows everything under the limits', () => {
    expect(selectAnnotations([mk('error', 1, 0)])).toEqual({ shown: [mk('error', 1, 0)], omitted: { error: 0, warning: 0 } });
  });
});

describe('annotationCommand', () => {
  it('escapes learner-controlled paths and messages', () => {
    const a: Annotation = { level: 'error', file: 'exercises/01/submission/a,b::c\n.yml', line: 1, column: 2, title: 'T', message: 'x\n::add-mask::y', pointsLost: 1, exercise: '01' };
    expect(annotationCommand(a)).toBe('::error file=exercises/01/submission/a%2Cb%3A%3Ac%0A.yml,line=1,col=2,title=T::x%0A::add-mask::y');
  });
});
