import type { GradeReport } from '../core/result.ts';

/**
 * A Classroom 50-style `result.json` (score, max score, one entry per test with pass/fail/error).
 * Classroom 50 publishes a machine-readable result.json per submission but we found no published
 * schema for it, so this shape is ours and documented in docs/ci.md.
 */
export interface Classroom50Result {
  version: 1;
  score: number;
  max_score: number;
  passed: boolean;
  tests: { name: string; status: 'pass' | 'fail' | 'error'; score: number; max_score: number; message?: string }[];
}

/** Builds the Classroom 50-style result: one test per exercise, scored in points. */
export function classroom50Result(report: GradeReport, passed: boolean): Classroom50Result {
  return {
    version: 1,
    score: report.score,
    max_score: report.maxScore,
    passed,
    tests: report.exercises.map((e) => {
      const failed = e.checks.filter((c) => c.status !== 'passed').map((c) => c.title);
      return {
        name: `${e.id}: ${e.title}`,
        status: e.status === 'passed' ? 'pass' : e.status === 'error' ? 'error' : 'fail',
        score: e.score,
        max_score: e.maxScore,
        ...(failed.length > 0 ? { message: `not passed: ${failed.join('; ')}` } : {}),
      };
    }),
  };
}
