import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExerciseResult } from '../core/result.ts';
import { jsonReporter } from '../report/json.ts';

/** Saves one exercise's result for the global teardown, which renders reports/index.html from all of them. */
export function saveResult(root: string, result: ExerciseResult): void {
  const dir = join(root, 'reports', '.results');
  mkdirSync(dir, { recursive: true });
  const target = join(dir, `${result.id}.json`);
  writeFileSync(`${target}.tmp`, jsonReporter.render({ schemaVersion: 1, score: result.score, maxScore: result.maxScore, exercises: [result] }));
  renameSync(`${target}.tmp`, target);
}

/** Reads the saved per-exercise results (used by the global teardown). */
export function readSavedResults(root: string): ExerciseResult[] {
  const dir = join(root, 'reports', '.results');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .flatMap((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { exercises: ExerciseResult[] }).exercises);
}
