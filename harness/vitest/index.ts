import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckResult, ExerciseResult } from '../core/result.ts';
import { loadMutant, type MutantSpec } from './mutant.ts';
import { saveResult } from './saved-results.ts';
import { courseExercise, findCourseRoot, hiddenChecksFor, openCourse } from '../grade/course.ts';
import { gradeExercise } from '../grade/grade.ts';

/**
 * Declares the vitest tests of one exercise; called from `exercises/<id>/grade.test.ts`.
 * With `solutions/` present (the instructor's repo) it proves the exercise: the reference solution
 * and every alternative score full marks and every mutant fails exactly its listed checks. Without it (a learner's
 * checkout) it grades `submission/` with one test per check.
 */
export function defineExerciseTests(testFileUrl: string): void {
  const dir = dirname(fileURLToPath(testFileUrl));
  const root = findCourseRoot(dir);
  if (!root) throw new Error(`no course found above ${dir}`);
  const course = openCourse(root);
  const spec = courseExercise(course, basename(dir));
  if (course.hasSolutions && existsSync(join(root, 'solutions', spec.id))) proveExercise(root, spec.id);
  else gradeSubmission(root, spec.id);
}

function gradeSubmission(root: string, id: string): void {
  const course = openCourse(root);
  const spec = courseExercise(course, id);
  const result = gradeExercise(spec, join(spec.dir, 'submission'), { images: course.images, hiddenChecks: hiddenChecksFor(course, spec) });
  saveResult(root, result);
  const shownBase = relative(root, join(spec.dir, 'submission'));
  describe(`${spec.id} — ${spec.title}`, () => {
    const blocking = result.diagnostics.filter((d) => d.severity === 'error');
    for (const check of result.checks) {
      it(check.title, () => {
        if (check.status === 'passed') return;
        const error = new Error(formatFailure(check, shownBase, blocking.length));
        // Point the stack at the learner's line so editors and vitest link to it.
        if (check.location) error.stack = `${error.message}\n    at ${join(root, shownBase, check.location.file)}:${check.location.line}:${check.location.column}`;
        throw error;
      });
    }
  });
}

function formatFailure(check: CheckResult, base: string, errors: number): string {
  const lines = [`✖ ${check.message ?? `${check.title}: ${check.status}`}`];
  if (check.location) lines.push(`  → at ${base}/${check.location.file}:${check.location.line}:${check.location.column}`);
  if (check.hint) lines.push(`  hint: ${check.hint}`);
  lines.push(`  (${check.points}/${check.maxPoints} points${errors > 0 ? `; the submission has ${errors} error${errors > 1 ? 's' : ''}, see reports/index.html` : ''})`);
  return lines.join('\n');
}

function proveExercise(root: string, id: string): void {
  const course = openCourse(root);
  const spec = courseExercise(course, id);
  const hidden = hiddenChecksFor(course, spec);
  const base = join(root, 'solutions', id);
  const grade = (dir: string) => gradeExercise(spec, dir, { images: course.images, hiddenChecks: hidden, includeFiles: false, includeCluster: false, exclude: ['mutant.yaml'] });
  const allIds = [...spec.checks, ...hidden, ...(spec.properties ?? [])].map((c) => c.id);
  describe(`${spec.id} — ${spec.title} (course proof)`, () => {
    it('the reference solution scores full marks', () => {
      const result = grade(join(base, 'solution'));
      expect(failures(result), describeFailures(result)).toEqual([]);
      expect(result.status).toBe('passed');
      expect(result.score).toBe(result.maxScore);
    });
    // Other correct answers (solutions/<id>/alternatives/<name>/) must score full marks too.
    const alternativesDir = join(base, 'alternatives');
    const alternatives = existsSync(alternativesDir) ? readdirSync(alternativesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort() : [];
    for (const name of alternatives) {
      it(`alternative ${name} scores full marks`, () => {
        const result = grade(join(alternativesDir, name));
        expect(failures(result), describeFailures(result)).toEqual([]);
        expect(result.score).toBe(result.maxScore);
      });
    }
    const mutantsDir = join(base, 'mutants');
    const mutants = existsSync(mutantsDir) ? readdirSync(mutantsDir).filter((m) => existsSync(join(mutantsDir, m, 'mutant.yaml'))).sort() : [];
    for (const name of mutants) {
      const mutant: MutantSpec = loadMutant(join(mutantsDir, name, 'mutant.yaml'), relative(root, join(mutantsDir, name, 'mutant.yaml')), allIds);
      it(`mutant ${name} fails exactly: ${mutant.fails.join(', ')} — ${mutant.description}`, () => {
        const result = grade(join(mutantsDir, name));
        expect(failures(result), describeFailures(result)).toEqual([...mutant.fails].sort());
        for (const check of result.checks) {
          if (check.status === 'failed') expect(check.message, `check ${check.id} failed without a message`).toBeTruthy();
        }
      });
    }
  });
}

function failures(result: ExerciseResult): string[] {
  return result.checks.filter((c) => c.status !== 'passed').map((c) => c.id).sort();
}

function describeFailures(result: ExerciseResult): string {
  const bad = result.checks.filter((c) => c.status !== 'passed');
  const diags = result.diagnostics.filter((d) => d.severity === 'error').map((d) => `  diagnostic ${d.code}: ${d.message}`);
  return [`status ${result.status}`, ...bad.map((c) => `  ${c.id} ${c.status}: ${c.message ?? ''}`), ...diags].join('\n');
}

