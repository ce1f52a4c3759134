import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';
import { runCliCaptured } from '../testing/run-cli.ts';
import { escapeData } from './workflow-command.ts';

const root = resolve(import.meta.dirname, '..', '..');
const solution01 = join(root, 'solutions', '01-hello-pod', 'solution');

/** A course checkout (exercises only, like a learner's) plus simulated GitHub Actions files. */
function course(): { dir: string; env: Record<string, string>; summary: string; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-ci-'));
  cpSync(join(root, 'exercises'), join(dir, 'exercises'), { recursive: true });
  const summary = join(dir, 'step-summary.md');
  const output = join(dir, 'github-output.txt');
  return { dir, summary, output, env: { GITHUB_ACTIONS: 'true', GITHUB_STEP_SUMMARY: summary, GITHUB_OUTPUT: output, GITHUB_WORKSPACE: dir } };
}

function submit(dir: string, id: string, files: Record<string, string>): void {
  const sub = join(dir, 'exercises', id, 'submission');
  for (const [name, text] of Object.entries(files)) writeFileSync(join(sub, name), text);
}

const wrongImage = readFileSync(join(solution01, 'pod.yml'), 'utf8').replace('nigelpoulton/', 'nigelpulton/');

/** Splits stdout the way the runner reads lines (LF, CR or CRLF). */
const runnerLines = (text: string) => text.split(/\r\n|\r|\n/);

