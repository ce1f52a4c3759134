import { closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Writes results.json row by row: rows may arrive in any order, they land in learner order. */
export interface ResultsJsonWriter {
  /** Adds the row (`JSON.stringify(row, null, 2)`) of the learner at `index` in the sorted learner list. */
  set(index: number, row: string): void;
  /** Writes the end and renames the file into place; every row must have been set. */
  close(): void;
  /** Drops the unfinished file. */
  abort(): void;
}

let counter = 0;
const STALE = /^results\.json\.\d+\.\d+\.tmp$/;

/**
 * Opens `<out>/results.json` for `count` learners, written to a temp file as soon as each next row is known (so the
 * end of a run need not read every result.json again) and renamed at close; the bytes equal
 * `JSON.stringify({ schemaVersion: 1, learners }, null, 2)` plus a newline. A run that was killed leaves its temp
 * file behind; the next one removes it.
 */
export function openResultsJson(out: string, count: number): ResultsJsonWriter {
  mkdirSync(out, { recursive: true });
  for (const name of readdirSync(out)) if (STALE.test(name)) rmSync(join(out, name), { force: true });
  const target = join(out, 'results.json');
  counter += 1;
  const tmp = `${target}.${process.pid}.${counter}.tmp`;
  const fd = openSync(tmp, 'w');
  let open = true;
  const waiting = new Map<number, string>();
  let next = 0;
  writeSync(fd, count === 0 ? '{\n  "schemaVersion": 1,\n  "learners": []\n}\n' : '{\n  "schemaVersion": 1,\n  "learners": [\n');
  const shut = () => {
    if (!open) return;
    open = false;
    closeSync(fd);
  };
  return {
    set(index, row) {
      if (!open || index < next || index >= count) return;
      waiting.set(index, row);
      while (waiting.has(next)) {
        writeSync(fd, `    ${waiting.get(next)!.replace(/\n/g, '\n    ')}${next < count - 1 ? ',' : ''}\n`);
        waiting.delete(next);
        next += 1;
      }
    },
    close() {
      if (next !== count) {
        const missing = count - next - waiting.size;
        this.abort();
        throw new Error(`results.json: ${missing} of ${count} rows are missing`);
      }
      if (count > 0) writeSync(fd, '  ]\n}\n');
      shut();
      renameSync(tmp, target);
    },
    abort() {
      shut();
      rmSync(tmp, { force: true });
    },
  };
}
