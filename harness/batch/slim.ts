import type { GradeReport } from '../core/result.ts';
import type { LearnerFile } from './types.ts';

/** What the aggregates need of a learner while the run goes on (full reports stay on disk, so memory stays flat). */
export interface LearnerSummary {
  learner: string;
  status: LearnerFile['status'];
  error?: string;
  fingerprint: string[];
  /** The report without files, cluster views, transcripts or diagnostics: scores and check statuses. */
  report?: GradeReport;
}

/** Reduces a learner file to what the gradebook, compare and similarity use. */
export function summarize(f: Pick<LearnerFile, 'learner' | 'status' | 'error' | 'report'> & { fingerprint?: string[] }): LearnerSummary {
  return {
    learner: f.learner,
    status: f.status,
    ...(f.error !== undefined ? { error: f.error } : {}),
    fingerprint: f.fingerprint ?? [],
    ...(f.report ? { report: slimReport(f.report) } : {}),
  };
}

function slimReport(r: GradeReport): GradeReport {
  return {
    schemaVersion: 1,
    score: r.score,
    maxScore: r.maxScore,
    exercises: r.exercises.map((e) => ({
      id: e.id,
      title: e.title,
      score: e.score,
      maxScore: e.maxScore,
      status: e.status,
      seed: e.seed,
      checks: e.checks.map((c) => ({ id: c.id, title: c.title, status: c.status, points: c.points, maxPoints: c.maxPoints })),
      diagnostics: [],
    })),
  };
}
