/** A worker entry for the bundle tests: reports where import.meta points, a package's answer and what two functions with clashing names return. */
import { readFileSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parse } from 'yaml';
import { helper as other, location as otherLocation } from './bundle-fixture-helper.ts';

function helper(): string {
  return 'entry';
}

parentPort?.postMessage({
  url: import.meta.url,
  dirname: import.meta.dirname,
  filename: import.meta.filename,
  helperLocation: otherLocation(),
  yaml: parse('a: [1, 2]'),
  // Bundling renames one of the two (no keepNames: see worker-bundle.ts); each call must still reach its own.
  answers: [helper(), other()],
  ownSource: readFileSync(new URL('./bundle-fixture.ts', import.meta.url), 'utf8').length > 0,
});
