import type { CheckResult, DiagnosticResult, GradeReport } from '../core/result.ts';
import type { RenderOptions, Reporter } from './types.ts';

const ansi = { red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };

/** Renders the report for a terminal: one line per check, then what is wrong, where, and a hint. */
export function renderText(report: GradeReport, options: RenderOptions = {}): string {
  const c = (code: keyof typeof ansi, s: string) => (options.color ? `${ansi[code]}${s}${ansi.reset}` : s);
  // Learner text may carry terminal escape sequences: show control characters, never emit them.
  report = JSON.parse(JSON.stringify(report), (_k, v: unknown) => (typeof v === 'string' ? safeText(v) : v)) as GradeReport;
  const out: string[] = [];
  for (const ex of report.exercises) {
    const mark = ex.status === 'passed' ? c('green', '✔') : ex.status === 'error' ? c('red', '!') : c('red', '✖');
    out.push(`${mark} ${c('bold', ex.id)}  ${ex.title}  ${ex.score}/${ex.maxScore}${ex.status === 'error' ? '  (could not be graded)' : ''}`);
    for (const d of ex.diagnostics.filter((d) => d.severity !== 'info')) out.push(...diagnosticLines(d, c));
    for (const check of ex.checks) out.push(...checkLines(check, c));
    if (ex.status !== 'passed' && ex.reproduce) out.push(c('dim', `  reproduce: ${ex.reproduce}`));
    out.push('');
  }
  out.push(`Score: ${report.score}/${report.maxScore}`);
  return `${out.join('\n')}\n`;
}

function checkLines(check: CheckResult, c: (k: keyof typeof ansi, s: string) => string): string[] {
  const pts = `(${check.points}/${check.maxPoints})`;
  const hidden = check.visibility === 'hidden' ? ' [hidden]' : '';
  if (check.status === 'passed') return [`  ${c('green', '✔')} ${check.title} ${c('dim', pts)}${hidden}`];
  const mark = check.status === 'failed' ? c('red', '✖') : check.status === 'errored' ? c('red', '!') : c('yellow', '-');
  const lines = [`  ${mark} ${check.title} ${c('dim', pts)}${hidden}`];
  if (check.message) lines.push(...indent(check.message, '    '));
  if (check.location) lines.push(`    → at ${check.location.file}:${check.location.line}:${check.location.column}`);
  if (check.trace?.length) lines.push(`    path: ${check.trace.join(' → ')}`);
  if (check.counterexample) lines.push(...check.counterexample.steps.flatMap((step) => indent(step, '    ')));
  if (check.hint) lines.push(...indent(`hint: ${check.hint}`, '    '));
  return lines;
}

function diagnosticLines(d: DiagnosticResult, c: (k: keyof typeof ansi, s: string) => string): string[] {
  const mark = d.severity === 'error' ? c('red', '✖') : c('yellow', '⚠');
  const lines = indent(d.message, '    ');
  lines[0] = `  ${mark} ${lines[0]!.trimStart()}`;
  if (d.file) lines.push(`    → at ${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}`);
  if (d.hint) lines.push(...indent(`hint: ${d.hint}`, '    '));
  return lines;
}

/** Replaces control characters (except newline and tab) with visible escapes. */
export function safeText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/g, (ch) => `\\x${ch.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function indent(text: string, prefix: string): string[] {
  return text.split('\n').map((l) => prefix + l);
}

export const textReporter: Reporter = {
  name: 'text',
  description: 'a terminal summary: each check, what is wrong, where and a hint',
  fileName: 'result.txt',
  render: renderText,
};
