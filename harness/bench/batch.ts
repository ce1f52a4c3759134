/**
 * Batch throughput: `npm run bench -- --batch [N] [--skip-serial]`, or `npx tsx harness/bench/batch.ts [N] [--skip-serial]`.
 * Grades a synthetic class of N learners (default 200) × every exercise with HTML reports, with 1 worker and with 2,
 * and prints wall time, CPU time (all threads), peak memory, the serial tail (aggregates after the last learner),
 * the speed-up and the load average; the last line is JSON. The target from the issue: 1,000 learners in < 60 s and
 * < 1 GiB on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { openCourse } from '../grade/course.ts';
import { runBatch } from '../batch/run-batch.ts';
import { workerSource } from '../batch/worker-bundle.ts';
import { buildSyntheticClass } from '../batch/testing/synthetic-class.ts';

export interface BatchFigure {
  jobs: number;
  seconds: number;
  /** CPU seconds of the whole process (main thread, workers, GC threads). */
  cpuSeconds: number;
  /** Seconds from the first learner's submission being hashed to the first learner written (worker start-up included). */
  firstLearnerSeconds: number;
  /** Seconds after the last learner was written (results.json, gradebook, CSVs, similarity). */
  aggregateSeconds: number;
  peakRssMiB: number;
  learnersPerSecond: number;
  /** 1-minute load average when the run ended (other processes on the machine slow every figure). */
  loadAverage1m: number;
}

export interface BatchBench {
  learners: number;
  exercises: number;
  /** How workers ran their code: `bundle`, or `tsx` with the reason. */
  workers: string;
  jobs1?: BatchFigure;
  jobs2: BatchFigure;
  speedup?: number;
  cpus: number;
  projected1000Seconds: number;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** Grades a synthetic class with 1 (unless skipped) and 2 workers and returns the figures, printing one line per run. */
export async function benchBatch(options: { learners: number; serial: boolean; log?: (line: string) => void }): Promise<BatchBench> {
  const log = options.log ?? ((line: string) => console.log(line));
  const courseRoot = resolve(import.meta.dirname ?? '.', '..', '..');
  const course = openCourse(courseRoot);
  const tmp = mkdtempSync(join(tmpdir(), 'kubegrade-bench-batch-'));

  const measure = async (jobs: number): Promise<BatchFigure> => {
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    let first: number | undefined;
    let last = t0;
    const summary = await runBatch({
      root: join(tmp, 'class'),
      out: join(tmp, `out-${jobs}`),
      courseRoot,
      ids: course.ids,
      jobs,
      onProgress: () => {
        last = performance.now();
        first ??= last;
      },
    });
    const end = performance.now();
    const cpu = process.cpuUsage(cpu0);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().rss);
    const seconds = (end - t0) / 1000;
    const figure: BatchFigure = {
      jobs,
      seconds: round(seconds),
      cpuSeconds: round((cpu.user + cpu.system) / 1e6),
      firstLearnerSeconds: round(((first ?? end) - t0) / 1000),
      aggregateSeconds: round((end - last) / 1000),
      peakRssMiB: Math.round(peak / 2 ** 20),
      learnersPerSecond: round(summary.learners.length / seconds),
      loadAverage1m: round(loadavg()[0]!),
    };
    log(
      `jobs=${jobs}: ${summary.learners.length} learners × ${course.ids.length} exercises in ${figure.seconds} s (${figure.learnersPerSecond}/s; CPU ${figure.cpuSeconds} s; ` +
        `first learner after ${figure.firstLearnerSeconds} s, aggregates ${figure.aggregateSeconds} s), peak RSS ${figure.peakRssMiB} MiB, ${summary.errors} errors, load ${figure.loadAverage1m}`,
    );
    return figure;
  };

  try {
    buildSyntheticClass(courseRoot, join(tmp, 'class'), { count: options.learners, broken: false });
    const serial = options.serial ? await measure(1) : undefined;
    const parallel = await measure(2);
    // Built by the first run (its time is in that run's figures); asked here only to say which it was.
    const source = await workerSource(new URL('../batch/worker.ts', import.meta.url));
    return {
      learners: options.learners,
      exercises: course.ids.length,
      workers: source.kind === 'bundle' ? 'bundle' : `tsx (${source.reason})`,
      ...(serial ? { jobs1: serial } : {}),
      jobs2: parallel,
      ...(serial ? { speedup: round(serial.seconds / parallel.seconds) } : {}),
      cpus: cpus().length,
      projected1000Seconds: round((parallel.seconds / options.learners) * 1000),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reads `[N] [--skip-serial]` (N may follow `--batch`). */
export function batchBenchArgs(args: readonly string[]): { learners: number; serial: boolean } {
  return { learners: Number(args.find((a) => /^\d+$/.test(a)) ?? 200), serial: !args.includes('--skip-serial') };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  console.log(JSON.stringify(await benchBatch(batchBenchArgs(process.argv.slice(2)))));
}
