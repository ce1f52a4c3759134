import type { CheckResult, DiagnosticResult, ExerciseResult, GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';

/** Rebuilds a report with keys in the documented order and no undefined values (stable bytes). */
export function canonicalReport(report: GradeReport): GradeReport {
  return {
    schemaVersion: 1,
    score: report.score,
    maxScore: report.maxScore,
    exercises: report.exercises.map(canonicalExercise),
  };
}

function canonicalExercise(e: ExerciseResult): ExerciseResult {
  return strip({
    id: e.id,
    title: e.title,
    score: e.score,
    maxScore: e.maxScore,
    status: e.status,
    seed: e.seed,
    checks: e.checks.map(canonicalCheck),
    diagnostics: e.diagnostics.map(canonicalDiagnostic),
    reproduce: e.reproduce,
    commands: e.commands?.map((c) => ({ file: c.file, line: c.line, command: c.command, stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode })),
    cluster: e.cluster && strip({
      settled: e.cluster.settled,
      time: e.cluster.time,
      pods: e.cluster.pods,
      nodes: e.cluster.nodes,
      events: e.cluster.events,
      services: e.cluster.services,
      describes: e.cluster.describes,
      snapshot: e.cluster.snapshot,
    }),
    files: e.files?.map((f) => ({ path: f.path, text: f.text })),
  });
}

function canonicalCheck(c: CheckResult): CheckResult {
  return strip({
    id: c.id,
    title: c.title,
    status: c.status,
    points: c.points,
    maxPoints: c.maxPoints,
    message: c.message,
    hint: c.hint,
    location: c.location && { file: c.location.file, line: c.location.line, column: c.location.column },
    visibility: c.visibility,
    trace: c.trace && [...c.trace],
    counterexample: c.counterexample && { seed: c.counterexample.seed, path: c.counterexample.path, steps: [...c.counterexample.steps] },
  });
}

function canonicalDiagnostic(d: DiagnosticResult): DiagnosticResult {
  return strip({ code: d.code, severity: d.severity, message: d.message, hint: d.hint, file: d.file, line: d.line, column: d.column });
}

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

export const jsonReporter: Reporter = {
  name: 'json',
  description: 'the canonical result (schemaVersion 1), one JSON object',
  fileName: 'result.json',
  render: (report) => `${JSON.stringify(canonicalReport(report), null, 2)}\n`,
};
