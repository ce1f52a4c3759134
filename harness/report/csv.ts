import type { GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { canonicalReport } from './json.ts';

/** Quotes one CSV field (RFC 4180) and defuses spreadsheet formulas a learner's text could carry. */
export function csvField(value: unknown): string {
  let s = String(value ?? '');
  // A cell starting with = + - @ (or tab/CR) is run as a formula by spreadsheets: prefix a quote (OWASP advice).
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Renders rows of fields as CSV with CRLF line endings. */
export function csvRows(rows: unknown[][]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Renders one CSV row per exercise: exercise, score, max, status, failed checks (ids separated by spaces). */
export function renderCsv(report: GradeReport): string {
  const r = canonicalReport(report);
  return csvRows([
    ['exercise', 'score', 'max', 'status', 'failed_checks'],
    ...r.exercises.map((e) => [e.id, e.score, e.maxScore, e.status, e.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped').map((c) => c.id).join(' ')]),
  ]);
}

export const csvReporter: Reporter = {
  name: 'csv',
  description: 'one CSV row per exercise: exercise, score, max, status, failed checks',
  fileName: 'result.csv',
  render: renderCsv,
};
