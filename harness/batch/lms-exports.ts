import { csvText } from './csv.ts';
import type { ScoreTable } from './table.ts';

/** Renders gradebook.csv: learner, one column per exercise, total, max (empty cells for a learner who could not be graded). */
export function gradebookCsv(t: ScoreTable): string {
  return csvText([
    ['learner', ...t.exercises.map((e) => e.id), 'total', 'max', 'status'],
    ...t.rows.map((r) => [r.learner, ...r.scores.map(cell), cell(r.total), r.max, r.status]),
  ]);
}

/** Renders canvas.csv in the shape of Canvas's gradebook import: Student, ID, SIS User ID, SIS Login ID, Section, one column per assignment, a Points Possible row. */
export function canvasCsv(t: ScoreTable): string {
  return csvText([
    ['Student', 'ID', 'SIS User ID', 'SIS Login ID', 'Section', ...t.exercises.map((e) => `kubegrade ${e.id}`)],
    ['    Points Possible', '', '', '', '', ...t.exercises.map((e) => e.maxScore)],
    ...t.rows.map((r) => [r.learner, '', '', r.learner, '', ...r.scores.map(cell)]),
  ]);
}

/** Renders moodle.csv for Moodle's CSV grade import: an identifier column (Username) and one grade column per exercise, mapped on import. */
export function moodleCsv(t: ScoreTable): string {
  return csvText([
    ['Username', ...t.exercises.map((e) => `kubegrade ${e.id}`), 'kubegrade total'],
    ...t.rows.map((r) => [r.learner, ...r.scores.map(cell), cell(r.total)]),
  ]);
}

function cell(n: number | undefined): string | number {
  return n === undefined ? '' : n;
}
