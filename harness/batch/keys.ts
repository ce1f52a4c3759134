import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hashEntries, listSubmission } from './fingerprint.ts';

/** Hashes a learner's submissions: every file's relative path (prefixed by exercise id) and bytes, in sorted order. */
export function submissionHash(dirs: Record<string, string>): string {
  return hashEntries(Object.keys(dirs).flatMap((id) => listSubmission(dirs[id]!).map((e) => ({ path: `${id}/${e.path}`, bytes: e.bytes }))));
}

/** Hashes the exercise specs a grade depends on: each exercise.yaml, hidden.yaml, and the course's images.yaml. */
export function specHash(courseRoot: string, ids: readonly string[], hiddenDir: string): string {
  const read = (path: string) => (existsSync(path) ? readFileSync(path) : Buffer.from('absent'));
  return hashEntries([
    { path: 'images.yaml', bytes: read(join(courseRoot, 'exercises', 'images.yaml')) },
    ...ids.flatMap((id) => [
      { path: `${id}/exercise.yaml`, bytes: read(join(courseRoot, 'exercises', id, 'exercise.yaml')) },
      { path: `${id}/hidden.yaml`, bytes: read(join(hiddenDir, id, 'hidden.yaml')) },
    ]),
  ]);
}

/** Combines the hashes and the options that change a result into the key stored in a learner's result.json. */
export function learnerKey(parts: { submission: string; specs: string; ids: readonly string[]; seed?: number; formats: readonly string[] }): string {
  return createHash('sha256')
    .update(JSON.stringify({ v: 1, submission: parts.submission, specs: parts.specs, ids: parts.ids, seed: parts.seed ?? null, formats: [...parts.formats].sort() }))
    .digest('hex');
}
