/**
 * The canonical result (schemaVersion 1). Every reporter renders from this alone, so a saved
 * `result.json` can be re-rendered later. Field order here is the order written to JSON.
 */

export type CheckStatus = 'passed' | 'failed' | 'errored' | 'skipped';
export type ExerciseStatus = 'passed' | 'failed' | 'error';
export type Visibility = 'visible' | 'hidden';

export interface ResultLocation {
  file: string;
  line: number;
  column: number;
}

export interface CheckResult {
  id: string;
  title: string;
  status: CheckStatus;
  points: number;
  maxPoints: number;
  message?: string;
  hint?: string;
  location?: ResultLocation;
  visibility?: Visibility;
}

export interface DiagnosticResult {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
}

/** What the settled cluster looked like, as kubectl would print it (for reports). */
export interface ClusterView {
  settled: boolean;
  /** Virtual seconds the cluster ran. */
  time: number;
  pods: string;
  nodes: string;
  events: string;
}

export interface CommandTranscript {
  file: string;
  line: number;
  /** The command as written, starting with `kubectl`. */
  command: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ExerciseResult {
  id: string;
  title: string;
  score: number;
  maxScore: number;
  status: ExerciseStatus;
  seed: number;
  checks: CheckResult[];
  diagnostics: DiagnosticResult[];
  /** What each line of the learner's commands.sh printed, as kubectl would. */
  commands?: CommandTranscript[];
  /** Submitted files (relative paths and text) so reports can show the learner's own lines. */
  files?: { path: string; text: string }[];
  cluster?: ClusterView;
  /** The command that reproduces this result. */
  reproduce?: string;
}

export interface GradeReport {
  schemaVersion: 1;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}
