import { describe, expect, it } from 'vitest';
import { hostileReport, passingReport, payloads, richHostileReport } from './fixtures.ts';
import { renderGradebook, type GradebookEntry } from './gradebook.ts';

const entries: GradebookEntry[] = [
  { learner: 'zoe', report: passingReport(), reportHref: 'zoe/index.html' },
  { learner: `mallory${payloads.script}`, report: richHostileReport(), reportHref: payloads.js },
  { learner: 'alice', report: hostileReport(), reportHref: 'alice/index.html' },
];
const html = renderGradebook(entries);
const rows = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>')).split('\n').filter((l) => l.startsWith('<tr>'));

describe('gradebook', () => {
  it('has one row per learner, sorted by name, with a cell per exercise and the total', () => {
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatch(/^<tr><th scope="row"><a href="alice\/index.html">alice<\/a><\/th><td class="num"><span class="failed">✖<\/span> 3\/5<\/td><td class="num"><span class="muted">—<\/span><\/td><td class="num"><strong>3\/5<\/strong> \(60%\)<\/td><\/tr>$/);
    expect(rows[2]).toContain('<span class="passed">✔</span> 9/9');
    expect(html).toContain('<th scope="col" class="num" title="Run your first Pod">01-hello-pod</th>');
  });

  it('never links to a javascript: URL and escapes learner names', () => {
    expect(rows[1]).toMatch(/^<tr><th scope="row">mallory&lt;script&gt;/);
    expect(html).not.toContain('javascript:');
    expect(html).not.toMatch(/<script/i);
  });

  it('charts the pass rate of every check', () => {
    expect(html).toContain('<title>05-nodeport-service: ps-nodeport sends traffic to hello-pod: 1 of 2 passed (50%)</title>');
    expect(html).toContain('<title>05-nodeport-service: A Service named ps-nodeport exists: 2 of 2 passed (100%)</title>');
    expect(html).toContain('<title>01-hello-pod: hello-pod is labelled app&#x3D;web: 0 of 1 passed (0%)</title>');
  });

  it('draws a histogram of totals in ten bands', () => {
    const svg = html.slice(html.indexOf('Histogram of total scores'));
    expect(svg.match(/<rect class="histo"/g)).toHaveLength(10);
    // 3/9 = 33%, 3/5 = 60%, 9/9 = 100%
    expect(svg).toContain('Learners per band: 0–9%: 0, 10–19%: 0, 20–29%: 0, 30–39%: 1, 40–49%: 0, 50–59%: 0, 60–69%: 1, 70–79%: 0, 80–89%: 0, 90–100%: 1');
    expect(html).toContain('3 learners; median total 60%.');
  });

  it('does not depend on the order of the entries and ignores malformed ones', () => {
    expect(renderGradebook([entries[2]!, entries[0]!, null as never, { learner: 'x', report: {} } as never, entries[1]!])).toBe(html);
    expect(renderGradebook([])).toContain('0 learners; median total 0%.');
  });
});
