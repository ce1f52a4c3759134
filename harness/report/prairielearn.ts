import type { GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { checkDetailLines } from './check-text.ts';
import { canonicalReport } from './json.ts';

/** One test of PrairieLearn's external-grader results. */
export interface PrairieLearnTest {
  name: string;
  description: string;
  points: number;
  max_points: number;
  message: string;
  output: string;
}

/** PrairieLearn's external-grader results.json. */
export interface PrairieLearnResults {
  gradable: boolean;
  score: number;
  message: string;
  output: string;
  format_errors?: string[];
  tests: PrairieLearnTest[];
}

/** Builds PrairieLearn's results object; gradable is false only when no exercise could be loaded at all. */
export function prairielearnResults(report: GradeReport): PrairieLearnResults {
  const r = canonicalReport(report);
  const gradable = r.exercises.some((e) => e.status !== 'error');
  const formatErrors = r.exercises
    .filter((e) => e.status === 'error')
    .flatMap((e) => e.diagnostics.filter((d) => d.severity === 'error').map((d) => `${e.id}: ${d.message}${d.file ? ` (${d.file}${d.line ? `:${d.line}` : ''})` : ''}`));
  const score = r.maxScore > 0 ? Math.min(1, Math.max(0, r.score / r.maxScore)) : 0;
  return {
    gradable,
    score: gradable ? score : 0,
    message: `${r.score}/${r.maxScore} points`,
    output: r.exercises.map((e) => `${e.id}: ${e.score}/${e.maxScore} ${e.status}${e.reproduce ? ` (reproduce: ${e.reproduce})` : ''}`).join('\n'),
    ...(formatErrors.length ? { format_errors: formatErrors } : {}),
    tests: r.exercises.flatMap((e) =>
      e.checks.map((c) => ({
        name: `${e.id}: ${c.title}`,
        description: c.id,
        points: c.points,
        max_points: c.maxPoints,
        message: c.status === 'passed' ? '' : [c.message ?? c.status, c.hint && `hint: ${c.hint}`].filter(Boolean).join('\n'),
        output: checkDetailLines(c, { hint: false }).join('\n'),
      })),
    ),
  };
}

export const prairielearnReporter: Reporter = {
  name: 'prairielearn',
  description: 'PrairieLearn external-grader results.json (gradable, score 0..1, tests[])',
  fileName: 'results.json',
  render: (report) => `${JSON.stringify(prairielearnResults(report), null, 2)}\n`,
};
