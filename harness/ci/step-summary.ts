import type { CheckResult, ExerciseResult, GradeReport } from '../core/result.ts';
import type { Annotation, AnnotationSelection } from './annotations.ts';
import { clip, escapeHtml, escapeInline, escapeLines } from './markdown.ts';

/** GitHub refuses a step summary above 1 MiB; we stay below it with room for the truncation note. */
export const STEP_SUMMARY_LIMIT = 1024 * 1024;

export interface StepSummaryOptions {
  /** Whether the run passed (full marks, or at least --min-score). */
  passed: boolean;
  minScore?: number;
  annotations: AnnotationSelection;
  /** Files the pull request changed outside exercises/<id>/submission/ (graded with the base versions). */
  changedOutside?: readonly string[];
  /** Repository path of a learner file, for `file:line` links. */
  repoPath(exercise: ExerciseResult, file: string): string;
  /** The command that reproduces the whole run. */
  reproduce: string;
  /** Byte budget (default STEP_SUMMARY_LIMIT minus a safety margin). */
  limitBytes?: number;
}

const MAX_LISTED_FILES = 100;

/** Renders the Markdown step summary: score table, annotation overflow, tamper evidence, one collapsed section per exercise. */
export function renderStepSummary(report: GradeReport, options: StepSummaryOptions): string {
  const limit = options.limitBytes ?? STEP_SUMMARY_LIMIT - 4096;
  const head = header(report, options);
  const sections = report.exercises.map((e) => exerciseSection(e, options));
  const tail = `\nReproduce locally: <code>${escapeInline(options.reproduce)}</code>\n`;
  let out = head;
  let omitted = 0;
  for (const [i, section] of sections.entries()) {
    const e = report.exercises[i]!;
    const note = truncationNote(report.exercises.length - i);
    if (bytes(out) + bytes(section) + bytes(tail) + bytes(note) <= limit) {
      out += section;
      continue;
    }
    const short = compactSection(e);
    if (bytes(out) + bytes(short) + bytes(tail) + bytes(note) <= limit) {
      out += short;
      omitted += 1;
      continue;
    }
    omitted += report.exercises.length - i;
    break;
  }
  if (omitted > 0) out += truncationNote(omitted);
  return out + tail;
}

