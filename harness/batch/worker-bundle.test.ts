import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { BUNDLE_ENV, pinImportMeta, workerSource } from './worker-bundle.ts';

const fixture = new URL('./testing/bundle-fixture.ts', import.meta.url);
const helper = new URL('./testing/bundle-fixture-helper.ts', import.meta.url);

function firstMessage(url: URL): Promise<Record<string, unknown>> {
  const worker = new Worker(url);
  return new Promise((resolve, reject) => {
    worker.once('message', (m: Record<string, unknown>) => void worker.terminate().then(() => resolve(m)));
    worker.once('error', reject);
  });
}

describe('pinImportMeta', () => {
  it.each([
    ['new URL("./t/", import.meta.url)', 'new URL("./t/", "file:///src/a%20b/m.ts")'],
    ['import.meta.dirname + import.meta.filename', '"/src/a b" + "/src/a b/m.ts"'],
    ['import.meta.resolve("x"); import.meta.urls', 'import.meta.resolve("x"); import.meta.urls'],
  ])('%s', (source, expected) => {
    expect(pinImportMeta(source, '/src/a b/m.ts')).toBe(expected);
  });
});

describe('workerSource', () => {
  it('bundles an entry once per process; the bundle runs without tsx, as the sources would', async () => {
    const source = await workerSource(fixture);
    expect(source.kind).toBe('bundle');
    expect(await workerSource(fixture)).toBe(source);
    const url = (source as { url: URL }).url;
    const message = await firstMessage(url);
    expect(message).toEqual({
      url: fixture.href,
      dirname: fileURLToPath(new URL('.', fixture)).replace(/\/$/, ''),
      filename: fileURLToPath(fixture),
      helperLocation: helper.href,
      yaml: { a: [1, 2] },
      answers: ['entry', 'helper'],
      ownSource: true,
    });
  });

  it('imports packages from the files Node itself resolves, by absolute URL', async () => {
    const source = await workerSource(fixture);
    const text = readFileSync((source as { url: URL }).url, 'utf8');
    const imports = [...text.matchAll(/from "(file:[^"]+)"/g)].map((m) => m[1]);
    expect(imports).toEqual([import.meta.resolve('yaml')]);
  });

  it('falls back to tsx, saying why, when the bundle cannot be built or is turned off', async () => {
    const missing = await workerSource(pathToFileURL('/nonexistent/kubegrade-entry.ts'));
    expect(missing).toMatchObject({ kind: 'tsx', reason: expect.stringContaining('could not be built') });
    const before = process.env[BUNDLE_ENV];
    process.env[BUNDLE_ENV] = '0';
    try {
      expect(await workerSource(fixture)).toEqual({ kind: 'tsx', reason: `${BUNDLE_ENV}=0` });
    } finally {
      if (before === undefined) delete process.env[BUNDLE_ENV];
      else process.env[BUNDLE_ENV] = before;
    }
  });
});
