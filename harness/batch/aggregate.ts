import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { compareResults, type ScoreChange } from './compare.ts';
import { renderBatchGradebook } from './gradebook-html.ts';
import { compareText } from './layout.ts';
import { canvasCsv, gradebookCsv, moodleCsv } from './lms-exports.ts';
import { similarPairs, type SimilarPair } from './similarity.ts';
import { scoreTable } from './table.ts';
import { readLearnerFile } from './learner-files.ts';
import { openResultsJson } from './results-json.ts';
import type { LearnerSummary } from './slim.ts';
import type { LearnerRow } from './types.ts';

export interface AggregateOptions {
  /** Learners of a previous results.json, for compare.json and the gradebook's changes section. */
  previous?: readonly LearnerRow[];
  /** The caller wrote results.json already (runBatch streams it while learners finish). */
  resultsJsonWritten?: boolean;
}

export interface Aggregates {
  /** Learner rows with slim reports (scores and check statuses; results.json on disk has the full reports). */
  learners: LearnerSummary[];
  pairs: SimilarPair[];
  changes?: ScoreChange[];
}

/** Returns a learner file's row as results.json holds it (fixed key order). */
export function rowOf(f: LearnerRow): LearnerRow {
  return { learner: f.learner, status: f.status, ...(f.error !== undefined ? { error: f.error } : {}), ...(f.report ? { report: f.report } : {}) };
}

/** Writes results.json (from the learners' result.json files in `out`), gradebook.csv, canvas.csv, moodle.csv, similarity.json, index.html (and compare.json). */
export function writeAggregates(out: string, learners: readonly LearnerSummary[], options: AggregateOptions = {}): Aggregates {
  const sorted = [...learners].sort((a, b) => compareText(a.learner, b.learner));
  const table = scoreTable(sorted);
  const pairs = similarPairs(sorted);
  const changes = options.previous ? compareResults(options.previous, sorted) : undefined;
  if (!options.resultsJsonWritten) writeResultsJson(out, sorted.map((l) => l.learner));
  writeFileAtomic(join(out, 'gradebook.csv'), gradebookCsv(table));
  writeFileAtomic(join(out, 'canvas.csv'), canvasCsv(table));
  writeFileAtomic(join(out, 'moodle.csv'), moodleCsv(table));
  writeFileAtomic(join(out, 'similarity.json'), `${JSON.stringify({ schemaVersion: 1, threshold: 0.9, note: 'a flag for a human to look at, never a verdict', pairs }, null, 2)}\n`);
  if (changes) writeFileAtomic(join(out, 'compare.json'), `${JSON.stringify({ schemaVersion: 1, changes }, null, 2)}\n`);
  const entries = sorted.filter((l) => l.report).map((l) => ({ learner: l.learner, report: l.report!, reportHref: `${encodeURIComponent(l.learner)}/report.html` }));
  writeFileAtomic(join(out, 'index.html'), renderBatchGradebook({ table, pairs, ...(changes ? { changes } : {}) }, entries));
  return { learners: sorted, pairs, ...(changes ? { changes } : {}) };
}

/** Writes results.json from each learner's result.json, one learner in memory at a time. */
function writeResultsJson(out: string, learners: readonly string[]): void {
  const writer = openResultsJson(out, learners.length);
  try {
    learners.forEach((name, i) => {
      const file = readLearnerFile(out, name);
      const row: LearnerRow = file ? rowOf(file) : { learner: name, status: 'error', error: 'its result.json is missing or unreadable' };
      writer.set(i, JSON.stringify(row, null, 2));
    });
    writer.close();
  } catch (e) {
    writer.abort();
    throw e;
  }
}