function header(report: GradeReport, o: StepSummaryOptions): string {
  const lines = [
    `## ${o.passed ? '✅' : '❌'} kubegrade: ${fmt(report.score)} / ${fmt(report.maxScore)} points`,
    '',
    ...(o.minScore !== undefined ? [`Passing needs at least ${fmt(o.minScore)} points.`, ''] : []),
    '| Exercise | Score | Status |',
    '| --- | ---: | --- |',
    ...report.exercises.map((e) => `| ${escapeInline(e.id)} — ${escapeInline(e.title, 200)} | ${fmt(e.score)} / ${fmt(e.maxScore)} | ${statusWord(e.status)} |`),
    '',
  ];
  const { shown, omitted } = o.annotations;
  const shownCount = (level: Annotation['level']) => shown.filter((a) => a.level === level).length;
  if (omitted.error > 0 || omitted.warning > 0) {
    const parts = [omitted.error > 0 ? `${omitted.error} more error${omitted.error === 1 ? '' : 's'}` : '', omitted.warning > 0 ? `${omitted.warning} more warning${omitted.warning === 1 ? '' : 's'}` : ''].filter(Boolean);
    lines.push(
      `> [!NOTE]\n> ${shownCount('error')} error and ${shownCount('warning')} warning annotations are shown on the files (the costliest first); ${parts.join(' and ')} are not, because GitHub shows at most 10 of each per step. Every finding is listed below and in the report artifact.`,
      '',
    );
  }
  const changed = o.changedOutside ?? [];
  if (changed.length > 0) {
    lines.push(
      `### ⚠️ ${changed.length} file${changed.length === 1 ? '' : 's'} changed outside the submission folders`,
      '',
      'Only `exercises/*/submission/` is graded from this pull request; these changes were ignored and the grade used the base branch versions:',
      '',
      ...changed.slice(0, MAX_LISTED_FILES).map((f) => `- <code>${escapeInline(f, 300)}</code>`),
      ...(changed.length > MAX_LISTED_FILES ? [`- … and ${changed.length - MAX_LISTED_FILES} more`] : []),
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}

function exerciseSection(e: ExerciseResult, o: StepSummaryOptions): string {
  const failed = e.checks.filter((c) => c.status !== 'passed');
  const lines = [`<details><summary>${statusIcon(e.status)} ${escapeHtml(e.id)} — ${escapeHtml(e.title, 200)} (${fmt(e.score)} / ${fmt(e.maxScore)})</summary>`, ''];
  if (failed.length === 0 && e.status === 'passed') lines.push('All checks passed.', '');
  for (const c of failed) lines.push(...checkLines(e, c, o), '');
  const problems = e.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
  if (problems.length > 0) {
    lines.push('**Diagnostics**', '');
    for (const d of problems) {
      const at = d.file ? ` at <code>${escapeInline(`${o.repoPath(e, d.file)}${d.line ? `:${d.line}` : ''}${d.line && d.column ? `:${d.column}` : ''}`, 300)}</code>` : '';
      lines.push(`- ${d.severity === 'error' ? '✖' : '⚠'} ${escapeLines(d.message)}${at}${d.hint ? `<br>hint: ${escapeLines(d.hint)}` : ''}`);
    }
    lines.push('');
  }
  if (e.reproduce) lines.push(`Reproduce: <code>${escapeInline(e.reproduce, 300)}</code>`, '');
  lines.push('</details>', '', '');
  return lines.join('\n');
}

function checkLines(e: ExerciseResult, c: CheckResult, o: StepSummaryOptions): string[] {
  const at = c.location ? ` — <code>${escapeInline(`${o.repoPath(e, c.location.file)}:${c.location.line}:${c.location.column}`, 300)}</code>` : '';
  const out = [`- ${checkIcon(c.status)} **${escapeInline(c.title, 300)}** (${fmt(c.points)} / ${fmt(c.maxPoints)})${at}`];
  if (c.message) out.push(`  <br>${escapeLines(c.message)}`);
  if (c.hint) out.push(`  <br>hint: ${escapeLines(c.hint)}`);
  if (c.counterexample) out.push(`  <br>replay: <code>${escapeInline(`npx kubegrade grade ${e.id} --seed ${c.counterexample.seed} --path ${clip(c.counterexample.path, 200)}`)}</code>`);
  return out;
}

function compactSection(e: ExerciseResult): string {
  return `<details><summary>${statusIcon(e.status)} ${escapeHtml(e.id)} (${fmt(e.score)} / ${fmt(e.maxScore)}): details omitted, see the report artifact</summary></details>\n\n`;
}

function truncationNote(omitted: number): string {
  return `\n> [!WARNING]\n> This summary was truncated to stay under GitHub's 1 MiB limit: details of ${omitted} exercise${omitted === 1 ? '' : 's'} are omitted. The full report is in the \`kubegrade-reports\` artifact (reports/index.html).\n`;
}

function statusWord(s: ExerciseResult['status']): string {
  return s === 'passed' ? '✅ passed' : s === 'failed' ? '❌ failed' : '⚠️ could not be graded';
}

function statusIcon(s: ExerciseResult['status']): string {
  return s === 'passed' ? '✅' : s === 'failed' ? '❌' : '⚠️';
}

function checkIcon(s: CheckResult['status']): string {
  return s === 'failed' ? '✖' : s === 'errored' ? '⚠' : s === 'skipped' ? '○' : '✔';
}

function fmt(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 100) / 100) : '0';
}

function bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}
