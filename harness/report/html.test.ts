import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';
import { layoutCluster, podTone } from './cluster-picture.ts';
import { passingReport, payloads, richHostileReport } from './fixtures.ts';
import { renderHtml } from './html.ts';

const html = renderHtml(richHostileReport());
const between = (s: string, start: string, end: string) => s.slice(s.indexOf(start), s.indexOf(end, s.indexOf(start)));

describe('html report: summary', () => {
  it('lists the failed checks worth the most points first', () => {
    const fix = between(html, 'Fix these first', '</ol>');
    expect(fix.indexOf('http://node-1:31111/ answers from outside')).toBeGreaterThan(-1);
    expect(fix.indexOf('http://node-1:31111/ answers from outside')).toBeLessThan(fix.indexOf('ps-nodeport sends traffic to hello-pod'));
    expect(fix).toContain('4 points');
    expect(fix).not.toContain('A Service named ps-nodeport exists');
  });

  it('says there is nothing to fix when every check passed', () => {
    const ok = renderHtml(passingReport());
    expect(ok).not.toContain('Fix these first');
    expect(ok).toContain('Nothing to fix: every check passed.');
    expect(ok).toContain('9 / 9');
  });
});

describe('html report: checks and files', () => {
  it('shows the path of a failed request and where it stopped', () => {
    const trace = between(html, '<ol class="trace"', '</ol>');
    expect(trace.match(/<li/g)).toHaveLength(3);
    expect(trace).toMatch(/<li class="stop">service\/ps-nodeport has no endpoints → rejected .*✖ stopped here/);
  });

  it('links a check to the highlighted line of the learner\'s file, with the message beside it', () => {
    expect(html).toContain('→ at <a href="#e1-f0-L6">svc.yml:6:11</a>');
    expect(html).toMatch(/<div class="l hit" id="e1-f0-L6"><span class="ln">6<\/span>spec:<\/div><div class="note bad" role="note">▲ ps-nodeport sends traffic/);
    // A warning diagnostic annotates its line too, in the warning tone.
    expect(html).toMatch(/id="e1-f0-L5">[^\n]*<\/div><div class="note warn" role="note">▲ unknown field/);
  });
});

describe('html report: cluster picture', () => {
  const svg = between(html, '<svg class="picture"', '</svg>');

  it('is an accessible image with a title and a text description', () => {
    expect(svg).toContain('role="img"');
    expect(svg).toMatch(/<title id="arrow-e1-t">/);
    expect(svg).toContain('Service ps-nodeport has no endpoints');
  });

  it('draws an arrow per endpoint Pod and none for a Service without endpoints', () => {
    const arrows = svg.match(/<path class="arrow[^"]*"[^>]*><title>[^<]*<\/title>/g) ?? [];
    expect(arrows).toHaveLength(2);
    expect(arrows.every((a) => a.includes('service/web'))).toBe(true);
    expect(arrows.filter((a) => a.includes('arrow notready'))).toHaveLength(1);
    expect(svg).toContain('✖ no endpoints');
  });

  it('labels each Pod\'s status in text, not only in colour, and shows unscheduled Pods', () => {
    expect(svg).toMatch(/<rect class="pod bad"[^>]*\/><text class="title"[^>]*>crashy<\/text><text class="bad"[^>]*>CrashLoopBackOff · 0\/1 ready<\/text>/);
    expect(svg).toContain('>Running · 1/1 ready<');
    expect(svg).toContain('>not scheduled<');
    expect(svg).toContain('>Pending · 0/1 ready<');
    expect(svg).toMatch(/class="node notready"[^>]*\/><text class="title"[^>]*>node-2</);
  });

  it.each([
    ['Running', '1/1', 'ok'],
    ['Running', '1/2', 'warn'],
    ['CrashLoopBackOff', '0/1', 'bad'],
    ['Pending', '0/1', 'bad'],
    ['Completed', '0/1', 'muted'],
  ] as const)('colours %s %s as %s', (status, ready, tone) => {
    expect(podTone(status, ready)).toBe(tone);
  });

  it('survives hostile snapshot shapes without throwing', () => {
    const odd = { nodes: [null, { name: 7, ready: 'yes', pods: 'web' }], pods: { a: 1 }, services: [{ name: 's', endpoints: [null, { pod: 'ghost' }] }], events: null } as never;
    const picture = layoutCluster(odd, 'x');
    expect(picture?.nodes.map((n) => n.name)).toEqual(['7']);
    expect(picture?.arrows).toEqual([]);
    expect(layoutCluster({ nodes: [], pods: [], services: [], events: [] }, 'y')).toBeUndefined();
  });
});

describe('html report: events, describes, commands, reproduce', () => {
  it('makes warnings stand out in the event timeline, in kubectl order', () => {
    const events = between(html, '<table class="events">', '</table>');
    expect(events.indexOf('Scheduled')).toBeLessThan(events.indexOf('BackOff'));
    expect(events).toMatch(/<tr class="warning"><td class="num">12s<\/td><td class="type warn">⚠ Warning<\/td><td>BackOff<\/td>/);
    expect(events).toContain('(×4)');
    expect(html).toContain('<span class="badge warn">⚠ 1 warning</span>');
  });

  it('collapses kubectl describe of unhealthy Pods', () => {
    expect(html).toMatch(/<details><summary><code>kubectl describe pod crashy<\/code> — <span class="bad">CrashLoopBackOff, 0\/1 ready<\/span><\/summary><pre>Name: crashy/);
  });

  it('shows the commands.sh transcript with failing exit codes marked', () => {
    expect(html).toContain('<span class="prompt">commands.sh:1 $ </span>kubectl label pod hello-pod app&#x3D;&lt;script&gt;');
    expect(html).toContain('<div class="exit bad">✖ exit code 1</div>');
  });

  it('tells the story of a failed property and how to replay it', () => {
    const r = richHostileReport();
    r.exercises[0]!.checks[1]!.counterexample = { seed: 99, path: '3:1', steps: ['delete Pod hello-pod', `request ${payloads.script}`] };
    expect(renderHtml(r)).toContain('(seed 99, path <code>3:1</code>):</div><ol class="scenario"><li>delete Pod hello-pod</li><li>request &lt;script&gt;');
  });

  it('prints the seed and the command that reproduces the result', () => {
    expect(html).toContain('Seed 5337. Reproduce this result: <code>npx kubegrade grade 05-nodeport-service --seed 5337</code>');
  });
});

describe('html report: safety and determinism', () => {
  it.each(Object.entries(payloads))('never writes the %s payload as markup', (_name, payload) => {
    expect(html).not.toContain(payload);
  });

  it('has no script, no event handler attribute, no javascript: link, one style element', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<[^>]+\son\w+=/i);
    expect(html).not.toMatch(/href="\s*javascript:/i);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain("script-src 'none'");
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('is byte-identical for the same report, whatever the key order', () => {
    const shuffled = JSON.parse(JSON.stringify(richHostileReport(), (_k, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v))) as GradeReport;
    expect(renderHtml(shuffled)).toBe(html);
  });
});
