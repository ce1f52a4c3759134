import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { richHostileReport } from '../report/fixtures.ts';
import { renderHtml } from '../report/html.ts';
import { renderJunit } from '../report/junit.ts';
import { runCliCaptured } from '../testing/run-cli.ts';

const root = resolve(import.meta.dirname, '..', '..');

function savedResult(content: string = JSON.stringify(richHostileReport())): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-report-'));
  const file = join(dir, 'result.json');
  writeFileSync(file, content);
  return { dir, file };
}

describe('kubegrade report', () => {
  it('re-renders a saved result as HTML on stdout by default', async () => {
    const { file } = savedResult();
    const run = await runCliCaptured(['report', file], root);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe(renderHtml(richHostileReport()));
  });

  it('writes DIR/<file name> of the chosen format with --out', async () => {
    const { dir, file } = savedResult();
    const run = await runCliCaptured(['report', 'result.json', '--format', 'junit', '--out', 'out'], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${join(dir, 'out', 'junit.xml')}\n`);
    expect(readFileSync(join(dir, 'out', 'junit.xml'), 'utf8')).toBe(renderJunit(richHostileReport()));
    expect(file).toBe(join(dir, 'result.json'));
  });

  it.each(['gradescope', 'prairielearn', 'csv', 'json', 'text'])('renders the %s format', async (format) => {
    const { file } = savedResult();
    const run = await runCliCaptured(['report', file, '--format', format], root);
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(0);
  });

  it.each([
    [['report', 'x.json', '--format', 'xml'], /^unknown format "xml"; valid formats: text, json, html, junit, gradescope, prairielearn, csv\n$/],
    [['report'], /needs exactly one FILE/],
    [['report', 'does-not-exist.json'], /cannot read does-not-exist.json: ENOENT/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const run = await runCliCaptured(argv, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });

  it.each([
    ['not json', /is not JSON/],
    ['[]', /expected a JSON object/],
    ['{"schemaVersion":2,"exercises":[]}', /schemaVersion is 2, expected 1/],
    ['{"schemaVersion":1,"score":1,"maxScore":1,"exercises":[null]}', /exercises\[0\] is not an object/],
    ['{"schemaVersion":1,"score":1,"maxScore":1,"exercises":[{"id":"a","title":"b","score":0,"maxScore":1,"seed":1,"status":"failed","checks":{},"diagnostics":[]}]}', /exercises\[0\].checks must be a list/],
    ['{"schemaVersion":1,"score":1,"maxScore":1,"exercises":[{"id":"a","title":"b","score":0,"maxScore":1,"seed":1,"status":"failed","checks":[],"diagnostics":[],"commands":{"a":1}}]}', /commands must be a list/],
  ])('rejects a file that is not a kubegrade result (%s) with exit 2', async (content, message) => {
    const { file } = savedResult(content);
    const run = await runCliCaptured(['report', file], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('is listed in the main help', async () => {
    const run = await runCliCaptured(['--help'], root);
    expect(run.stdout).toMatch(/ {2}report {11}re-render a saved result.json/);
  });
});
