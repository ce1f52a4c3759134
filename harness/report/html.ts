import { readFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import type { ExerciseResult, GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { canonicalReport } from './json.ts';

// An isolated Handlebars environment: no helpers or partials leak in from elsewhere.
const hb = Handlebars.create();
const template = hb.compile(readFileSync(new URL('./templates/report.hbs', import.meta.url), 'utf8'), { strict: false, noEscape: false });

const statusText: Record<string, string> = { passed: 'passed', failed: 'failed', error: 'could not be graded', errored: 'error in kubegrade', skipped: 'skipped' };
const marks: Record<string, string> = { passed: '✔', failed: '✖', errored: '!', skipped: '–' };

/** Renders the learner's HTML report: self-contained, no scripts, every learner string escaped. */
export function renderHtml(report: GradeReport): string {
  const r = canonicalReport(report);
  return template({
    score: r.score,
    maxScore: r.maxScore,
    exercises: r.exercises.map(exerciseView),
  });
}

function exerciseView(e: ExerciseResult) {
  const notes = new Map<string, Map<number, string[]>>();
  const note = (file: string | undefined, line: number | undefined, text: string) => {
    if (!file || !line) return;
    const perFile = notes.get(file) ?? new Map<number, string[]>();
    notes.set(file, perFile);
    perFile.set(line, [...(perFile.get(line) ?? []), text]);
  };
  for (const c of e.checks) if (c.status !== 'passed' && c.location) note(c.location.file, c.location.line, `${c.title}: ${c.message ?? ''}`);
  for (const d of e.diagnostics) if (d.severity !== 'info') note(d.file, d.line, d.message);
  return {
    ...e,
    statusText: statusText[e.status] ?? e.status,
    diagnostics: e.diagnostics.map((d) => ({
      ...d,
      severityText: d.severity,
      severityClass: d.severity === 'error' ? 'failed' : 'skipped',
      where: d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : undefined,
    })),
    checks: e.checks.map((c) => ({
      ...c,
      mark: marks[c.status] ?? '',
      statusText: statusText[c.status] ?? c.status,
      hidden: c.visibility === 'hidden',
      where: c.location ? `${c.location.file}:${c.location.line}:${c.location.column}` : undefined,
    })),
    files: (e.files ?? []).map((f) => ({
      path: f.path,
      lines: f.text.split(/\r?\n/).map((text, i) => {
        const n = notes.get(f.path)?.get(i + 1);
        return { n: i + 1, text, hit: Boolean(n), notes: n ?? [] };
      }),
    })),
  };
}

export const htmlReporter: Reporter = {
  name: 'html',
  description: 'a self-contained HTML report (no scripts, opens offline)',
  fileName: 'index.html',
  render: renderHtml,
};
