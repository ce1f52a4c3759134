import type { Issue } from '../core/issue.ts';
import type { Position } from '../core/position.ts';

/** One YAML or JSON document of a learner's file, with positions for every value. */
export interface ManifestDocument {
  /** Path relative to the submission root, with `/` separators (e.g. `pod.yml`, `k8s/svc.yaml`). */
  file: string;
  /** 0-based index of the document in its file (YAML `---` separated). */
  index: number;
  format: 'yaml' | 'json';
  /** Plain JSON data (objects, arrays, strings, numbers, booleans, null); never has `__proto__` keys. */
  value: unknown;
  /** Where the document starts (the first token of its content). */
  start: Position;
  /**
   * Position of the value at a JSON pointer (`/spec/containers/0/image`). For a pointer that does
   * not exist, the position of the nearest existing ancestor (so a missing field points at its parent).
   */
  positionOf(pointer: string): Position;
  /** Position of the key of a mapping entry at a JSON pointer, when the pointer names a mapping entry. */
  keyPositionOf(pointer: string): Position | undefined;
  /** Raw text of the document's file (for did-you-mean heuristics and reports). */
  source: string;
}

/** A text file that is not a manifest (e.g. `commands.sh`), kept verbatim for later stages. */
export interface ScriptFile {
  file: string;
  text: string;
}

export interface SubmissionFile {
  /** Path relative to the root, `/` separators. */
  path: string;
  size: number;
  role: 'manifest' | 'script' | 'ignored' | 'rejected';
}

export interface LoadedSubmission {
  /** Absolute path of the folder that was read. */
  root: string;
  /** Every file seen, sorted by path. */
  files: SubmissionFile[];
  /** Documents in file order (files sorted by path), then document order. Empty documents are dropped. */
  documents: ManifestDocument[];
  scripts: ScriptFile[];
  /** Problems found while reading and parsing; each has a code (`load/...`) and, where known, a position. */
  issues: Issue[];
}

export interface LoadOptions {
  /** Largest single file in bytes. Default 1 MiB. */
  maxFileBytes?: number;
  /** Largest submission in bytes (sum of accepted files). Default 5 MiB. */
  maxTotalBytes?: number;
  /** Most documents across the submission. Default 500. */
  maxDocuments?: number;
  /** Deepest nesting of mappings/sequences. Default 64. */
  maxDepth?: number;
  /** Most alias references (`*x`) per file. Default 100. */
  maxAliases?: number;
  /** Most files looked at. Default 1000. */
  maxFiles?: number;
  /** File-name globs of accepted files (matched against the relative path's basename). Default `*.yml`, `*.yaml`, `*.json`, `commands.sh`. */
  accept?: string[];
  /** File-name globs skipped silently (not even listed): harness metadata such as `mutant.yaml`. Default none. */
  exclude?: string[];
}
