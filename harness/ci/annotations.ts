import { posix, relative, sep } from 'node:path';
import type { ExerciseResult, GradeReport } from '../core/result.ts';
import { workflowCommand } from './workflow-command.ts';

/** GitHub shows at most this many annotations of one level per step and drops the rest. */
export const ANNOTATION_LIMITS = { error: 10, warning: 10 } as const;

export interface Annotation {
  level: 'error' | 'warning';
  /** Path from the repository root, with forward slashes. */
  file?: string;
  line?: number;
  column?: number;
  title: string;
  message: string;
  /** Points this finding cost (ranking key: the costliest are shown first). */
  pointsLost: number;
  exercise: string;
}

export interface AnnotationSelection {
  shown: Annotation[];
  omitted: { error: number; warning: number };
}

export interface AnnotationPaths {
  /** Folder the annotation paths are relative to (the repository root). */
  repoRoot: string;
  /** Absolute submission folder of an exercise. */
  submissionDir(exerciseId: string): string;
}

/** Collects an annotation for every failed or errored check and every error or warning diagnostic, in report order. */
export function collectAnnotations(report: GradeReport, paths: AnnotationPaths): Annotation[] {
  const out: Annotation[] = [];
  for (const e of report.exercises) {
    const where = (file: string | undefined) => (file === undefined || file === '' ? undefined : repoPath(paths, e, file));
    for (const c of e.checks) {
      if (c.status !== 'failed' && c.status !== 'errored') continue;
      out.push({
        level: 'error',
        ...(c.location ? { file: where(c.location.file), line: c.location.line, column: c.location.column } : {}),
        title: c.title,
        message: withHint(c.message ?? (c.status === 'errored' ? 'kubegrade could not run this check' : 'check failed'), c.hint),
        pointsLost: Math.max(0, num(c.maxPoints) - num(c.points)),
        exercise: e.id,
      });
    }
    // An exercise that could not be graded at all lost all its points through its error diagnostics.
    let ungradedPoints = e.status === 'error' ? Math.max(0, num(e.maxScore) - num(e.score)) : 0;
    for (const d of e.diagnostics) {
      if (d.severity !== 'error' && d.severity !== 'warning') continue;
      const lost = d.severity === 'error' ? ungradedPoints : 0;
      if (d.severity === 'error') ungradedPoints = 0;
      out.push({
        level: d.severity,
        ...(d.file ? { file: where(d.file) } : {}),
        ...(d.file && d.line ? { line: d.line } : {}),
        ...(d.file && d.line && d.column ? { column: d.column } : {}),
        title: d.code,
        message: withHint(d.message, d.hint),
        pointsLost: lost,
        exercise: e.id,
      });
    }
  }
  return out;
}

/** Keeps the costliest annotations of each level within GitHub's per-step limits (stable for ties) and counts the rest. */
export function selectAnnotations(all: readonly Annotation[], limits: { error: number; warning: number } = ANNOTATION_LIMITS): AnnotationSelection {
  const ranked = all.map((a, i) => ({ a, i })).sort((x, y) => y.a.pointsLost - x.a.pointsLost || x.i - y.i);
  const taken = { error: 0, warning: 0 };
  const keep = new Set<number>();
  for (const { a, i } of ranked) {
    if (taken[a.level] < limits[a.level]) {
      taken[a.level] += 1;
      keep.add(i);
    }
  }
  const shown = ranked.filter((r) => keep.has(r.i)).map((r) => r.a);
  const count = (level: Annotation['level']) => all.filter((a) => a.level === level).length;
  return { shown, omitted: { error: count('error') - taken.error, warning: count('warning') - taken.warning } };
}

/** Formats an annotation as its workflow command line. */
export function annotationCommand(a: Annotation): string {
  return workflowCommand(a.level, [['file', a.file], ['line', a.line], ['col', a.column], ['title', a.title]], a.message);
}

function repoPath(paths: AnnotationPaths, e: ExerciseResult, file: string): string {
  const rel = relative(paths.repoRoot, `${paths.submissionDir(e.id)}${sep}${file}`);
  return rel.split(sep).join(posix.sep);
}

function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message}\nhint: ${hint}` : message;
}

function num(n: unknown): number {
  return typeof n === 'number' && Number.isFinite(n) ? n : 0;
}
