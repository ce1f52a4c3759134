import type { Issue } from '../../core/issue.ts';
import type { Cluster } from '../../engine/types.ts';
import type { ManifestDocument } from '../../load/types.ts';
import type { KubectlInvocation } from '../kubectl-args.ts';

/** What the caller lends a script run: the cluster, a way to read `-f` paths, and a way to let time pass. */
export interface ScriptContext {
  cluster: Cluster;
  /**
   * Reads a `-f` path (file or folder) relative to the submission folder, refusing paths outside it, with
   * the loader + validator. `error` is kubectl's whole stderr line, e.g. `error: the path "x.yml" does not exist`.
   */
  readManifests(path: string): { documents: ManifestDocument[]; issues: Issue[] } | { error: string };
  /** Runs the cluster until settled; called after every command (a human types commands seconds apart). */
  settle(): void;
}

/** What one kubectl command printed; `unsupported` marks a real kubectl command this grader does not run. */
export interface CommandOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the command was not run: why (used in the `script/unsupported` issue). */
  unsupported?: string;
}

/** Runs one parsed kubectl command against the cluster and returns what kubectl would print. */
export type CommandHandler = (command: KubectlInvocation, ctx: ScriptContext) => CommandOutput;
