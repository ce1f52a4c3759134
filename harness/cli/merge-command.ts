import { isAbsolute, relative, resolve } from 'node:path';
import { changeLines } from '../batch/compare.ts';
import { mergeShards, MergeError } from '../batch/merge.ts';
import { readPreviousResults } from '../batch/previous-results.ts';
import type { LearnerRow } from '../batch/types.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const mergeHelp = `Usage: kubegrade merge <shard dir>... --out <dir> [--compare FILE]

Joins the output folders of kubegrade batch --shard i/n runs into one output, byte-identical to an
unsharded run: per-learner folders, results.json, gradebook.csv, canvas.csv, moodle.csv,
similarity.json and index.html.

Options:
  --out DIR         output folder (required; not one of the shard folders)
  --compare FILE    list learners whose score changed since a previous results.json
  -h, --help        show this help
`;

/** Runs `kubegrade merge`: joins shard outputs into one gradebook. */
export function mergeCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('merge', args, {
    out: { type: 'string' },
    compare: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(mergeHelp);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('kubegrade merge needs at least one shard folder. See kubegrade merge --help');
  if (!values.out) throw new CliError('kubegrade merge needs --out DIR. See kubegrade merge --help');
  let previous: LearnerRow[] | undefined;
  if (values.compare !== undefined) {
    const read = readPreviousResults(resolve(io.cwd, values.compare));
    if ('error' in read) throw new CliError(read.error);
    previous = read;
  }
  const out = resolve(io.cwd, values.out);
  let merged;
  try {
    merged = mergeShards(positionals.map((p) => resolve(io.cwd, p)), out, previous ? { previous } : {});
  } catch (e) {
    if (e instanceof MergeError) throw new CliError(`kubegrade merge: ${e.message}`);
    throw e;
  }
  const errors = merged.learners.filter((l) => l.status === 'error').length;
  io.stdout(`merged ${positionals.length} shard${positionals.length === 1 ? '' : 's'}: ${merged.learners.length} learners, ${errors} could not be graded\n`);
  if (merged.changes) for (const line of changeLines(merged.changes)) io.stdout(`  ${line}\n`);
  io.stdout(`wrote ${shownPath(io.cwd, out)}/index.html, results.json, gradebook.csv\n`);
  return errors > 0 ? 1 : 0;
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
