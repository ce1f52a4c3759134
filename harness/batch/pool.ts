import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LearnerOutcome, LearnerTask } from './types.ts';
import { workerSource, type WorkerSource } from './worker-bundle.ts';

export interface PoolOptions {
  /** Number of worker threads. */
  size: number;
  /** Wall-clock budget per learner in milliseconds; a worker over it is terminated and replaced. */
  timeoutMs: number;
  /** Heap budget per worker (`resourceLimits.maxOldGenerationSizeMb`). */
  maxOldGenerationSizeMb: number;
  /** How workers run the worker code: `bundle` (default; falls back to tsx when it cannot be built) or `tsx`. */
  loader?: 'bundle' | 'tsx';
  /** The worker module (default `./worker.ts`); tests run fixtures. */
  entry?: URL;
}

export type PoolResult = { ok: true; outcome: LearnerOutcome } | { ok: false; error: string };

export interface WorkerPool {
  run(task: LearnerTask): Promise<PoolResult>;
  close(): Promise<void>;
  /** Resolves to how the workers run their code, once that is decided. */
  source: Promise<WorkerSource>;
}

interface Job {
  id: number;
  task: LearnerTask;
  resolve(result: PoolResult): void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job;
  timer?: ReturnType<typeof setTimeout>;
  done: boolean;
  /** Started from the bundle (a bundle that cannot start sends the pool back to tsx). */
  bundled: boolean;
}

// Without a bundle, workers run our TypeScript sources: they register tsx's loader first, exactly as bin/kubegrade.js does.
// The ESM entry of tsx's API (its CommonJS twin cannot be imported from an eval worker); found via the package folder.
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
const workerUrl = new URL('./worker.ts', import.meta.url);
const bootstrap = (entry: URL) => `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(entry.href)});`;

const MAX_STARTUP_FAILURES = 3;

/** Creates a pool of grading workers with a time and a memory budget per learner. */
export function createWorkerPool(options: PoolOptions): WorkerPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let startupFailures = 0;
  let closed = false;
  let source: WorkerSource | undefined;
  const entry = options.entry ?? workerUrl;

  const spawn = (): Slot => {
    const resourceLimits = { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb };
    const worker = source?.kind === 'bundle' ? new Worker(source.url, { resourceLimits }) : new Worker(bootstrap(entry), { eval: true, resourceLimits });
    const slot: Slot = { worker, ready: false, done: false, bundled: source?.kind === 'bundle' };
    worker.on('message', (msg: { ready?: boolean; id?: number; ok?: boolean; outcome?: LearnerOutcome; error?: string }) => {
      if (msg.ready) {
        slot.ready = true;
        startupFailures = 0;
      } else if (slot.job && msg.id === slot.job.id) {
        finish(slot, msg.ok ? { ok: true, outcome: msg.outcome! } : { ok: false, error: `kubegrade failed while grading (a bug in kubegrade): ${msg.error ?? 'unknown error'}` });
      }
      dispatch();
    });
    worker.on('error', (e: Error & { code?: string }) => fail(slot, e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryMessage() : `the grading worker crashed: ${e.message}`));
    worker.on('exit', () => fail(slot, 'the grading worker stopped unexpectedly'));
    return slot;
  };

  const memoryMessage = () => `grading used more than the memory budget of ${options.maxOldGenerationSizeMb} MiB and was stopped`;

  const finish = (slot: Slot, result: PoolResult) => {
    const job = slot.job;
    if (!job) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    job.resolve(result);
  };

  const replace = (slot: Slot) => {
    slot.done = true;
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    void slot.worker.terminate();
    if (!closed) slots.push(spawn());
  };

  const fail = (slot: Slot, reason: string) => {
    if (slot.done) return;
    if (!slot.ready && slot.bundled && source?.kind === 'bundle') {
      source = { kind: 'tsx', reason: `the worker bundle did not start: ${reason}` };
    } else if (!slot.ready && !slot.job) {
      startupFailures += 1;
      if (startupFailures >= MAX_STARTUP_FAILURES) {
        for (const job of queue.splice(0)) job.resolve({ ok: false, error: `the grading workers could not start: ${reason}` });
      }
    }
    finish(slot, { ok: false, error: reason });
    replace(slot);
    dispatch();
  };

  const dispatch = () => {
    for (const slot of slots) {
      if (!slot.ready || slot.job || slot.done) continue;
      const job = queue.shift();
      if (!job) return;
      slot.job = job;
      slot.timer = setTimeout(() => {
        finish(slot, { ok: false, error: `grading took longer than the time budget of ${options.timeoutMs / 1000} s and was stopped` });
        replace(slot);
        dispatch();
      }, options.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task });
    }
  };

  const decided: Promise<WorkerSource> = (options.loader === 'tsx' ? Promise.resolve<WorkerSource>({ kind: 'tsx', reason: 'loader: tsx' }) : workerSource(entry)).then((s) => {
    source = s;
    try {
      if (!closed) for (let i = 0; i < Math.max(1, options.size); i++) slots.push(spawn());
    } catch (e) {
      for (const job of queue.splice(0)) job.resolve({ ok: false, error: `the grading workers could not start: ${e instanceof Error ? e.message : String(e)}` });
    }
    dispatch();
    return s;
  });

  return {
    get source() {
      // The fallback decided after a bundled worker failed to start wins over the build's answer.
      return decided.then((s) => source ?? s);
    },
    run(task) {
      return new Promise<PoolResult>((resolve) => {
        if (closed) return resolve({ ok: false, error: 'the batch was stopped' });
        queue.push({ id: nextId++, task, resolve });
        dispatch();
      });
    },
    async close() {
      closed = true;
      const all = slots.splice(0);
      for (const job of queue.splice(0)) job.resolve({ ok: false, error: 'the batch was stopped' });
      for (const s of all) {
        s.done = true;
        finish(s, { ok: false, error: 'the batch was stopped' });
      }
      await Promise.all(all.map((s) => s.worker.terminate()));
    },
  };
}
