import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { performance } from 'node:perf_hooks';
import { isAbsolute, relative, resolve } from 'node:path';
import { findCourseRoot, openCourse, selectExercises, UsageError } from '../grade/course.ts';
import { reporters } from '../report/index.ts';
import { changeLines } from '../batch/compare.ts';
import { createProgressPrinter } from '../batch/progress.ts';
import { readPreviousResults } from '../batch/previous-results.ts';
import { DEFAULT_WORKER_HEAP_MIB, runBatch } from '../batch/run-batch.ts';
import { parseShard } from '../batch/shard.ts';
import type { LearnerRow } from '../batch/types.ts';
import { intOption, parseCommandArgs } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const batchHelp = `Usage: kubegrade batch <root> --out <dir> [options]

Grades every learner folder in <root>: either course checkouts (<learner>/exercises/<id>/submission/)
or a flat layout (<learner>/<id>/). Writes results.json, gradebook.csv, canvas.csv, moodle.csv,
similarity.json, index.html and per learner <learner>/report.html and <learner>/result.json.

Options:
  --out DIR              output folder (required)
  --exercise ID          grade only this exercise (repeatable; default all)
  --jobs N               worker threads (default: CPU count)
  --hidden DIR           hidden checks from DIR/<id>/hidden.yaml (default: the course's solutions/)
  --resume               skip learners whose submission and exercise specs are unchanged since their result.json
  --seed N               seed of the simulated cluster (default: fixed per exercise)
  --format FORMAT        extra per-learner output from the reporter registry (repeatable)
  --shard i/n            grade only learners whose sorted index mod n is i (join shards with kubegrade merge)
  --compare FILE         list learners whose score changed since a previous results.json (writes compare.json)
  --course DIR           the course checkout (default: found from the current folder upwards)
  --timeout SECONDS      wall-clock budget per learner (default 120)
  --memory MIB           heap budget per worker (default 2048)
  -h, --help             show this help

Exit codes: 0 every learner was graded; 1 some learner could not be graded (an error row);
2 usage or configuration error.
`;

/** Runs `kubegrade batch`: grades a class folder in parallel and writes the gradebook and per-learner reports. */
export async function batchCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('batch', args, {
    out: { type: 'string' },
    exercise: { type: 'string', multiple: true },
    jobs: { type: 'string' },
    hidden: { type: 'string' },
    resume: { type: 'boolean', default: false },
    seed: { type: 'string' },
    format: { type: 'string', multiple: true },
    shard: { type: 'string' },
    compare: { type: 'string' },
    course: { type: 'string' },
    timeout: { type: 'string' },
    memory: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(batchHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('kubegrade batch needs exactly one <root> folder of learner folders. See kubegrade batch --help');
  if (!values.out) throw new CliError('kubegrade batch needs --out DIR. See kubegrade batch --help');
  const root = resolve(io.cwd, positionals[0]!);
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliError(`kubegrade batch: ${positionals[0]} is not a folder`);
  const out = resolve(io.cwd, values.out);
  const jobs = intOption('jobs', values.jobs, 1, 256) ?? availableParallelism();
  const seed = intOption('seed', values.seed, 0, 2 ** 31 - 1);
  const timeout = intOption('timeout', values.timeout, 1, 86_400) ?? 120;
  const memory = intOption('memory', values.memory, 16, 65_536) ?? DEFAULT_WORKER_HEAP_MIB;
  const formats = values.format ?? [];
  for (const f of formats) if (!reporters.has(f)) throw new CliError(`--format: unknown format "${f}"; valid formats: ${[...reporters.keys()].join(', ')}`);
  let shard;
  if (values.shard !== undefined) {
    const parsed = parseShard(values.shard);
    if ('error' in parsed) throw new CliError(parsed.error);
    shard = parsed;
  }
  let previous: LearnerRow[] | undefined;
  if (values.compare !== undefined) {
    const read = readPreviousResults(resolve(io.cwd, values.compare));
    if ('error' in read) throw new CliError(read.error);
    previous = read;
  }
  const courseRoot = values.course ? resolve(io.cwd, values.course) : findCourseRoot(io.cwd);
  if (!courseRoot) throw new CliError('no course found: run kubegrade inside a course checkout (a folder with exercises/images.yaml) or pass --course DIR');
  const course = openCourse(courseRoot);
  let ids: string[];
  try {
    ids = selectExercises(course, values.exercise ?? []);
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    throw e;
  }
  const live = io.isTTY && !io.env.CI;
  const progress = createProgressPrinter({ write: io.stdout, live, now: () => performance.now() });
  const summary = await runBatch({
    root,
    out,
    courseRoot,
    ids,
    jobs,
    ...(values.hidden ? { hiddenDir: resolve(io.cwd, values.hidden) } : {}),
    resume: values.resume,
    ...(seed !== undefined ? { seed } : {}),
    formats,
    ...(shard ? { shard } : {}),
    ...(previous ? { previous } : {}),
    timeoutMs: timeout * 1000,
    maxOldGenerationSizeMb: memory,
    onProgress: (e) => progress.update(e),
  });
  progress.finish();
  const shown = shownPath(io.cwd, out);
  const layoutText = summary.layout === 'course' ? 'course checkouts: <learner>/exercises/<id>/submission/' : 'flat: <learner>/<id>/';
  io.stdout(`layout: ${layoutText}\n`);
  io.stdout(`${summary.learners.length} learners${shard ? ` (shard ${shard.index}/${shard.count})` : ''}, ${ids.length} exercises: ${summary.graded} graded, ${summary.errors} could not be graded, ${summary.skipped} unchanged (skipped)\n`);
  for (const row of summary.aggregates?.learners ?? []) if (row.status === 'error') io.stdout(`✖ ${row.learner}: ${row.error ?? ''}\n`);
  const pairs = summary.aggregates?.pairs ?? [];
  if (pairs.length > 0) io.stdout(`similar submissions (a flag, never a verdict): ${pairs.length} pair${pairs.length === 1 ? '' : 's'}, see ${shown}/similarity.json\n`);
  const changes = summary.aggregates?.changes;
  if (changes) {
    io.stdout(changes.length === 0 ? 'no score changed since the previous run\n' : `score changes since the previous run (${changes.length}):\n`);
    for (const line of changeLines(changes)) io.stdout(`  ${line}\n`);
  }
  io.stdout(`wrote ${shown}/index.html, ${shown}/results.json, ${shown}/gradebook.csv\n`);
  return summary.errors > 0 || (summary.aggregates?.learners.some((l) => l.status === 'error') ?? false) ? 1 : 0;
}

function shownPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? path : rel;
}
