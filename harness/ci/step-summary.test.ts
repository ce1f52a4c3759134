import { describe, expect, it } from 'vitest';
import type { ExerciseResult, GradeReport } from '../core/result.ts';
import { escapeHtml, escapeInline, escapeMarkdown } from './markdown.ts';
import { renderStepSummary, type StepSummaryOptions } from './step-summary.ts';

const hostile = '<img src=x onerror=alert(1)> *bold* [link](http://evil) | @team `code` \\';

function exercise(id: string, message: string, extra: Partial<ExerciseResult> = {}): ExerciseResult {
  return {
    id,
    title: `Title ${id}`,
    score: 1,
    maxScore: 3,
    status: 'failed',
    seed: 5,
    reproduce: `npx kubegrade grade ${id} --seed 5`,
    checks: [
      { id: 'a', title: 'passes', status: 'passed', points: 1, maxPoints: 1 },
      { id: 'b', title: 'fails', status: 'failed', points: 0, maxPoints: 2, message, hint: 'look at line 3', location: { file: 'pod.yml', line: 3, column: 5 } },
    ],
    diagnostics: [],
    ...extra,
  };
}

function options(extra: Partial<StepSummaryOptions> = {}): StepSummaryOptions {
  return {
    passed: false,
    annotations: { shown: [], omitted: { error: 0, warning: 0 } },
    repoPath: (e, f) => `exercises/${e.id}/submission/${f}`,
    reproduce: 'npx kubegrade grade --ci',
    ...extra,
  };
}

const report = (...exercises: ExerciseResult[]): GradeReport => ({ schemaVersion: 1, score: exercises.length, maxScore: exercises.length * 3, exercises });

describe('escaping learner text', () => {
  it('escapes HTML and Markdown so nothing renders as markup', () => {
    expect(escapeMarkdown(hostile)).toBe('&lt;img src\\=x onerror\\=alert\\(1\\)&gt; \\*bold\\* \\[link\\]\\(http\\://evil\\) \\| \\@team \\`code\\` \\\\');
    expect(escapeInline('a\nb\r\nc')).toBe('a b c');
    expect(escapeHtml('<b>&"\'\n')).toBe('&lt;b&gt;&amp;&quot;&#39; ');
  });
});

describe('renderStepSummary', () => {
  it('renders the score table, the failed checks with file:line and hint, collapsed per exercise, and the reproduce command', () => {
    const md = renderStepSummary(report(exercise('01-a', 'wrong image')), options());
    expect(md).toContain('## ❌ kubegrade: 1 / 3 points');
    expect(md).toContain('| Exercise | Score | Status |\n| --- | ---: | --- |\n| 01\\-a — Title 01\\-a | 1 / 3 | ❌ failed |');
    expect(md).toContain('<details><summary>❌ 01-a — Title 01-a (1 / 3)</summary>');
    expect(md).toContain('- ✖ **fails** (0 / 2) — <code>exercises/01\\-a/submission/pod\\.yml\\:3\\:5</code>\n  <br>wrong image\n  <br>hint: look at line 3');
    expect(md).toContain('Reproduce: <code>npx kubegrade grade 01\\-a \\-\\-seed 5</code>');
    expect(md).toContain('Reproduce locally: <code>npx kubegrade grade \\-\\-ci</code>');
    expect(md).not.toContain('<details open');
  });

  it('never lets learner text become markup', () => {
    const md = renderStepSummary(report(exercise('01-a', hostile, { title: hostile })), options({ changedOutside: ['harness/<script>.ts'] }));
    // Only our own tags survive; learner '<' is an entity everywhere.
    expect(new Set([...md.matchAll(/<\/?([a-zA-Z]+)/g)].map((m) => m[1]))).toEqual(new Set(['code', 'details', 'summary', 'br']));
    // Outside the raw-HTML <summary> lines (where Markdown is not parsed), Markdown syntax is backslash-escaped.
    const markdownLines = md.split('\n').filter((l) => !l.startsWith('<details>'));
    expect(markdownLines.join('\n')).not.toMatch(/[^\\]\]\(|[^\\]\*bold|[^\\]`code/);
    expect(md).toContain('&lt;img');
    expect(md).toContain('harness/&lt;script&gt;\\.ts');
  });

  it('says how many findings were not annotated', () => {
    const md = renderStepSummary(report(exercise('01-a', 'm')), options({ annotations: { shown: [], omitted: { error: 7, warning: 1 } } }));
    expect(md).toContain('7 more errors and 1 more warning are not, because GitHub shows at most 10 of each per step');
  });

  it('lists the files changed outside the submissions (tamper evidence), at most 100 by name', () => {
    const files = Array.from({ length: 103 }, (_, i) => `harness/f${i}.ts`);
    const md = renderStepSummary(report(exercise('01-a', 'm')), options({ changedOutside: files }));
    expect(md).toContain('### ⚠️ 103 files changed outside the submission folders');
    expect(md).toContain('- <code>harness/f99\\.ts</code>\n- … and 3 more');
    expect(md).not.toContain('f100');
  });

  it('stays under the byte limit with a truncation note when the details are too big', () => {
    const huge = 'x'.repeat(1900);
    const exercises = Array.from({ length: 40 }, (_, i) => exercise(`${String(i).padStart(2, '0')}-e`, huge, { checks: Array.from({ length: 20 }, (_, j) => ({ id: `c${j}`, title: `c${j}`, status: 'failed' as const, points: 0, maxPoints: 1, message: huge })) }));
    const limitBytes = 200_000;
    const md = renderStepSummary(report(...exercises), options({ limitBytes }));
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(limitBytes);
    expect(md).toMatch(/truncated to stay under GitHub's 1 MiB limit: details of \d+ exercises are omitted/);
    // Every exercise still has its row in the table.
    expect(md).toContain('| 39\\-e — Title 39\\-e |');
  });

  it('stays under the real 1 MiB cap by default', () => {
    const huge = 'y'.repeat(5000);
    const exercises = Array.from({ length: 60 }, (_, i) => exercise(`${i}-e`, huge, { checks: Array.from({ length: 30 }, (_, j) => ({ id: `c${j}`, title: `c${j}`, status: 'failed' as const, points: 0, maxPoints: 1, message: huge, hint: huge })) }));
    const md = renderStepSummary(report(...exercises), options());
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    expect(md).toContain('truncated');
  });
});
