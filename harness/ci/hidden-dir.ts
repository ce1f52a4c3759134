import { join } from 'node:path';
import type { GradeReport } from '../core/result.ts';
import { courseExercise, hiddenChecksFor, type Course, type CourseGradeOptions } from '../grade/course.ts';
import { gradeExercise } from '../grade/grade.ts';

/**
 * Grades like gradeCourse, but takes hidden checks from `<hiddenDir>/<id>/hidden.yaml` (a private
 * source unpacked by CI) instead of the course's solutions/ folder.
 */
export function gradeCourseWithHiddenDir(course: Course, ids: readonly string[], hiddenDir: string, options: Omit<CourseGradeOptions, 'hidden'> = {}): GradeReport {
  const { submission, ...rest } = options;
  const exercises = ids.map((id) => {
    const spec = courseExercise(course, id);
    return gradeExercise(spec, submission ?? join(spec.dir, 'submission'), { ...rest, images: course.images, hiddenChecks: hiddenChecksFor(course, spec, hiddenDir) });
  });
  return {
    schemaVersion: 1,
    score: Math.round(exercises.reduce((n, e) => n + e.score, 0) * 100) / 100,
    maxScore: exercises.reduce((n, e) => n + e.maxScore, 0),
    exercises,
  };
}
