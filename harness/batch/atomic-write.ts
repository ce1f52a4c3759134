import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

let counter = 0;

/** Writes a file atomically: a temp file beside it, then a rename, so readers never see half a file. */
export function writeFileAtomic(target: string, data: string): void {
  mkdirSync(dirname(target), { recursive: true });
  counter += 1;
  const tmp = `${target}.${process.pid}.${counter}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, target);
}
