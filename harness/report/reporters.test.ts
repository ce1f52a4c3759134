import { describe, expect, it } from 'vitest';
import { hostileReport } from './fixtures.ts';
import { getReporter, reporters } from './index.ts';
import { renderHtml } from './html.ts';
import { canonicalReport } from './json.ts';
import { renderText } from './text.ts';

describe('reporter registry', () => {
  it('lists the valid names for an unknown format', () => {
    expect(() => getReporter('xml')).toThrow('unknown format "xml"; valid formats: text, json, html, junit, gradescope, prairielearn, csv');
    expect([...reporters.keys()]).toEqual(['text', 'json', 'html', 'junit', 'gradescope', 'prairielearn', 'csv']);
  });
});

describe('json reporter', () => {
  it('writes keys in the documented order and drops undefined values', () => {
    const report = hostileReport();
    // Shuffle key order and add an undefined field: the output must not change.
    const shuffled = JSON.parse(JSON.stringify(report)) as typeof report;
    const ex = shuffled.exercises[0]!;
    shuffled.exercises[0] = { checks: ex.checks, diagnostics: ex.diagnostics, status: ex.status, seed: ex.seed, maxScore: ex.maxScore, score: ex.score, title: ex.title, id: ex.id, files: ex.files, reproduce: ex.reproduce, cluster: undefined };
    expect(getReporter('json').render(shuffled)).toBe(getReporter('json').render(report));
    const out = JSON.parse(getReporter('json').render(report)) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['schemaVersion', 'score', 'maxScore', 'exercises']);
    expect(Object.keys((out.exercises as object[])[0]!)).toEqual(['id', 'title', 'score', 'maxScore', 'status', 'seed', 'checks', 'diagnostics', 'reproduce', 'files']);
    expect(Object.keys(canonicalReport(report).exercises[0]!.checks[1]!)).toEqual(['id', 'title', 'status', 'points', 'maxPoints', 'message', 'hint', 'location', 'visibility']);
  });
});

describe('text reporter', () => {
  it('shows each check, the message, the location and the hint', () => {
    expect(renderText(hostileReport())).toBe(
      [
        '✖ 01-hello-pod  Run your first Pod  3/5',
        '  ✔ A Pod named hello-pod exists (1/1)',
        '  ✖ hello-pod is labelled app=web (0/2)',
        '    Pod "hello-pod": metadata.labels.app is "<script>alert(1)</script>", expected "web"',
        '    → at pod.yml:5:10',
        '    hint: Compare with {{constructor}} and "><img src=x onerror=alert(1)>',
        '  ✔ hello-pod is Running (2/2)',
        '  reproduce: npx kubegrade grade 01-hello-pod --seed 42',
        '',
        'Score: 3/5',
        '',
      ].join('\n'),
    );
  });

  it('never writes terminal escape sequences that came from learner text', () => {
    const report = hostileReport();
    report.exercises[0]!.checks[1]!.message = 'evil \x1b[2J\x1b]0;title\x07 text';
    const out = renderText(report);
    expect(out).not.toContain('\x1b');
    expect(out).toContain('evil \\x1b[2J\\x1b]0;title\\x07 text');
  });
});

describe('html reporter', () => {
  const html = renderHtml(hostileReport());

  it('escapes learner text and carries no script', () => {
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('{{constructor}}');
    expect(html).toContain("script-src 'none'");
  });

  it('marks the failing line of the learner\'s file with the message beside it', () => {
    expect(html).toMatch(/<div class="l hit" id="e1-f0-L5"><span class="ln">5<\/span> {4}app: &quot;&lt;script&gt;/);
    expect(html).toContain('▲ hello-pod is labelled app&#x3D;web: Pod &quot;hello-pod&quot;');
  });

  it('is byte-identical for the same report', () => {
    expect(renderHtml(hostileReport())).toBe(html);
  });
});

describe('text reporter: request paths and counterexamples', () => {
  it('prints the path of a failed request and the story of a failed property under the check', () => {
    const report = hostileReport();
    const check = report.exercises[0]!.checks[1]!;
    check.trace = ['node-1:31111 (NodePort of service/web)', 'endpoint 10.1.1.5:8080 (pod/web-1)', 'connection refused'];
    check.counterexample = { seed: 9, path: '0:1', steps: ['1. 0s    apply deploy.yml', '✖ 70s   Service web has no ready endpoints', 'replay: npx kubegrade grade 01-hello-pod --seed 9 --path "0:1"'] };
    const out = renderText(report);
    expect(out).toContain('    path: node-1:31111 (NodePort of service/web) → endpoint 10.1.1.5:8080 (pod/web-1) → connection refused\n');
    expect(out).toContain('    1. 0s    apply deploy.yml\n    ✖ 70s   Service web has no ready endpoints\n    replay: npx kubegrade grade 01-hello-pod --seed 9 --path "0:1"\n');
  });
});
