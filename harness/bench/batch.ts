/**
 * `npx tsx harness/bench/batch.ts [N] [--skip-serial]`: grades a synthetic class of N learners (default 200) × every
 * exercise with HTML reports, with 1 worker and with 2, and prints wall time, peak memory and the speed-up;
 * the last line is JSON. The target from the issue: 1,000 learners in < 60 s and < 1 GiB on 2 cores.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCourse } from '../grade/course.ts';
import { runBatch } from '../batch/run-batch.ts';
import { buildSyntheticClass } from '../batch/testing/synthetic-class.ts';

const args = process.argv.slice(2);
const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 200);
const skipSerial = args.includes('--skip-serial');
const courseRoot = resolve(import.meta.dirname ?? '.', '..', '..');
const course = openCourse(courseRoot);
const tmp = mkdtempSync(join(tmpdir(), 'kubegrade-bench-batch-'));

interface Figure {
  jobs: number;
  seconds: number;
  peakRssMiB: number;
  learnersPerSecond: number;
}

/** Grades the class with the given number of workers, sampling the process's resident memory (workers included). */
async function measure(jobs: number): Promise<Figure> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const summary = await runBatch({ root: join(tmp, 'class'), out: join(tmp, `out-${jobs}`), courseRoot, ids: course.ids, jobs });
  const seconds = (performance.now() - t0) / 1000;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  const figure = { jobs, seconds: round(seconds), peakRssMiB: Math.round(peak / 2 ** 20), learnersPerSecond: round(summary.learners.length / seconds) };
  console.log(`jobs=${jobs}: ${summary.learners.length} learners × ${course.ids.length} exercises in ${figure.seconds} s (${figure.learnersPerSecond}/s), peak RSS ${figure.peakRssMiB} MiB, ${summary.errors} errors`);
  return figure;
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

try {
  buildSyntheticClass(courseRoot, join(tmp, 'class'), { count: n, broken: false });
  const serial = skipSerial ? undefined : await measure(1);
  const parallel = await measure(2);
  const result = {
    learners: n,
    exercises: course.ids.length,
    ...(serial ? { jobs1: serial } : {}),
    jobs2: parallel,
    ...(serial ? { speedup: round(serial.seconds / parallel.seconds) } : {}),
    cpus: cpus().length,
    // Other processes on the machine slow both runs; the load average says how busy it was.
    loadAverage1m: round(loadavg()[0]!),
    projected1000Seconds: round((parallel.seconds / n) * 1000),
  };
  console.log(JSON.stringify(result));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
