import type { CheckResult, ExerciseResult, GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { checkDetailLines } from './check-text.ts';
import { canonicalReport } from './json.ts';

/** One test of Gradescope's results.json. */
export interface GradescopeTest {
  name: string;
  number: string;
  score: number;
  max_score: number;
  status: 'passed' | 'failed';
  output: string;
  output_format: 'text';
  tags: string[];
  visibility: 'visible' | 'after_published';
}

/** Gradescope's results.json for an autograder run. */
export interface GradescopeResults {
  score: number;
  max_score: number;
  output: string;
  output_format: 'text';
  visibility: 'visible';
  stdout_visibility: 'hidden';
  tests: GradescopeTest[];
}

/** Builds Gradescope's results.json object: one test per check, hidden checks shown after grades are published. */
export function gradescopeResults(report: GradeReport): GradescopeResults {
  const r = canonicalReport(report);
  const tests: GradescopeTest[] = [];
  r.exercises.forEach((e, i) => {
    if (e.status === 'error' && e.checks.length === 0) tests.push(ungradable(e, i));
    e.checks.forEach((c, j) => tests.push(test(e, c, `${i + 1}.${j + 1}`)));
  });
  return {
    score: r.score,
    max_score: r.maxScore,
    output: r.exercises.map((e) => `${e.id}: ${e.score}/${e.maxScore}${e.status === 'error' ? ' (could not be graded)' : ''}${e.reproduce ? `\nreproduce: ${e.reproduce}` : ''}`).join('\n'),
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests,
  };
}

function test(e: ExerciseResult, c: CheckResult, number: string): GradescopeTest {
  const output = c.status === 'passed'
    ? ''
    : [c.message ?? c.status, ...checkDetailLines(c)].join('\n');
  return {
    name: `${e.id}: ${c.title}`,
    number,
    score: c.points,
    max_score: c.maxPoints,
    status: c.status === 'passed' ? 'passed' : 'failed',
    output,
    output_format: 'text',
    tags: [e.id, c.id],
    visibility: c.visibility === 'hidden' ? 'after_published' : 'visible',
  };
}

function ungradable(e: ExerciseResult, i: number): GradescopeTest {
  return {
    name: `${e.id}: the submission could be graded`,
    number: `${i + 1}.0`,
    score: 0,
    max_score: 0,
    status: 'failed',
    output: e.diagnostics.map((d) => `${d.severity}: ${d.message}${d.hint ? `\nhint: ${d.hint}` : ''}`).join('\n') || 'the submission could not be graded',
    output_format: 'text',
    tags: [e.id],
    visibility: 'visible',
  };
}

export const gradescopeReporter: Reporter = {
  name: 'gradescope',
  description: "Gradescope autograder results.json (score, max_score, tests[])",
  fileName: 'results.json',
  render: (report) => `${JSON.stringify(gradescopeResults(report), null, 2)}\n`,
};
