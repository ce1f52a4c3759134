import type { CheckResult, ExerciseResult, GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { checkDetailLines } from './check-text.ts';
import { canonicalReport } from './json.ts';
import { xmlEscape, xmlText } from './xml.ts';

/** Renders JUnit XML (Jenkins/Ant shape): one testsuite per exercise, one testcase per check. */
export function renderJunit(report: GradeReport): string {
  const r = canonicalReport(report);
  const all = r.exercises.flatMap((e) => e.checks);
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubegrade" tests="${all.length}" failures="${count(all, 'failed')}" errors="${count(all, 'errored') + r.exercises.filter((e) => e.status === 'error' && e.checks.length === 0).length}" time="0">`,
  ];
  r.exercises.forEach((e, i) => out.push(...suite(e, i)));
  out.push('</testsuites>', '');
  return out.join('\n');
}

function suite(e: ExerciseResult, index: number): string[] {
  // An exercise that could not be graded at all still needs a visible error in CI, so it gets one testcase.
  const cases = e.checks.length === 0 && e.status === 'error' ? [ungradable(e)] : e.checks.map((c) => testcase(e, c));
  const errors = count(e.checks, 'errored') + (e.checks.length === 0 && e.status === 'error' ? 1 : 0);
  return [
    `  <testsuite name="${xmlEscape(e.id)}" id="${index}" package="kubegrade" tests="${Math.max(e.checks.length, cases.length)}" failures="${count(e.checks, 'failed')}" errors="${errors}" skipped="${count(e.checks, 'skipped')}" time="0">`,
    '    <properties>',
    `      <property name="title" value="${xmlEscape(e.title)}"/>`,
    `      <property name="score" value="${e.score}"/>`,
    `      <property name="maxScore" value="${e.maxScore}"/>`,
    `      <property name="seed" value="${e.seed}"/>`,
    ...(e.reproduce ? [`      <property name="reproduce" value="${xmlEscape(e.reproduce)}"/>`] : []),
    '    </properties>',
    ...cases,
    `    <system-out>${xmlText(e.diagnostics.map((d) => `${d.severity}: ${d.message}${d.file ? ` (${submissionPath(e, d.file)}${d.line ? `:${d.line}` : ''})` : ''}`).join('\n'))}</system-out>`,
    '    <system-err></system-err>',
    '  </testsuite>',
  ];
}

function testcase(e: ExerciseResult, c: CheckResult): string {
  const where = c.location ? ` file="${xmlEscape(submissionPath(e, c.location.file))}" line="${c.location.line}"` : '';
  const open = `    <testcase name="${xmlEscape(`${c.title} (${c.points}/${c.maxPoints})`)}" classname="${xmlEscape(`${e.id}.${c.id}`)}" time="0"${where}`;
  if (c.status === 'passed') return `${open}/>`;
  if (c.status === 'skipped') return `${open}>\n      <skipped message="${xmlEscape(c.message ?? 'skipped')}"/>\n    </testcase>`;
  const tag = c.status === 'errored' ? 'error' : 'failure';
  const body = [c.message ?? c.title, ...checkDetailLines(c)].join('\n');
  return `${open}>\n      <${tag} message="${xmlEscape(c.message ?? c.title)}" type="${tag === 'error' ? 'KubegradeError' : 'CheckFailed'}">${xmlText(body)}</${tag}>\n    </testcase>`;
}

function ungradable(e: ExerciseResult): string {
  const message = e.diagnostics.find((d) => d.severity === 'error')?.message ?? 'the submission could not be graded';
  return `    <testcase name="${xmlEscape(`${e.title} could be graded`)}" classname="${xmlEscape(`${e.id}.gradable`)}" time="0">\n      <error message="${xmlEscape(message)}" type="Ungradable">${xmlText(e.diagnostics.map((d) => d.message).join('\n'))}</error>\n    </testcase>`;
}

/** Returns the repository path of a learner's file, as CI annotations need it. */
export function submissionPath(e: Pick<ExerciseResult, 'id'>, file: string): string {
  return `exercises/${e.id}/submission/${file}`;
}

function count(checks: CheckResult[], status: CheckResult['status']): number {
  return checks.filter((c) => c.status === status).length;
}

export const junitReporter: Reporter = {
  name: 'junit',
  description: 'JUnit XML: one testsuite per exercise, one testcase per check with file and line',
  fileName: 'junit.xml',
  render: renderJunit,
};
