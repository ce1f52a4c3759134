import type { CheckResult, ExerciseResult, GradeReport } from '../core/result.ts';

/**
 * The result a GitHub Classroom grader step publishes as its `result` output (base64 JSON), read by
 * classroom-resources/autograding-grading-reporter from `<RUNNER>_RESULTS`: it prints each test,
 * sums `score` over `tests` against `max_score`, and fails the job when `status` is fail or error.
 * Field names follow the command grader's output (version, status, max_score, tests[].name/status/
 * score/message/test_code/filename/line_no/duration).
 */
export interface ClassroomResult {
  version: 1;
  status: ClassroomStatus;
  max_score: number;
  tests: ClassroomTest[];
}

export type ClassroomStatus = 'pass' | 'fail' | 'error';

export interface ClassroomTest {
  name: string;
  status: ClassroomStatus;
  score: number;
  max_score: number;
  message: string;
  test_code: string;
  filename: string;
  line_no: number;
  duration: number;
}

/** Builds the Classroom result: one test per check (or one per ungradable exercise), overall status from `passed`. */
export function classroomResult(report: GradeReport, passed: boolean, repoPath: (e: ExerciseResult, file: string) => string): ClassroomResult {
  const tests = report.exercises.flatMap((e) => (e.checks.length === 0 ? [ungradable(e)] : e.checks.map((c) => checkTest(e, c, repoPath))));
  const errored = report.exercises.some((e) => e.status === 'error') || tests.some((t) => t.status === 'error');
  return { version: 1, status: passed ? 'pass' : errored ? 'error' : 'fail', max_score: report.maxScore, tests };
}

/** Encodes the Classroom result the way grader steps publish it: base64 of its JSON. */
export function encodeClassroomResult(result: ClassroomResult): string {
  return Buffer.from(JSON.stringify(result), 'utf8').toString('base64');
}

function checkTest(e: ExerciseResult, c: CheckResult, repoPath: (e: ExerciseResult, file: string) => string): ClassroomTest {
  return {
    name: `${e.id} › ${c.title}`,
    status: c.status === 'passed' ? 'pass' : c.status === 'errored' ? 'error' : 'fail',
    score: c.points,
    max_score: c.maxPoints,
    message: [c.status === 'skipped' ? 'skipped' : '', c.message ?? '', c.hint ? `hint: ${c.hint}` : ''].filter(Boolean).join('\n'),
    test_code: e.reproduce ?? `npx kubegrade grade ${e.id}`,
    filename: c.location ? repoPath(e, c.location.file) : '',
    line_no: c.location?.line ?? 0,
    duration: 0,
  };
}

function ungradable(e: ExerciseResult): ClassroomTest {
  const first = e.diagnostics.find((d) => d.severity === 'error');
  return {
    name: `${e.id} › ${e.title}`,
    status: e.status === 'passed' ? 'pass' : e.status === 'error' ? 'error' : 'fail',
    score: e.score,
    max_score: e.maxScore,
    message: first?.message ?? (e.status === 'passed' ? '' : 'the submission could not be graded'),
    test_code: e.reproduce ?? `npx kubegrade grade ${e.id}`,
    filename: '',
    line_no: 0,
    duration: 0,
  };
}
