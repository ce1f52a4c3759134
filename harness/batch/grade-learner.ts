import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { courseExercise, hiddenChecksFor, openCourse } from '../grade/course.ts';
import type { ExerciseSpec } from '../grade/exercise.ts';
import { gradeExercise } from '../grade/grade.ts';
import type { GradeReport } from '../core/result.ts';
import { getReporter } from '../report/index.ts';
import { canonicalLines, fingerprintOf, listSubmission } from './fingerprint.ts';
import { learnerTexts } from './learner-text.ts';
import { summarize } from './slim.ts';
import type { LearnerFile, LearnerOutcome, LearnerTask } from './types.ts';
import type { CheckSpec } from '../checks/types.ts';

/** Per-learner files the batch itself writes; a format whose file name clashes is written as `report.<name>`. */
const RESERVED = new Set(['result.json', 'report.html']);

const specs = new Map<string, { spec: ExerciseSpec; hidden: CheckSpec[] }>();

/** Grades one learner's submissions for every exercise and renders their per-learner outputs, result.json and results.json row. */
export function gradeLearner(task: LearnerTask): LearnerOutcome {
  if (task.spin) for (;;) { /* test hook: never returns */ }
  if (task.hog) hog();
  const course = openCourse(task.courseRoot);
  const exercises = task.ids.map((id) => {
    const { spec, hidden } = loadSpec(course, id, task.hiddenDir);
    return gradeExercise(spec, task.dirs[id] ?? join(task.courseRoot, 'missing'), {
      images: course.images,
      hiddenChecks: hidden,
      ...(task.seed !== undefined ? { seed: task.seed } : {}),
    });
  });
  const report: GradeReport = {
    schemaVersion: 1,
    score: Math.round(exercises.reduce((n, e) => n + e.score, 0) * 100) / 100,
    maxScore: exercises.reduce((n, e) => n + e.maxScore, 0),
    exercises,
  };
  const outputs = [{ file: 'report.html', text: renderSafely('html', report) }];
  for (const name of task.formats) {
    if (name === 'html') continue;
    const reporter = getReporter(name);
    const file = RESERVED.has(reporter.fileName) ? `report.${name}` : reporter.fileName;
    outputs.push({ file, text: renderSafely(name, report) });
  }
  const lines = task.ids.flatMap((id) => canonicalLines(id, listSubmission(task.dirs[id] ?? '')));
  const file: LearnerFile = { schemaVersion: 1, learner: task.learner, status: 'graded', key: task.key, fingerprint: fingerprintOf(lines), report };
  return { outputs, ...learnerTexts(file), summary: summarize(file) };
}

function loadSpec(course: ReturnType<typeof openCourse>, id: string, hiddenDir: string | undefined) {
  const key = `${course.root}\0${id}\0${hiddenDir ?? ''}`;
  let hit = specs.get(key);
  if (!hit) {
    const spec = courseExercise(course, id);
    const dir = hiddenDir ?? join(course.root, 'solutions');
    hit = { spec, hidden: existsSync(dir) ? hiddenChecksFor(course, spec, dir) : [] };
    specs.set(key, hit);
  }
  return hit;
}

// A reporter's defect must not cost the learner their grade: the output says what failed instead.
function renderSafely(name: string, report: GradeReport): string {
  try {
    return getReporter(name).render(report);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const text = `kubegrade could not render the ${name} report (a bug in kubegrade): ${message}`;
    return name === 'html' ? `<!doctype html><meta charset="utf-8"><title>report</title><p>${escapeHtml(text)}</p>\n` : `${text}\n`;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function hog(): never {
  const keep: number[][] = [];
  for (;;) keep.push(new Array<number>(1_000_000).fill(keep.length));
}
