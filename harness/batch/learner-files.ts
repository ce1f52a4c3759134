import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.ts';
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
export function writeLearnerFiles(out: string, file: LearnerFile, outputs: readonly { file: string; text: string }[]): void {
  for (const o of outputs) writeFileAtomic(join(out, file.learner, o.file), o.text);
  writeFileAtomic(join(out, file.learner, 'result.json'), serializeLearnerFile(file));
}

/** Serialises a learner file with a fixed key order. */
export function serializeLearnerFile(f: LearnerFile): string {
  const ordered: LearnerFile = {
    schemaVersion: 1,
    learner: f.learner,
    status: f.status,
    ...(f.error !== undefined ? { error: f.error } : {}),
    key: f.key,
    fingerprint: f.fingerprint,
    ...(f.report ? { report: f.report } : {}),
  };
  return `${JSON.stringify(ordered, null, 2)}\n`;
}
