import { describe, it, expect } from 'vitest';
import { join, resolve } from 'node:path';
import { courseExercise, openCourse } from '../grade/course.ts';
import { gradeExercise } from '../grade/grade.ts';

// Exercise 14 accepts either rule that keeps replicas apart; its proof grades only solutions/<id>/solution
// (topologySpreadConstraints), so the podAntiAffinity answer is proven here.
const root = resolve(import.meta.dirname, '..', '..');
const course = openCourse(root);

describe('scheduler: exercise 14 answers', () => {
  it.each(['solution', 'alternatives/anti-affinity'])('solutions/14-survive-node-failure/%s scores full marks', (dir) => {
    const result = gradeExercise(courseExercise(course, '14-survive-node-failure'), join(root, 'solutions', '14-survive-node-failure', dir), { images: course.images, exclude: ['mutant.yaml'] });
    expect(result.checks.filter((c) => c.status !== 'passed').map((c) => `${c.id}: ${c.message ?? ''}`)).toEqual([]);
    expect(result.score).toBe(result.maxScore);
    expect(result.diagnostics.filter((d) => d.code === 'validate/not-simulated')).toEqual([]);
  });
});
