import { readFileSync } from 'node:fs';
import type { LearnerRow } from './types.ts';

/** Reads a previous results.json for --compare, returning an error sentence instead of throwing. */
export function readPreviousResults(path: string): LearnerRow[] | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    return { error: `--compare: cannot read ${path}: ${(e as Error).message}` };
  }
  const learners = (data as { learners?: unknown } | null)?.learners;
  if (!Array.isArray(learners) || !learners.every((l) => typeof (l as LearnerRow | null)?.learner === 'string')) {
    return { error: `--compare: ${path} is not a kubegrade results.json (expected { schemaVersion: 1, learners: [...] })` };
  }
  return learners as LearnerRow[];
}
