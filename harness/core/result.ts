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
  /** For a failed request: the hops it took, in words, up to where it stopped. */
  trace?: string[];
  /** For a failed property: the shortest fault scenario that broke it, in words, and how to replay it. */
  counterexample?: Counterexample;
}

/** A failing fault scenario: fast-check's seed and path (replay with `--seed S --path P`) and its story. */
export interface Counterexample {
  seed: number;
  path: string;
  steps: string[];
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

/** What the settled cluster looked like, as kubectl would print it and as data for pictures (for reports). */
export interface ClusterView {
  settled: boolean;
  /** Virtual seconds the cluster ran. */
  time: number;
  /** `kubectl get pods -o wide`. */
  pods: string;
  /** `kubectl get nodes`. */
  nodes: string;
  /** `kubectl get events`. */
  events: string;
  /** `kubectl get svc -o wide`, when the exercise has Services of the learner's. */
  services?: string;
  /** `kubectl describe pod` of every Pod that is not Running and Ready. */
  describes?: { name: string; text: string }[];
  /** The same cluster as data: nodes with their Pods, Services with their endpoints, events in order. */
  snapshot?: ClusterSnapshot;
}

export interface ClusterSnapshot {
  nodes: { name: string; ready: boolean; pods: string[] }[];
  pods: { name: string; namespace: string; node?: string; status: string; ready: string; ip?: string; labels: string }[];
  services: {
    name: string;
    namespace: string;
    type: string;
    clusterIP?: string;
    ports: string;
    selector: string;
    endpoints: { address: string; pod?: string; ready: boolean }[];
  }[];
  events: { seconds: number; type: string; reason: string; object: string; message: string; count: number }[];
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
