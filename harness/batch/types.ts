import type { GradeReport } from '../core/result.ts';
import type { LearnerSummary } from './slim.ts';

export type LearnerStatus = 'graded' | 'error';

/** One learner's row in results.json. */
export interface LearnerRow {
  learner: string;
  status: LearnerStatus;
  /** Why the learner could not be graded (time or memory budget, a kubegrade failure). */
  error?: string;
  report?: GradeReport;
}

/** `<out>/<learner>/result.json`: the row plus what --resume, merge and similarity need. */
export interface LearnerFile extends LearnerRow {
  schemaVersion: 1;
  /** Hash of the submission bytes, the exercise specs and the grading options; --resume skips a learner whose key is unchanged. */
  key: string;
  /** Sorted short hashes of the learner's canonical manifest lines (for similarity flags). */
  fingerprint: string[];
}

/** `results.json`. */
export interface BatchResults {
  schemaVersion: 1;
  learners: LearnerRow[];
}

/** What a worker is asked to do for one learner. */
export interface LearnerTask {
  learner: string;
  /** The key stored in the learner's result.json (computed by the main thread from the submission bytes and options). */
  key: string;
  courseRoot: string;
  ids: string[];
  /** Submission folder per exercise id. */
  dirs: Record<string, string>;
  /** Folder with `<id>/hidden.yaml` (default: the course's solutions/ when it exists). */
  hiddenDir?: string;
  seed?: number;
  /** Extra reporter names to render per learner. */
  formats: string[];
  /** Test hook: spin forever (to exercise the time budget). */
  spin?: boolean;
  /** Test hook: allocate until the heap limit (to exercise the memory budget). */
  hog?: boolean;
}

/** What a worker sends back for one learner: text to write, so the main thread never handles the full report. */
export interface LearnerOutcome {
  /** Rendered per-learner outputs by file name (report.html and the extra formats). */
  outputs: { file: string; text: string }[];
  /** The text of `<learner>/result.json` (written after the outputs). */
  resultJson: string;
  /** The learner's row of results.json, `JSON.stringify(row, null, 2)`. */
  row: string;
  /** What the aggregates need of the learner. */
  summary: LearnerSummary;
}
