import type { GradeReport } from '../core/result.ts';

/** A saved result that is not a GradeReport kubegrade can render; the message is one actionable sentence. */
export class ResultFileError extends Error {
  readonly code = 'report/invalid-result';
}

/** Parses a saved result.json, checking the shape every reporter relies on (schemaVersion 1, exercises with checks). */
export function parseGradeReport(text: string, name = 'result.json'): GradeReport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new ResultFileError(`${name} is not JSON (${(e as Error).message}); pass a result.json written by kubegrade grade --format json`);
  }
  const fail = (what: string) => new ResultFileError(`${name} is not a kubegrade result: ${what}`);
  if (!isObject(data)) throw fail('expected a JSON object');
  if (data.schemaVersion !== 1) throw fail(`schemaVersion is ${JSON.stringify(data.schemaVersion) ?? 'missing'}, expected 1`);
  if (!Array.isArray(data.exercises)) throw fail('exercises is not a list');
  if (!isNumber(data.score) || !isNumber(data.maxScore)) throw fail('score and maxScore must be numbers');
  data.exercises.forEach((e: unknown, i: number) => {
    const at = `exercises[${i}]`;
    if (!isObject(e)) throw fail(`${at} is not an object`);
    if (typeof e.id !== 'string' || typeof e.title !== 'string') throw fail(`${at}.id and .title must be strings`);
    if (!isNumber(e.score) || !isNumber(e.maxScore) || !isNumber(e.seed)) throw fail(`${at}.score, .maxScore and .seed must be numbers`);
    if (!['passed', 'failed', 'error'].includes(e.status as string)) throw fail(`${at}.status must be passed, failed or error`);
    if (!Array.isArray(e.checks) || !e.checks.every((c: unknown) => isObject(c) && typeof c.id === 'string' && typeof c.title === 'string' && isNumber(c.points) && isNumber(c.maxPoints) && typeof c.status === 'string')) {
      throw fail(`${at}.checks must be a list of checks with id, title, status, points and maxPoints`);
    }
    if (!Array.isArray(e.diagnostics) || !e.diagnostics.every((d: unknown) => isObject(d) && typeof d.message === 'string')) throw fail(`${at}.diagnostics must be a list of diagnostics with a message`);
    if (e.files !== undefined && !(Array.isArray(e.files) && e.files.every((f: unknown) => isObject(f) && typeof f.path === 'string' && typeof f.text === 'string'))) throw fail(`${at}.files must be a list of {path, text}`);
    if (e.checks.some((c: Record<string, unknown>) => c.counterexample !== undefined && !(isObject(c.counterexample) && Array.isArray(c.counterexample.steps)))) throw fail(`${at}.checks[].counterexample must be {seed, path, steps[]}`);
    if (e.commands !== undefined && !(Array.isArray(e.commands) && e.commands.every(isObject))) throw fail(`${at}.commands must be a list of commands`);
    if (e.cluster !== undefined && !isObject(e.cluster)) throw fail(`${at}.cluster must be an object`);
    if (e.cluster !== undefined && isObject(e.cluster) && e.cluster.snapshot !== undefined && !isObject(e.cluster.snapshot)) throw fail(`${at}.cluster.snapshot must be an object`);
  });
  return data as unknown as GradeReport;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