describe('kubegrade grade --ci', () => {
  it('annotates the failed checks on the learner\'s lines, in points order, after a quarantined log', async () => {
    const c = course();
    submit(c.dir, '01-hello-pod', { 'pod.yml': wrongImage });
    const run = await runCliCaptured(['grade', '01'], c.dir, c.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = runnerLines(run.stdout);
    const token = /^::stop-commands::(kubegrade-[0-9a-f]{32})$/.exec(lines[0]!)?.[1];
    expect(token).toBeDefined();
    const end = lines.indexOf(`::${token}::`);
    expect(lines.slice(1, end).join('\n')).toContain('✖ hello-pod is Running and Ready');

    const report = JSON.parse(readFileSync(join(c.dir, 'reports', 'result.json'), 'utf8')) as GradeReport;
    const failed = report.exercises[0]!.checks.filter((k) => k.status === 'failed').sort((a, b) => b.maxPoints - b.points - (a.maxPoints - a.points));
    const expected = failed.map((k) => `::error file=exercises/01-hello-pod/submission/pod.yml,line=${k.location!.line},col=${k.location!.column},title=${k.title.replace(/:/g, '%3A')}::${escapeData(`${k.message}${k.hint ? `\nhint: ${k.hint}` : ''}`)}`);
    expect(lines.slice(end + 1).filter(Boolean)).toEqual(expected);
    const imageLine = wrongImage.split('\n').findIndex((l) => l.includes('nigelpulton')) + 1;
    expect(expected[0]).toMatch(new RegExp(`^::error file=exercises/01-hello-pod/submission/pod\\.yml,line=${imageLine},col=\\d+,title=hello-pod is Running and Ready::`));
  });

  it('writes the step summary, outputs, JUnit, result.json, HTML and the Classroom files', async () => {
    const c = course();
    submit(c.dir, '01-hello-pod', { 'pod.yml': wrongImage });
    const run = await runCliCaptured(['grade', '01'], c.dir, c.env);
    expect(run.code).toBe(1);
    const summary = readFileSync(c.summary, 'utf8');
    expect(summary).toMatch(/^## ❌ kubegrade: \d+ \/ 10 points/);
    expect(summary).toContain('| 01\\-hello\\-pod — Run your first Pod |');
    expect(summary).toMatch(/<code>exercises\/01\\-hello\\-pod\/submission\/pod\\\.yml\\:10\\:\d+<\/code>/);
    expect(summary).toContain('Reproduce locally: <code>npx kubegrade grade 01</code>');

    const reports = join(c.dir, 'reports');
    for (const f of ['index.html', 'result.json', 'junit.xml', 'classroom-result.b64', 'classroom50/result.json']) expect(existsSync(join(reports, f)), f).toBe(true);
    expect(readFileSync(join(reports, 'junit.xml'), 'utf8')).toContain('<testsuite name="01-hello-pod"');

    const b64 = readFileSync(join(reports, 'classroom-result.b64'), 'utf8').trim();
    expect(readFileSync(c.output, 'utf8')).toBe(`result=${b64}\nscore=${JSON.parse(readFileSync(join(reports, 'result.json'), 'utf8')).score}\nmax-score=10\npassed=false\n`);
    const classroom = JSON.parse(Buffer.from(b64, 'base64').toString('utf8'));
    expect(classroom).toMatchObject({ version: 1, status: 'fail', max_score: 10 });
    const ready = classroom.tests.find((t: { name: string }) => t.name === '01-hello-pod › hello-pod is Running and Ready');
    expect(ready).toMatchObject({ status: 'fail', score: 0, filename: 'exercises/01-hello-pod/submission/pod.yml', line_no: 10, test_code: (JSON.parse(readFileSync(join(reports, 'result.json'), 'utf8')) as GradeReport).exercises[0]!.reproduce });
    expect(ready.test_code).toMatch(/^npx kubegrade grade 01-hello-pod --seed \d+$/);
    expect(ready.message).toMatch(/ImagePullBackOff[\s\S]*\nhint: /);
    const c50 = JSON.parse(readFileSync(join(reports, 'classroom50', 'result.json'), 'utf8'));
    expect(c50).toMatchObject({ version: 1, max_score: 10, passed: false, tests: [{ name: '01-hello-pod: Run your first Pod', status: 'fail', max_score: 10 }] });
  });

  it('passes a full-marks submission with exit 0 and a pass status for Classroom', async () => {
    const c = course();
    const run = await runCliCaptured(['grade', '01', '--submission', solution01], c.dir, c.env);
    expect(run.code).toBe(0);
    expect(runnerLines(run.stdout).filter((l) => l.startsWith('::error') || l.startsWith('::warning'))).toEqual([]);
    expect(readFileSync(c.summary, 'utf8')).toMatch(/^## ✅ kubegrade: 10 \/ 10 points/);
    expect(JSON.parse(Buffer.from(readFileSync(join(c.dir, 'reports', 'classroom-result.b64'), 'utf8'), 'base64').toString()).status).toBe('pass');
  });

  it('emits exactly 10 error annotations when there are more, and says how many more in the summary', async () => {
    const c = course();
    const run = await runCliCaptured(['grade'], c.dir, c.env); // every exercise still has its starter files
    expect(run.code).toBe(1);
    const report = JSON.parse(readFileSync(join(c.dir, 'reports', 'result.json'), 'utf8')) as GradeReport;
    const errors = report.exercises.reduce((n, e) => n + e.checks.filter((k) => k.status === 'failed' || k.status === 'errored').length + e.diagnostics.filter((d) => d.severity === 'error').length, 0);
    const warnings = report.exercises.reduce((n, e) => n + e.diagnostics.filter((d) => d.severity === 'warning').length, 0);
    expect(errors).toBeGreaterThan(10);
    const lines = runnerLines(run.stdout);
    expect(lines.filter((l) => l.startsWith('::error '))).toHaveLength(10);
    expect(lines.filter((l) => l.startsWith('::warning '))).toHaveLength(Math.min(10, warnings));
    const summary = readFileSync(c.summary, 'utf8');
    expect(summary).toContain(`${errors - 10} more errors`);
    expect(lines).toContain(`::notice title=More findings::${errors - 10 + Math.max(0, warnings - 10)} more finding(s) are not shown as annotations (GitHub shows at most 10 errors and 10 warnings per step); see the step summary.`);
  });

  const hostilePod = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: "::error::pwned"',
    '  labels:',
    `    app: "x\\n::set-output name=x::y\\r::add-mask::secret"`,
    `    "::add-mask::k": "%0A::warning::y"`,
    'spec:',
    '  containers:',
    `    - name: "web\\r\\n::stop-commands::abc\\n##[error]legacy"`,
    `      image: "nigelpoulton/getting-started-k8s:1.0\\n::endgroup::"`,
    `      command: ["<img src=x onerror=alert(1)>", "\\n  ::error file=x::indented"]`,
    '',
  ].join('\n');

  it.each([
    ['payloads in field values', { 'pod.yml': hostilePod }, ['::error::pwned']],
    [
      'payloads in file names and broken files',
      { 'pod.yml': readFileSync(join(solution01, 'pod.yml'), 'utf8'), 'a,b::c.yml': 'kind: [\n::error::in-a-broken-file\n', 'x\n::error file=y::newline-in-name.yml': 'apiVersion: v1\n' },
      ['::error file=exercises/01-hello-pod/submission/a%2Cb%3A%3Ac.yml', '::error file=exercises/01-hello-pod/submission/x%0A%3A%3Aerror file=y%3A%3Anewline-in-name.yml'],
    ],
  ])('injects no workflow command (%s): every command line in stdout is one we emitted', async (_name, files, expectedStarts) => {
    const c = course();
    submit(c.dir, '01-hello-pod', files);
    const run = await runCliCaptured(['grade', '01'], c.dir, c.env);
    expect(run.code).toBe(1);
    const lines = runnerLines(run.stdout);
    const token = /^::stop-commands::(kubegrade-[0-9a-f]{32})$/.exec(lines[0]!)![1]!;
    const end = lines.indexOf(`::${token}::`);
    expect(end).toBeGreaterThan(0);
    // The runner trims leading whitespace before looking for `::` (and the legacy `##[`).
    const commands = lines.map((l, i) => ({ l: l.trimStart(), i })).filter(({ l }) => l.startsWith('::') || l.startsWith('##['));
    const ours = /^::(error|warning|notice)( (file|line|col|title)=[^,:\r\n]*(,(file|line|col|title)=[^,:\r\n]*)*)?::[^\r\n]*$/;
    for (const { l, i } of commands) {
      if (i === 0 || i === end) continue;
      expect(i, `line ${i} inside the quarantine looks like a command: ${l}`).toBeGreaterThan(end);
      expect(l).toMatch(ours);
    }
    // The payloads reached the annotations (escaped), so the test exercised them.
    const annotations = lines.slice(end + 1);
    for (const start of expectedStarts) expect(annotations.some((l) => l.includes(start)), start).toBe(true);
    const summary = readFileSync(c.summary, 'utf8');
    expect(summary).not.toContain('<img');
  });

  it.each([
    [['--min-score', '0'], 0],
    [['--min-score', '1000'], 1],
  ])('%j decides the exit code by the total score', async (extra, code) => {
    const c = course();
    const run = await runCliCaptured(['grade', '01', ...extra], c.dir, c.env);
    expect(run.code).toBe(code);
    expect(readFileSync(c.summary, 'utf8')).toContain(`Passing needs at least ${extra[1]} points.`);
  });

  it.each([
    [['--min-score', 'lots'], /--min-score must be a number of points such as 60 or 72\.5, got "lots"/],
    [['--ci', '--no-ci'], /--ci and --no-ci contradict each other/],
    [['--hidden', 'nowhere'], /--hidden: no such folder "nowhere"/],
    [['--hidden', '.', '--no-hidden'], /--hidden and --no-hidden contradict each other/],
  ])('%j is a usage error', async (extra, message) => {
    const c = course();
    const run = await runCliCaptured(['grade', '01', ...extra], c.dir, c.env);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });

  it('--no-ci under GitHub Actions prints exactly what a terminal gets', async () => {
    const c = course();
    const ci = await runCliCaptured(['grade', '01', '--no-ci', '--no-report'], c.dir, c.env);
    const plain = await runCliCaptured(['grade', '01', '--no-report'], c.dir, {});
    expect(ci.stdout).toBe(plain.stdout);
    expect(existsSync(c.summary)).toBe(false);
  });

  it('keeps --format json parseable: annotations go to stderr', async () => {
    const c = course();
    submit(c.dir, '01-hello-pod', { 'pod.yml': wrongImage });
    const run = await runCliCaptured(['grade', '01', '--format', 'json', '--no-report'], c.dir, c.env);
    expect(JSON.parse(run.stdout).schemaVersion).toBe(1);
    expect(run.stderr).toMatch(/^::error file=exercises\/01-hello-pod\/submission\/pod\.yml,/m);
    expect(existsSync(join(c.dir, 'reports', 'junit.xml'))).toBe(false);
  });

  it('--hidden DIR takes hidden checks from DIR/<id>/hidden.yaml', async () => {
    const c = course();
    const hidden = mkdtempSync(join(tmpdir(), 'kubegrade-hidden-'));
    mkdirSync(join(hidden, '01-hello-pod'));
    cpSync(join(root, 'solutions', '01-hello-pod', 'hidden.yaml'), join(hidden, '01-hello-pod', 'hidden.yaml'));
    const without = await runCliCaptured(['grade', '01', '--submission', solution01, '--format', 'json', '--no-report', '--no-ci'], c.dir, {});
    const withHidden = await runCliCaptured(['grade', '01', '--submission', solution01, '--format', 'json', '--no-report', '--no-ci', '--hidden', hidden], c.dir, {});
    expect(withHidden.code).toBe(0);
    const ids = (out: string) => (JSON.parse(out) as GradeReport).exercises[0]!.checks.map((k) => k.id);
    expect(ids(without.stdout)).not.toContain('no-pull-failures');
    expect(ids(withHidden.stdout)).toContain('no-pull-failures');
  });
});
