import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';
import { changeLines, compareResults } from './compare.ts';
import { csvField } from './csv.ts';
import { canvasCsv, gradebookCsv, moodleCsv } from './lms-exports.ts';
import { scoreTable } from './table.ts';
import type { LearnerRow } from './types.ts';

const report = (scores: Record<string, [number, 'passed' | 'failed']>): GradeReport => {
  const exercises = Object.entries(scores).map(([id, [score, status]]) => ({
    id,
    title: `Exercise ${id}`,
    score,
    maxScore: 10,
    status,
    seed: 1,
    checks: [{ id: 'works', title: 'It works', status, points: score, maxPoints: 10 }],
    diagnostics: [],
  }));
  return { schemaVersion: 1, score: exercises.reduce((n, e) => n + e.score, 0), maxScore: 10 * exercises.length, exercises };
};

const rows: LearnerRow[] = [
  { learner: 'ada', status: 'graded', report: report({ '01-a': [10, 'passed'], '02-b': [4.5, 'failed'] }) },
  { learner: '=cmd|evil', status: 'graded', report: report({ '01-a': [0, 'failed'], '02-b': [10, 'passed'] }) },
  { learner: 'bo, "jr"', status: 'error', error: 'grading took longer than the time budget of 120 s and was stopped' },
];

describe('LMS exports', () => {
  const table = scoreTable(rows);
  it('writes gradebook.csv with per-exercise scores, total and max, blank cells for an error row', () => {
    expect(gradebookCsv(table)).toBe(
      'learner,01-a,02-b,total,max,status\r\nada,10,4.5,14.5,20,graded\r\n\'=cmd|evil,0,10,10,20,graded\r\n"bo, ""jr""",,,,20,error\r\n',
    );
  });
  it('writes canvas.csv with the five identity columns and a Points Possible row', () => {
    const lines = canvasCsv(table).split('\r\n');
    expect(lines[0]).toBe('Student,ID,SIS User ID,SIS Login ID,Section,kubegrade 01-a,kubegrade 02-b');
    expect(lines[1]).toBe('    Points Possible,,,,,10,10');
    expect(lines[2]).toBe('ada,,,ada,,10,4.5');
  });
  it('writes moodle.csv with a Username identifier and one column per grade item', () => {
    expect(moodleCsv(table).split('\r\n').slice(0, 2)).toEqual(['Username,kubegrade 01-a,kubegrade 02-b,kubegrade total', 'ada,10,4.5,14.5']);
  });
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=1+1', "'=1+1"],
    ['@sum', "'@sum"],
  ])('quotes %j as %j', (input, out) => expect(csvField(input)).toBe(out));
  it('keeps negative numbers as numbers', () => expect(csvField(-1)).toBe('-1'));
});

describe('compareResults', () => {
  it('lists learners whose score changed with the checks that flipped, and nobody else', () => {
    const now: LearnerRow[] = [
      { learner: 'ada', status: 'graded', report: report({ '01-a': [10, 'passed'], '02-b': [10, 'passed'] }) },
      rows[1]!,
      { learner: 'bo, "jr"', status: 'graded', report: report({ '01-a': [10, 'passed'], '02-b': [0, 'failed'] }) },
    ];
    const changes = compareResults(rows, now);
    expect(changes).toEqual([
      { learner: 'ada', before: 14.5, after: 20, flipped: [{ exercise: '02-b', check: 'works', before: 'failed', after: 'passed' }] },
      {
        learner: 'bo, "jr"',
        after: 10,
        flipped: [
          { exercise: '01-a', check: 'works', before: 'absent', after: 'passed' },
          { exercise: '02-b', check: 'works', before: 'absent', after: 'failed' },
        ],
      },
    ]);
    expect(changeLines(changes)[0]).toBe('ada: 14.5 → 20');
  });
});
