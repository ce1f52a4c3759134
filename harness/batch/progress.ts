import type { ProgressEvent } from './run-batch.ts';

export interface ProgressOutput {
  write(text: string): void;
  /** Redraw one line with `\r` (a terminal) or print plain lines (a log, CI). */
  live: boolean;
  /** Milliseconds from a monotonic clock (injected so tests need no wall-clock time). */
  now(): number;
}

export interface ProgressPrinter {
  update(event: ProgressEvent): void;
  /** Ends a live line so later output starts on a fresh line. */
  finish(): void;
}

/** Creates the batch progress display: a redrawn status line on a terminal, one plain line per learner otherwise. */
export function createProgressPrinter(out: ProgressOutput): ProgressPrinter {
  const start = out.now();
  let graded = 0;
  let drawn = false;
  return {
    update(e) {
      if (e.status !== 'skipped') graded += 1;
      if (!out.live) {
        out.write(`[${e.done}/${e.total}] ${e.learner} ${e.status}${e.error ? `: ${e.error}` : ''}\n`);
        return;
      }
      const seconds = Math.max(0.001, (out.now() - start) / 1000);
      const rate = graded / seconds;
      const eta = rate > 0 ? Math.ceil((e.total - e.done) / rate) : 0;
      const line = `${e.done}/${e.total} learners  ${rate.toFixed(1)}/s  ETA ${formatSeconds(eta)}  ${e.failures} could not be graded`;
      out.write(`\r${line.padEnd(72)}`);
      drawn = true;
    },
    finish() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}

/** Formats seconds as `1m05s` or `42s`. */
export function formatSeconds(s: number): string {
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}
