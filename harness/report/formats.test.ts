import { describe, expect, it } from 'vitest';
import type { GradeReport } from '../core/result.ts';
import { csvField, renderCsv } from './csv.ts';
import { hostileReport, payloads, richHostileReport } from './fixtures.ts';
import type { GradescopeResults } from './gradescope.ts';
import { getReporter } from './index.ts';
import { renderJunit } from './junit.ts';
import { prairielearnResults } from './prairielearn.ts';

interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** A strict little XML reader for our own output: well-formedness, entities, no CDATA/PI/DTD surprises. */
function parseXml(xml: string): XmlNode {
  expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')).toBe(true);
  // eslint-disable-next-line no-control-regex
  expect(xml).not.toMatch(/[\x00-\x08\x0b\x0c\x0e-\x1f]/);
  const body = xml.slice(xml.indexOf('?>') + 2);
  const token = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  const unescape = (s: string) => {
    expect(s).not.toMatch(/&(?!(amp|lt|gt|quot|apos|#\d+);)/);
    return s.replace(/&(amp|lt|gt|quot|apos|#\d+);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e] ?? String.fromCharCode(Number(e.slice(1))));
  };
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack = [root];
  let m: RegExpExecArray | null;
  let pos = 0;
  while ((m = token.exec(body))) {
    pos = token.lastIndex;
    const top = stack[stack.length - 1]!;
    if (m[5] !== undefined) {
      top.text += unescape(m[5]);
      continue;
    }
    if (m[1]) {
      expect(top.name).toBe(m[2]);
      stack.pop();
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([\w-]+)="([^"]*)"/g)) {
      expect(attrs[a[1]!]).toBeUndefined();
      attrs[a[1]!] = unescape(a[2]!);
    }
    const node: XmlNode = { name: m[2]!, attrs, children: [], text: '' };
    top.children.push(node);
    if (!m[4]) stack.push(node);
  }
  expect(pos).toBe(body.length);
  expect(stack).toHaveLength(1);
  expect(root.children).toHaveLength(1);
  return root.children[0]!;
}

// The shape of Jenkins' junit-10.xsd (xunit plugin), the schema JUnit consumers accept:
// element → allowed attributes (required ones marked !), children in the allowed order, numeric attributes.
const schema: Record<string, { attrs: string[]; children: string[]; ints?: string[]; decimals?: string[] }> = {
  testsuites: { attrs: ['name', 'time', 'tests', 'failures', 'disabled', 'errors'], children: ['testsuite'], ints: ['tests', 'failures', 'errors', 'disabled'], decimals: ['time'] },
  testsuite: { attrs: ['name!', 'tests!', 'failures', 'errors', 'time', 'disabled', 'skipped', 'timestamp', 'hostname', 'id', 'package', 'file', 'log', 'url', 'version'], children: ['properties', 'testcase', 'system-out', 'system-err'], ints: ['tests', 'failures', 'errors', 'skipped'], decimals: ['time'] },
  properties: { attrs: [], children: ['property'] },
  property: { attrs: ['name!', 'value!'], children: [] },
  testcase: { attrs: ['name!', 'assertions', 'time', 'timestamp', 'classname', 'status', 'class', 'file', 'line', 'log', 'group', 'url'], children: ['skipped', 'error', 'failure', 'system-out', 'system-err'], ints: ['line'], decimals: ['time'] },
  failure: { attrs: ['type', 'message'], children: [] },
  error: { attrs: ['type', 'message'], children: [] },
  skipped: { attrs: ['message'], children: [] },
  'system-out': { attrs: [], children: [] },
  'system-err': { attrs: [], children: [] },
};

function validate(node: XmlNode, path = node.name): void {
  const rule = schema[node.name];
  expect(rule, `${path}: element not in the schema`).toBeDefined();
  const allowed = rule!.attrs.map((a) => a.replace('!', ''));
  for (const a of Object.keys(node.attrs)) expect(allowed, `${path}@${a}`).toContain(a);
  for (const a of rule!.attrs.filter((x) => x.endsWith('!'))) expect(node.attrs[a.slice(0, -1)], `${path}@${a} is required`).toBeDefined();
  for (const a of rule!.ints ?? []) if (a in node.attrs) expect(node.attrs[a], `${path}@${a}`).toMatch(/^\d+$/);
  for (const a of rule!.decimals ?? []) if (a in node.attrs) expect(node.attrs[a], `${path}@${a}`).toMatch(/^\d+(\.\d+)?$/);
  let last = -1;
  for (const child of node.children) {
    const at = rule!.children.indexOf(child.name);
    expect(at, `${path}: <${child.name}> not allowed here`).toBeGreaterThanOrEqual(0);
    expect(at, `${path}: <${child.name}> out of order`).toBeGreaterThanOrEqual(last);
    last = at;
    validate(child, `${path}/${child.name}`);
  }
  if (rule!.children.length > 0 && node.name !== 'testcase') expect(node.text.trim(), `${path}: stray text`).toBe('');
}

describe('junit reporter', () => {
  const xml = renderJunit(richHostileReport());
  const doc = parseXml(xml);

  it('is well-formed and matches the Jenkins junit-10 schema shape', () => {
    validate(doc);
    expect(doc.name).toBe('testsuites');
  });

  it('writes one testsuite per exercise and one testcase per check, with counts', () => {
    const suites = doc.children;
    expect(suites.map((s) => s.attrs.name)).toEqual(['05-nodeport-service']);
    const cases = suites[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases).toHaveLength(4);
    expect(suites[0]!.attrs).toMatchObject({ tests: '4', failures: '2', errors: '0', skipped: '0' });
    expect(doc.attrs).toMatchObject({ tests: '4', failures: '2', errors: '0' });
  });

  it('points failed checks at the learner\'s manifest and carries the message', () => {
    const failed = doc.children[0]!.children.find((c) => c.attrs.classname === '05-nodeport-service.reachable')!;
    expect(failed.attrs.file).toBe('exercises/05-nodeport-service/submission/svc.yml');
    expect(failed.attrs.line).toBe('6');
    const failure = failed.children[0]!;
    expect(failure.name).toBe('failure');
    expect(failure.attrs.message).toBe(`GET http://node-1:31111/ failed: connection refused ${payloads.img}`);
    expect(failure.text).toContain(`  → node-1:31111 (NodePort of service/ps-nodeport) ${payloads.cdata}`);
    expect(failure.text).toContain(`hint: Open ${payloads.js}`);
  });

  it('round-trips hostile text exactly, including ]]> and control characters', () => {
    const report = richHostileReport();
    report.exercises[0]!.checks[1]!.message = `bad \x1b[31m ${payloads.cdata} ${payloads.style} \x00`;
    const node = parseXml(renderJunit(report)).children[0]!.children.find((c) => c.attrs.classname === '05-nodeport-service.endpoints')!;
    expect(node.children[0]!.attrs.message).toBe(`bad \\x1b[31m ${payloads.cdata} ${payloads.style} \\x00`);
    expect(xml).not.toContain(']]>');
  });

  it('carries a failed property\'s fault scenario so it can be replayed', () => {
    const report = richHostileReport();
    report.exercises[0]!.checks[1]!.counterexample = { seed: 99, path: '3:1', steps: ['delete Pod hello-pod', 'GET http://node-1:31111/'] };
    const node = parseXml(renderJunit(report)).children[0]!.children.find((c) => c.attrs.classname === '05-nodeport-service.endpoints')!;
    expect(node.children[0]!.text).toContain('fault scenario (seed 99, path 3:1):\n  1. delete Pod hello-pod\n  2. GET http://node-1:31111/');
  });

  it('reports an ungradable exercise as an error testcase', () => {
    const report: GradeReport = { schemaVersion: 1, score: 0, maxScore: 5, exercises: [{ id: '01-hello-pod', title: 'Hello', score: 0, maxScore: 5, status: 'error', seed: 1, checks: [], diagnostics: [{ code: 'load/yaml', severity: 'error', message: 'pod.yml:3: bad indentation', file: 'pod.yml', line: 3 }] }] };
    const d = parseXml(renderJunit(report));
    validate(d);
    expect(d.children[0]!.attrs).toMatchObject({ tests: '1', errors: '1' });
    expect(d.children[0]!.children[1]!.children[0]!.attrs.message).toBe('pod.yml:3: bad indentation');
  });
});

describe('gradescope reporter', () => {
  const out = JSON.parse(getReporter('gradescope').render(richHostileReport())) as GradescopeResults;

  it('has the documented top-level keys and totals', () => {
    expect(out).toMatchObject({ score: 3, max_score: 9, output_format: 'text', visibility: 'visible', stdout_visibility: 'hidden' });
    expect(out.tests.reduce((s, t) => s + t.score, 0)).toBe(out.score);
    expect(out.tests.reduce((s, t) => s + t.max_score, 0)).toBe(out.max_score);
  });

  it('writes one test per check with name, score, max_score, status, output and visibility', () => {
    for (const t of out.tests) {
      expect(Object.keys(t).sort()).toEqual(['max_score', 'name', 'number', 'output', 'output_format', 'score', 'status', 'tags', 'visibility']);
      expect(['passed', 'failed']).toContain(t.status);
      expect(['visible', 'hidden', 'after_due_date', 'after_published']).toContain(t.visibility);
    }
    expect(out.tests.map((t) => [t.name, t.status, t.visibility])).toEqual([
      ['05-nodeport-service: A Service named ps-nodeport exists', 'passed', 'visible'],
      ['05-nodeport-service: ps-nodeport sends traffic to hello-pod', 'failed', 'visible'],
      ['05-nodeport-service: http://node-1:31111/ answers from outside', 'failed', 'visible'],
      ['05-nodeport-service: The name resolves', 'passed', 'after_published'],
    ]);
    expect(out.tests[1]!.output).toContain('→ at svc.yml:6:11');
    expect(out.tests[2]!.output).toContain('hint: Open javascript:');
  });
});

describe('prairielearn reporter', () => {
  it('scores 0..1 with one test per check (name, points, max_points, message, output)', () => {
    const out = prairielearnResults(richHostileReport());
    expect(out.gradable).toBe(true);
    expect(out.score).toBeCloseTo(3 / 9);
    expect(out.tests).toHaveLength(4);
    for (const t of out.tests) for (const k of ['name', 'points', 'max_points', 'message', 'output']) expect(t).toHaveProperty(k);
    expect(out.tests[2]).toMatchObject({ points: 0, max_points: 4 });
    expect(out.tests[2]!.output).toContain('path: from outside the cluster');
  });

  it('is not gradable when nothing could be loaded, and says why', () => {
    const report: GradeReport = { schemaVersion: 1, score: 0, maxScore: 5, exercises: [{ id: '01', title: 'x', score: 0, maxScore: 5, status: 'error', seed: 1, checks: [], diagnostics: [{ code: 'load/yaml', severity: 'error', message: 'bad YAML' }] }] };
    const out = JSON.parse(getReporter('prairielearn').render(report)) as ReturnType<typeof prairielearnResults>;
    expect(out).toMatchObject({ gradable: false, score: 0, format_errors: ['01: bad YAML'] });
  });

  it('keeps gradable true when a wrong answer scores 0', () => {
    const r = hostileReport();
    r.score = 0;
    expect(prairielearnResults(r)).toMatchObject({ gradable: true, score: 0 });
  });
});

describe('csv reporter', () => {
  it('writes one row per exercise with the failed check ids', () => {
    expect(renderCsv(richHostileReport())).toBe('exercise,score,max,status,failed_checks\r\n05-nodeport-service,3,9,failed,endpoints reachable\r\n');
  });

  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [payloads.formula, `"'=HYPERLINK(""http://evil.example/"",""x"")"`],
    ['+1', "'+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-3', '-3'],
    [7, '7'],
  ])('quotes %j as %s', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});
