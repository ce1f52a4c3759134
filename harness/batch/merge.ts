import { cpSync, readdirSync, realpathSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { writeAggregates, type AggregateOptions, type Aggregates } from './aggregate.ts';
import { compareText } from './layout.ts';
import { readLearnerFile } from './learner-files.ts';
import { summarize } from './slim.ts';
import type { LearnerFile } from './types.ts';

export class MergeError extends Error {
  readonly code = 'merge';
}

/** Joins shard output folders into one: copies each learner's folder and writes the aggregates as an unsharded run would. */
export function mergeShards(dirs: readonly string[], out: string, options: AggregateOptions = {}): Aggregates {
  const outReal = existsSync(out) ? realpathSync(out) : undefined;
  const files = new Map<string, { file: LearnerFile; from: string }>();
  for (const dir of dirs) {
    if (!existsSync(dir)) throw new MergeError(`shard folder ${dir} does not exist`);
    if (outReal && realpathSync(dir) === outReal) throw new MergeError(`--out must not be one of the shard folders (${dir})`);
    const names = readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort(compareText);
    for (const name of names) {
      const file = readLearnerFile(dir, name);
      if (!file) continue;
      const seen = files.get(name);
      if (seen && seen.file.key !== file.key) throw new MergeError(`learner ${name} is in two shards with different results (${seen.from} and ${dir}); were the shards run with the same options?`);
      if (!seen) files.set(name, { file, from: dir });
    }
  }
  for (const [name, { from }] of [...files].sort((a, b) => compareText(a[0], b[0]))) cpSync(join(from, name), join(out, name), { recursive: true, filter: (src) => !src.endsWith('.tmp') });
  return writeAggregates(out, [...files.values()].map((f) => summarize(f.file)), options);
}
