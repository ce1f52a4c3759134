import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { courseExercise, hiddenChecksFor, openCourse } from './course.ts';
import { gradeExercise } from './grade.ts';
import { firstDifference } from '../engine/fork-testing.ts';

const root = resolve(import.meta.dirname, '..', '..');
const course = openCourse(root);

/** The reference solution, every mutant and every alternative of an exercise. */
function variants(id: string): string[] {
  const base = join(root, 'solutions', id);
  const sub = (dir: string) => (existsSync(join(base, dir)) ? readdirSync(join(base, dir), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => join(base, dir, e.name)).sort() : []);
  return [join(base, 'solution'), ...sub('mutants'), ...sub('alternatives')];
}

const withProperties = course.ids.filter((id) => (courseExercise(course, id).properties?.length ?? 0) > 0);
const withGiven = course.ids.filter((id) => courseExercise(course, id).cluster.given.length > 0);

describe('grading from forks of settled clusters', () => {
  it('the course has exercises with given files and with properties to compare', () => {
    expect(withProperties.length).toBeGreaterThanOrEqual(4);
    expect(withGiven.length).toBeGreaterThanOrEqual(4);
  });

  // The reference sets every cluster up from scratch; forking must not change a byte of any result.
  it.each(course.ids)('%s: every solution, mutant and alternative grades the same as with clusters set up from scratch', (id) => {
    const spec = courseExercise(course, id);
    const hidden = hiddenChecksFor(course, spec, join(root, 'solutions'));
    let failedProperties = 0;
    for (const dir of variants(id)) {
      const grade = (forks: boolean) => gradeExercise(spec, dir, { images: course.images, hiddenChecks: hidden, exclude: ['mutant.yaml'], forks });
      const forked = grade(true);
      expect(firstDifference(JSON.stringify(forked), JSON.stringify(grade(false))), dir).toBe('');
      failedProperties += forked.checks.filter((c) => c.status === 'failed' && (spec.properties ?? []).some((p) => p.id === c.id)).length;
    }
    // The comparison covers broken scenarios too (their stories and counterexamples), not only passing ones.
    if (withProperties.includes(id) && id !== '15-scheduling') expect(failedProperties).toBeGreaterThan(0);
  });
});
