import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ConfigError } from '../core/config-file.ts';
import type { ExerciseResult, GradeReport } from '../core/result.ts';
import { loadImageCatalog } from '../engine/index.ts';
import type { ImageCatalog } from '../engine/types.ts';
import type { CheckSpec } from '../checks/types.ts';
import { loadExercise, loadHiddenChecks, type ExerciseSpec } from './exercise.ts';
import { gradeExercise, type GradeOptions } from './grade.ts';

/** A course checkout: the folder holding `exercises/` (with images.yaml) and maybe `solutions/`. */
export interface Course {
  root: string;
  images: ImageCatalog;
  /** Exercise ids, sorted. */
  ids: string[];
  hasSolutions: boolean;
}

/** Finds the course root by walking up from `start` to the first folder with exercises/images.yaml. */
export function findCourseRoot(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'exercises', 'images.yaml'))) return dir;
    const up = dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

const catalogs = new Map<string, ImageCatalog>();

/** Opens a course: reads its image catalogue (cached per root) and lists its exercises. */
export function openCourse(root: string): Course {
  const imagesFile = join(root, 'exercises', 'images.yaml');
  let images = catalogs.get(imagesFile);
  if (!images) {
    const { catalog, errors } = loadImageCatalog(readFileSync(imagesFile, 'utf8'));
    if (errors.length > 0) throw new ConfigError(errors.map((message) => ({ message })), 'exercises/images.yaml');
    images = catalog;
    catalogs.set(imagesFile, images);
  }
  const ids = readdirSync(join(root, 'exercises'))
    .filter((name) => /^\d{2}-/.test(name) && existsSync(join(root, 'exercises', name, 'exercise.yaml')))
    .sort();
  return { root, images, ids, hasSolutions: existsSync(join(root, 'solutions')) && statSync(join(root, 'solutions')).isDirectory() };
}

/** Resolves exercise selectors (`01`, `01-hello-pod`) to ids, throwing a usage error listing valid ids. */
export function selectExercises(course: Course, selectors: readonly string[]): string[] {
  if (selectors.length === 0) return course.ids;
  return selectors.map((s) => {
    const hits = course.ids.filter((id) => id === s || id.startsWith(`${s}-`));
    if (hits.length !== 1) throw new UsageError(`unknown exercise "${s}"; valid exercises: ${course.ids.join(', ')}`);
    return hits[0]!;
  });
}

export class UsageError extends Error {
  readonly code = 'usage';
}

/** Loads an exercise of the course (author errors become ConfigErrors with file:line). */
export function courseExercise(course: Course, id: string): ExerciseSpec {
  return loadExercise(join(course.root, 'exercises', id), course.root);
}

/** Loads the hidden checks of an exercise when `solutions/<id>/hidden.yaml` (or `<hiddenDir>/<id>/hidden.yaml`) exists. */
export function hiddenChecksFor(course: Course, spec: ExerciseSpec, hiddenDir = join(course.root, 'solutions')): CheckSpec[] {
  const file = join(hiddenDir, spec.id, 'hidden.yaml');
  if (!existsSync(file)) return [];
  return loadHiddenChecks(file, relative(course.root, file), spec.checks);
}

export interface CourseGradeOptions extends Omit<GradeOptions, 'images' | 'hiddenChecks'> {
  /** Submission folder for a single exercise (default: `exercises/<id>/submission`). */
  submission?: string;
  /** Run hidden checks when present. Default true. */
  hidden?: boolean;
  /** Take hidden checks from `<hiddenDir>/<id>/hidden.yaml` (a private source) instead of `solutions/`. */
  hiddenDir?: string;
}

/** Grades the given exercises of a course into one canonical report. */
export function gradeCourse(course: Course, ids: readonly string[], options: CourseGradeOptions = {}): GradeReport {
  const exercises = ids.map((id) => {
    const spec = courseExercise(course, id);
    const dir = options.submission ?? join(spec.dir, 'submission');
    const { submission: _s, hidden, hiddenDir, ...rest } = options;
    return gradeExercise(spec, dir, { ...rest, images: course.images, hiddenChecks: hidden === false ? [] : hiddenChecksFor(course, spec, hiddenDir) });
  });
  return reportOf(exercises);
}

/** Builds the canonical report of some exercise results (scores summed). */
export function reportOf(exercises: ExerciseResult[]): GradeReport {
  return {
    schemaVersion: 1,
    score: Math.round(exercises.reduce((n, e) => n + e.score, 0) * 100) / 100,
    maxScore: exercises.reduce((n, e) => n + e.maxScore, 0),
    exercises,
  };
}
