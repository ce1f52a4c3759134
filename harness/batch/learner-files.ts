import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
import { learnerTexts } from './learner-text.ts';
import type { LearnerFile } from './types.ts';

/** Reads `<out>/<learner>/result.json`, or undefined when it is missing or not a learner file (a half-written run never leaves one). */
export function readLearnerFile(out: string, learner: string): LearnerFile | undefined {
  const path = join(out, learner, 'result.json');
  if (!existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as LearnerFile;
    return data && data.schemaVersion === 1 && data.learner === learner && typeof data.key === 'string' ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a learner's outputs, then their result.json last, so a result.json on disk means everything else is there too. */
export function writeLearnerFiles(out: string, learner: string, outputs: readonly { file: string; text: string }[], resultJson: string): void {
  for (const o of outputs) writeFileAtomic(join(out, learner, o.file), o.text);
  writeFileAtomic(join(out, learner, 'result.json'), resultJson);
}

/** Serialises a learner file with a fixed key order. */
export function serializeLearnerFile(f: LearnerFile): string {
  return learnerTexts(f).resultJson;
}
