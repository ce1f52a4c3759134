import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LearnerOutcome, LearnerTask } from './types.ts';

export interface PoolOptions {
  /** Number of worker threads. */
  size: number;
  /** Wall-clock budget per learner in milliseconds; a worker over it is terminated and replaced. */
  timeoutMs: number;
  /** Heap budget per worker (`resourceLimits.maxOldGenerationSizeMb`). */
  maxOldGenerationSizeMb: number;
}

export type PoolResult = { ok: true; outcome: LearnerOutcome } | { ok: false; error: string };

export interface WorkerPool {
  run(task: LearnerTask): Promise<PoolResult>;
  close(): Promise<void>;
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
}

// Workers run our TypeScript sources: they register tsx's loader first, exactly as bin/kubegrade.js does.
// The ESM entry of tsx's API (its CommonJS twin cannot be imported from an eval worker); found via the package folder.
const tsxApi = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
const workerUrl = new URL('./worker.ts', import.meta.url).href;
const bootstrap = `const { register } = await import(${JSON.stringify(tsxApi)}); register(); await import(${JSON.stringify(workerUrl)});`;

const MAX_STARTUP_FAILURES = 3;

/** Creates a pool of grading workers with a time and a memory budget per learner. */
export function createWorkerPool(options: PoolOptions): WorkerPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let startupFailures = 0;
  let closed = false;

  const spawn = (): Slot => {
    const worker = new Worker(bootstrap, { eval: true, resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } });
    const slot: Slot = { worker, ready: false, done: false };
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
    if (!slot.ready && !slot.job) {
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

  for (let i = 0; i < Math.max(1, options.size); i++) slots.push(spawn());

  return {
    run(task) {
      return new Promise<PoolResult>((resolve) => {
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
