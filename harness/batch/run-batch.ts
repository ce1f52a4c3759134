import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { rowOf, writeAggregates, type Aggregates } from './aggregate.ts';
import { learnerKey, specHash, submissionHash } from './keys.ts';
import { readClassFolder, submissionDir, type Layout } from './layout.ts';
import { readLearnerFile, writeLearnerFiles } from './learner-files.ts';
import { learnerTexts } from './learner-text.ts';
import { createWorkerPool, type WorkerPool } from './pool.ts';
import { openResultsJson } from './results-json.ts';
import { shardLearners, type Shard } from './shard.ts';
import { summarize, type LearnerSummary } from './slim.ts';
import type { LearnerFile, LearnerRow, LearnerTask } from './types.ts';

/**
 * Default heap budget per worker (MiB). V8 sizes its heap growth from the limit: at 512 MiB it collects so
 * much more often that a class grades about 17% slower than at 2048 (npm run bench -- --batch), while the
 * heap in use stays near 100 MiB either way. The budget only has to stop a runaway submission.
 */
export const DEFAULT_WORKER_HEAP_MIB = 2048;

export interface BatchOptions {
  /** Folder with one folder per learner. */
  root: string;
  /** Output folder. */
  out: string;
  /** The course checkout (exercises/, images.yaml, maybe solutions/). */
  courseRoot: string;
  /** Exercise ids to grade, resolved and sorted. */
  ids: string[];
  /** Worker threads. Default: the machine's available parallelism. */
  jobs?: number;
  /** Folder with `<id>/hidden.yaml`. Default: `<course>/solutions`. */
  hiddenDir?: string;
  /** Skip learners whose result.json key (submission, specs, options) is unchanged. Default false. */
  resume?: boolean;
  seed?: number;
  /** Extra reporter names rendered per learner. Default none. */
  formats?: string[];
  shard?: Shard;
  /** Learners of a previous results.json (for --compare). */
  previous?: LearnerRow[];
  /** Wall-clock budget per learner in ms. Default 120 000. */
  timeoutMs?: number;
  /** Heap budget per worker in MiB. Default DEFAULT_WORKER_HEAP_MIB. */
  maxOldGenerationSizeMb?: number;
  onProgress?(event: ProgressEvent): void;
  /** Test hooks: stop after K learners are written (simulates a kill); learners whose grading spins or hogs memory. */
  hooks?: { stopAfter?: number; spin?: string[]; hog?: string[] };
}

export interface ProgressEvent {
  learner: string;
  status: 'graded' | 'error' | 'skipped';
  done: number;
  total: number;
  failures: number;
  error?: string;
}

export interface BatchSummary {
  layout: Layout;
  learners: string[];
  graded: number;
  errors: number;
  skipped: number;
  /** True when the stopAfter hook ended the run early (no aggregates written). */
  stopped: boolean;
  aggregates?: Aggregates;
}

/** Grades every learner of a class folder (or one shard of it) in a worker pool and writes per-learner and aggregate outputs. */
export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const folder = readClassFolder(options.root);
  const learners = shardLearners(folder.learners, options.shard);
  const hiddenDir = options.hiddenDir ?? join(options.courseRoot, 'solutions');
  const formats = options.formats ?? [];
  const specs = specHash(options.courseRoot, options.ids, hiddenDir);
  const files = new Map<string, LearnerSummary>();
  const summary: BatchSummary = { layout: folder.layout, learners, graded: 0, errors: 0, skipped: 0, stopped: false };
  let done = 0;
  const report = (learner: string, status: ProgressEvent['status'], error?: string) => {
    done += 1;
    options.onProgress?.({ learner, status, done, total: learners.length, failures: summary.errors, ...(error ? { error } : {}) });
  };

  // results.json is written while learners finish, in learner order, so the end of the run need not read it all back.
  const results = openResultsJson(options.out, learners.length);
  // Learners go to the pool as soon as their key is known, so workers start (and grade) while the rest is hashed.
  let pool: WorkerPool | undefined;
  const pending: Promise<void>[] = [];
  let written = 0;
  const grade = async (task: LearnerTask, index: number) => {
    const result = await pool!.run(task);
    if (summary.stopped) return;
    if (result.ok) {
      writeLearnerFiles(options.out, task.learner, result.outcome.outputs, result.outcome.resultJson);
      files.set(task.learner, result.outcome.summary);
      results.set(index, result.outcome.row);
      summary.graded += 1;
      report(task.learner, 'graded');
    } else {
      const file: LearnerFile = { schemaVersion: 1, learner: task.learner, status: 'error', error: result.error, key: task.key, fingerprint: [] };
      const texts = learnerTexts(file);
      writeLearnerFiles(options.out, task.learner, [{ file: 'report.html', text: errorPage(task.learner, result.error) }], texts.resultJson);
      files.set(task.learner, summarize(file));
      results.set(index, texts.row);
      summary.errors += 1;
      report(task.learner, 'error', result.error);
    }
    written += 1;
    if (options.hooks?.stopAfter !== undefined && written >= options.hooks.stopAfter) {
      summary.stopped = true;
      await pool!.close();
    }
  };

  try {
    for (const [index, learner] of learners.entries()) {
      if (summary.stopped) break;
      const dirs = Object.fromEntries(options.ids.map((id) => [id, submissionDir(folder, learner, id)]));
      const key = learnerKey({ submission: submissionHash(dirs), specs, ids: options.ids, ...(options.seed !== undefined ? { seed: options.seed } : {}), formats });
      const previous = options.resume ? readLearnerFile(options.out, learner) : undefined;
      if (previous && previous.key === key && previous.status === 'graded') {
        files.set(learner, summarize(previous));
        results.set(index, JSON.stringify(rowOf(previous), null, 2));
        summary.skipped += 1;
        report(learner, 'skipped');
        continue;
      }
      const task: LearnerTask = {
        learner,
        key,
        courseRoot: options.courseRoot,
        ids: options.ids,
        dirs,
        hiddenDir,
        formats,
        ...(options.seed !== undefined ? { seed: options.seed } : {}),
        ...(options.hooks?.spin?.includes(learner) ? { spin: true } : {}),
        ...(options.hooks?.hog?.includes(learner) ? { hog: true } : {}),
      };
      pool ??= createWorkerPool({
        size: Math.min(learners.length - index, Math.max(1, options.jobs ?? availableParallelism())),
        timeoutMs: options.timeoutMs ?? 120_000,
        maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? DEFAULT_WORKER_HEAP_MIB,
      });
      pending.push(grade(task, index));
      // Let the pool start workers and take finished learners while the rest is hashed.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await Promise.all(pending);
  } catch (e) {
    summary.stopped = true;
    throw e;
  } finally {
    await pool?.close();
    if (summary.stopped) results.abort();
  }
  if (summary.stopped) return summary;
  results.close();
  summary.aggregates = writeAggregates(options.out, [...files.values()], { ...(options.previous ? { previous: options.previous } : {}), resultsJsonWritten: true });
  return summary;
}

function errorPage(learner: string, error: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${esc(learner)}: not graded</title></head><body><h1>${esc(learner)}</h1><p>kubegrade could not grade this submission: ${esc(error)}</p></body></html>\n`;
}
