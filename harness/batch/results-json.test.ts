import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openResultsJson } from './results-json.ts';

let out: string;
beforeEach(() => void (out = mkdtempSync(join(tmpdir(), 'kubegrade-results-'))));
afterEach(() => rmSync(out, { recursive: true, force: true }));

const learners = [{ learner: 'a', status: 'graded', report: { score: 1, lines: ['x\ny'] } }, { learner: 'b', status: 'error', error: 'boom' }, { learner: 'c', status: 'graded' }];

describe('openResultsJson', () => {
  it.each([
    ['in order', [0, 1, 2]],
    ['in reverse', [2, 1, 0]],
    ['shuffled', [1, 2, 0]],
  ])('writes the bytes of JSON.stringify whatever the arrival order (%s)', (_, order) => {
    const writer = openResultsJson(out, learners.length);
    for (const i of order) writer.set(i, JSON.stringify(learners[i], null, 2));
    expect(existsSync(join(out, 'results.json'))).toBe(false);
    writer.close();
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(`${JSON.stringify({ schemaVersion: 1, learners }, null, 2)}\n`);
    expect(readdirSync(out)).toEqual(['results.json']);
  });

  it('writes an empty list for no learners', () => {
    openResultsJson(out, 0).close();
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe(`${JSON.stringify({ schemaVersion: 1, learners: [] }, null, 2)}\n`);
  });

  it('refuses to close with a row missing, and leaves nothing behind when aborted', () => {
    const writer = openResultsJson(out, 2);
    writer.set(1, '{}');
    expect(() => writer.close()).toThrow('1 of 2 rows are missing');
    expect(readdirSync(out)).toEqual([]);
  });

  it("removes the temp file a killed run left behind", () => {
    writeFileSync(join(out, 'results.json.12345.7.tmp'), '{ "half');
    openResultsJson(out, 0).close();
    expect(readdirSync(out)).toEqual(['results.json']);
  });
});
