import { join } from 'node:path';
import { findCourseRoot, reportOf } from '../grade/course.ts';
import { writeReports } from '../cli/grade-command.ts';
import { readSavedResults } from './saved-results.ts';

/** Vitest global setup: after all exercise tests ran, renders reports/index.html from their saved results. */
export default function setup(): () => void {
  return () => {
    const root = findCourseRoot(process.cwd());
    if (!root) return;
    const exercises = readSavedResults(root);
    if (exercises.length === 0) return;
    writeReports(join(root, 'reports'), reportOf(exercises));
  };
}
