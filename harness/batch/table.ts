import type { LearnerRow } from './types.ts';
import { compareText } from './layout.ts';

/** The gradebook as numbers: exercise columns (sorted ids) and per-learner cells. */
export interface ScoreTable {
  exercises: { id: string; title: string; maxScore: number }[];
  rows: { learner: string; status: LearnerRow['status']; error?: string; scores: (number | undefined)[]; total?: number; max: number }[];
}

/** Builds the score table from learner rows alone (so a merged run gives the same table as an unsharded one). */
export function scoreTable(learners: readonly LearnerRow[]): ScoreTable {
  const byId = new Map<string, { id: string; title: string; maxScore: number }>();
  for (const l of learners) for (const e of l.report?.exercises ?? []) if (!byId.has(e.id)) byId.set(e.id, { id: e.id, title: e.title, maxScore: e.maxScore });
  const exercises = [...byId.values()].sort((a, b) => compareText(a.id, b.id));
  const fullMax = exercises.reduce((n, e) => n + e.maxScore, 0);
  const rows = learners.map((l) => {
    const scores = exercises.map((x) => l.report?.exercises.find((e) => e.id === x.id)?.score);
    return {
      learner: l.learner,
      status: l.status,
      ...(l.error !== undefined ? { error: l.error } : {}),
      scores,
      ...(l.report ? { total: l.report.score } : {}),
      max: l.report?.maxScore ?? fullMax,
    };
  });
  return { exercises, rows };
}
