import { describe, expect, it } from 'vitest';
import { parseManifestText } from './parse-manifest.ts';

const codes = (text: string, file = 'f.yml') => parseManifestText(file, text).issues.map((i) => i.code);

const MULTI = [
  'apiVersion: v1', // 1
  'kind: Pod', // 2
  'metadata:', // 3
  '  name: web', // 4
  '  labels:', // 5
  '    app.kubernetes.io/name: web', // 6
  'spec:', // 7
  '  containers:', // 8
  '  - name: c', // 9
  '    image: nginx:1.27', // 10
  '---', // 11
  '# a comment', // 12
  'apiVersion: v1', // 13
  'kind: Service', // 14
  'metadata: {name: web}', // 15
  'spec:', // 16
  '  ports:', // 17
  '  - port: 80', // 18
  '    targetPort: "8080"', // 19
  '',
].join('\n');

describe('parseManifestText: YAML documents and positions', () => {
  it('parses multi-document YAML into plain values with file and index', () => {
    const r = parseManifestText('k8s/app.yml', MULTI);
    expect(r.issues).toEqual([]);
    expect(r.documents.map((d) => [d.file, d.index, d.format])).toEqual([
      ['k8s/app.yml', 0, 'yaml'],
      ['k8s/app.yml', 1, 'yaml'],
    ]);
    expect(r.documents[1]!.value).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web' },
      spec: { ports: [{ port: 80, targetPort: '8080' }] },
    });
  });

  it.each([
    [0, '', 1, 1],
    [0, '/spec/containers/0/image', 10, 12],
    [0, '/spec/containers/0', 9, 5],
    [0, '/metadata/labels/app.kubernetes.io~1name', 6, 29],
    [1, '', 13, 1],
    [1, '/metadata/name', 15, 18],
    [1, '/spec/ports/0/targetPort', 19, 17],
  ])('positions doc %i pointer %s at %i:%i', (doc, pointer, line, column) => {
    const d = parseManifestText('app.yml', MULTI).documents[doc]!;
    expect(d.positionOf(pointer)).toEqual({ file: 'app.yml', line, column });
  });

  it('gives the start of each document', () => {
    const [a, b] = parseManifestText('app.yml', MULTI).documents;
    expect(a!.start).toEqual({ file: 'app.yml', line: 1, column: 1 });
    expect(b!.start).toEqual({ file: 'app.yml', line: 13, column: 1 });
  });

  it('falls back to the nearest existing ancestor for a missing pointer', () => {
    const d = parseManifestText('app.yml', MULTI).documents[0]!;
    expect(d.positionOf('/spec/containers/0/ports/0/containerPort')).toEqual({ file: 'app.yml', line: 9, column: 5 });
    expect(d.positionOf('not-a-pointer')).toEqual({ file: 'app.yml', line: 1, column: 1 });
  });

  it('gives key positions for mapping entries and none for list items', () => {
    const d = parseManifestText('app.yml', MULTI).documents[0]!;
    expect(d.keyPositionOf('/spec/containers/0/image')).toEqual({ file: 'app.yml', line: 10, column: 5 });
    expect(d.keyPositionOf('/metadata/labels/app.kubernetes.io~1name')).toEqual({ file: 'app.yml', line: 6, column: 5 });
    expect(d.keyPositionOf('/spec/containers/0')).toBeUndefined();
    expect(d.keyPositionOf('/nope')).toBeUndefined();
  });

  it('decodes ~0 and ~1 in pointers', () => {
    const d = parseManifestText('a.yml', 'a/b: 1\nc~d: 2\n').documents[0]!;
    expect(d.value).toEqual({ 'a/b': 1, 'c~d': 2 });
    expect(d.positionOf('/a~1b')).toEqual({ file: 'a.yml', line: 1, column: 6 });
    expect(d.positionOf('/c~0d')).toEqual({ file: 'a.yml', line: 2, column: 6 });
  });

  it('points an empty value at its key', () => {
    const d = parseManifestText('a.yml', 'kind: Pod\nspec:\n').documents[0]!;
    expect(d.value).toEqual({ kind: 'Pod', spec: null });
    expect(d.positionOf('/spec')).toEqual({ file: 'a.yml', line: 2, column: 1 });
  });

  it('accepts CRLF line endings with the same positions', () => {
    const d = parseManifestText('a.yml', MULTI.replace(/\n/g, '\r\n')).documents[0]!;
    expect(d.value).toMatchObject({ kind: 'Pod' });
    expect(d.positionOf('/spec/containers/0/image')).toEqual({ file: 'a.yml', line: 10, column: 12 });
  });

  it('strips a UTF-8 byte order mark', () => {
    const d = parseManifestText('a.yml', '\uFEFFkind: Pod\n').documents[0]!;
    expect(d.value).toEqual({ kind: 'Pod' });
    expect(d.positionOf('/kind')).toEqual({ file: 'a.yml', line: 1, column: 7 });
  });

  it('keeps quoted numbers as strings and plain numbers as numbers', () => {
    const d = parseManifestText('a.yml', 'a: "8080"\nb: 8080\nc: \'true\'\n').documents[0]!;
    expect(d.value).toEqual({ a: '8080', b: 8080, c: 'true' });
  });
});

describe('parseManifestText: JSON', () => {
  const JSON_TEXT = '{\n\t"kind": "Pod",\n\t"spec": {"containers": [{"name": "c", "image": "nginx"}]}\n}\n';

  it('parses JSON (tab-indented) with exact positions', () => {
    const r = parseManifestText('pod.json', JSON_TEXT);
    expect(r.issues).toEqual([]);
    const d = r.documents[0]!;
    expect(d.format).toBe('json');
    expect(d.value).toEqual({ kind: 'Pod', spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    expect(d.positionOf('/kind')).toEqual({ file: 'pod.json', line: 2, column: 10 });
    expect(d.positionOf('/spec/containers/0/image')).toEqual({ file: 'pod.json', line: 3, column: 49 });
    expect(d.keyPositionOf('/spec/containers/0/image')).toEqual({ file: 'pod.json', line: 3, column: 40 });
  });

  it.each([
    ['{\n  "a": [1, 2,]\n}', 2, 14, 'a comma is not allowed after the last element of a list'],
    ['{\n  "a": 1,\n}', 3, 1, 'a comma is not allowed after the last entry of an object'],
    ["{'a': 1}", 1, 2, 'strings and keys must use double quotes (") in JSON'],
    ['{"a" 1}', 1, 6, "unexpected character \"1\" where ':' after the key was expected"],
    ['{"a": 1', 1, 8, "the text ends where ',' or '}' was expected"],
    ['{"a": "x\ty"}', 1, 9, 'a tab or line break inside a string must be written as an escape (\\t, \\n)'],
    ['{"a": 1} {"b": 2}', 1, 10, 'unexpected text after the end of the JSON value'],
    ['{"a": // c\n1}', 1, 7, 'comments are not allowed in JSON'],
  ])('reports JSON syntax errors with positions: %j', (text, line, column, reason) => {
    const r = parseManifestText('p.json', text);
    expect(r.documents).toEqual([]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/json-syntax', severity: 'error', file: 'p.json', line, column });
    expect(r.issues[0]!.params).toMatchObject({ reason });
  });

  it('does not treat JSON strings as YAML 1.1 booleans', () => {
    expect(codes('{"a": "on"}', 'a.json')).toEqual([]);
  });
});

describe('parseManifestText: syntax problems', () => {
  it('reports YAML syntax errors with line, column and the reason', () => {
    const r = parseManifestText('a.yml', 'kind: Pod\nmetadata:\n  name: "web\n');
    expect(r.documents).toEqual([]);
    const e = r.issues.find((i) => i.code === 'load/yaml-syntax')!;
    // yaml reports an unclosed quote where the text ends.
    expect(e).toMatchObject({ severity: 'error', file: 'a.yml', line: 4, column: 1 });
    expect(e.message).toContain('Missing closing "quote');
  });

  it('positions parser errors by our own line index', () => {
    // Bug: the parser's LineCounter missed the line break inside the token "---\n<<", so the
    // error on line 2 was reported at line 1, column 10 (outside the text).
    const r = parseManifestText('a.yml', '*x}---\n<<: ');
    expect(r.issues.map((i) => [i.line, i.column])).toEqual([
      [1, 3],
      [1, 4],
      [2, 3],
    ]);
  });

  it('reports bad indentation as a YAML syntax error', () => {
    const r = parseManifestText('a.yml', 'metadata:\n  name: a\n   labels: x\n');
    expect(r.issues.map((i) => i.code)).toContain('load/yaml-syntax');
    expect(r.documents).toEqual([]);
  });

  it('reports a tab used for indentation, naming the line, instead of the parser error', () => {
    const r = parseManifestText('a.yml', 'kind: Pod\nmetadata:\n\tname: web\n');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/tab-indent', line: 3, column: 1 });
    expect(r.issues[0]!.message).toContain('YAML forbids tabs for indentation');
    expect(r.issues[0]!.hint).toContain('spaces');
  });

  it('reports tab indentation even when the parser complains about something else', () => {
    const r = parseManifestText('a.yml', 'a: "x\nb:\n  \tc: 1\n');
    expect(r.issues.map((i) => `${i.code}:${i.line}`)).toContain('load/tab-indent:3');
  });

  it('does not flag tabs inside a literal block scalar', () => {
    expect(codes('data: |\n  line\n  \tindented by a tab\n')).toEqual([]);
  });

  it('reports a duplicate key naming both lines, like kubectl', () => {
    const r = parseManifestText('a.yml', 'metadata:\n  name: a\n  labels: {}\n  name: b\n');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/duplicate-key', severity: 'error', line: 4, column: 3, pointer: '/metadata/name' });
    expect(r.issues[0]!.message).toContain('mapping key "name" already defined at line 2');
  });

  it('reports at most 20 issues of one code per file', () => {
    const text = Array.from({ length: 100 }, () => 'k: "v"').join('\n');
    const r = parseManifestText('a.yml', text);
    expect(r.issues).toHaveLength(20);
    expect(new Set(r.issues.map((i) => i.code))).toEqual(new Set(['load/duplicate-key']));
  });

  it.each(['__proto__', 'constructor', 'prototype'])('drops the forbidden key %s', (key) => {
    const r = parseManifestText('a.yml', `kind: Pod\n${key}: {polluted: 1}\n`);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['load/forbidden-key', 2]]);
    expect(Object.keys(r.documents[0]!.value as object)).toEqual(['kind']);
  });

  it('never pollutes Object.prototype', () => {
    parseManifestText('a.yml', '__proto__: {polluted: 1}\nmetadata:\n  __proto__:\n    polluted: 1\n');
    parseManifestText('a.json', '{"__proto__": {"polluted": 1}}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseManifestText: aliases, merges, depth', () => {
  it('expands a few aliases and YAML 1.1 merge keys (explicit keys win)', () => {
    const r = parseManifestText(
      'a.yml',
      'base: &b {cpu: 1, memory: 2}\nx:\n  <<: *b\n  memory: 3\nz: *b\n',
    );
    expect(r.issues).toEqual([]);
    expect(r.documents[0]!.value).toEqual({ base: { cpu: 1, memory: 2 }, x: { cpu: 1, memory: 3 }, z: { cpu: 1, memory: 2 } });
    expect(r.documents[0]!.positionOf('/x/memory')).toEqual({ file: 'a.yml', line: 4, column: 11 });
    expect(r.documents[0]!.positionOf('/z')).toEqual({ file: 'a.yml', line: 5, column: 4 });
  });

  it('merges a list of aliases, the earlier source winning', () => {
    const r = parseManifestText('a.yml', 'a: &a {x: 1, y: 2}\nb: &b {x: 3, z: 4}\nc:\n  <<: [*a, *b]\n  w: 5\n');
    expect(r.issues.filter((i) => i.severity !== 'warning')).toEqual([]);
    expect((r.documents[0]!.value as { c: unknown }).c).toEqual({ x: 1, y: 2, z: 4, w: 5 });
  });

  it('reports a merge key whose value is not a mapping', () => {
    const r = parseManifestText('a.yml', 'a: &a [1]\nb:\n  <<: *a\n  k: v\n');
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['load/invalid-merge', 3, 7]]);
    expect((r.documents[0]!.value as { b: unknown }).b).toEqual({ k: 'v' });
  });

  it('counts aliases inside merges against maxAliases', () => {
    const r = parseManifestText('a.yml', 'a: &a {x: 1}\nb: {<<: *a}\nc: {<<: *a}\n', { maxAliases: 1 });
    expect(r.issues.map((i) => i.code)).toEqual(['load/too-many-aliases']);
    expect(r.documents).toEqual([]);
  });

  it('stops the billion-laughs bomb with a diagnostic and without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const name = String.fromCharCode(97 + i);
      const prev = String.fromCharCode(96 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const r = parseManifestText('bomb.yml', `${levels.join('\n')}\n`);
    expect(r.documents).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['load/too-many-aliases']);
    expect(r.issues[0]!.line).toBeGreaterThan(1);
  });

  it('counts aliases against maxAliases per file', () => {
    const text = 'a: &x 1\nb: [*x, *x, *x]\n';
    expect(codes(text)).toEqual([]);
    expect(parseManifestText('a.yml', text, { maxAliases: 2 }).issues.map((i) => i.code)).toEqual(['load/too-many-aliases']);
  });

  it('reports nesting deeper than maxDepth', () => {
    const r = parseManifestText('a.yml', 'a: [[[[1]]]]\n', { maxDepth: 3 });
    expect(r.documents).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['load/too-deep', 1]]);
    expect(parseManifestText('a.yml', 'a: [[[[1]]]]\n', { maxDepth: 5 }).issues).toEqual([]);
  });

  it('survives deeply nested YAML flow collections with one too-deep issue', () => {
    const r = parseManifestText('a.yml', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(r.documents).toEqual([]);
    expect(r.issues.filter((i) => i.code === 'load/too-deep')).toHaveLength(1);
    expect(r.issues.length).toBeLessThanOrEqual(11);
  });

  it('reports deep JSON as too deep before parsing it', () => {
    const r = parseManifestText('a.json', `${'['.repeat(100000)}${']'.repeat(100000)}`);
    expect(r.documents).toEqual([]);
    expect(r.issues.map((i) => [i.code, i.line, i.column])).toEqual([['load/too-deep', 1, 65]]);
  });
});

describe('parseManifestText: values kubectl reads differently', () => {
  it.each([
    ['a: 12345678901234567890\n', '12345678901234567890'],
    ['a: 1e999\n', '1e999'],
    ['a: .inf\n', '.inf'],
  ])('warns about the number in %j and keeps it', (text, shown) => {
    const r = parseManifestText('a.yml', text);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/number-out-of-range', severity: 'warning', line: 1, column: 4, pointer: '/a' });
    expect(r.issues[0]!.params).toMatchObject({ text: shown });
    expect(typeof (r.documents[0]!.value as { a: unknown }).a).toBe('number');
  });

  it('warns about out-of-range numbers in JSON too', () => {
    expect(codes('{"a": 9007199254740993}', 'a.json')).toEqual(['load/number-out-of-range']);
  });

  it.each(['yes', 'no', 'on', 'off', 'Yes', 'OFF', 'y', 'N'])('warns that unquoted %s is a boolean for kubectl', (word) => {
    const r = parseManifestText('a.yml', `metadata:\n  labels:\n    enabled: ${word}\n`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/yaml11-boolean', severity: 'warning', line: 3, column: 14 });
    expect((r.documents[0]!.value as { metadata: { labels: { enabled: unknown } } }).metadata.labels.enabled).toBe(word);
  });

  it('does not warn about quoted yes/no/on/off', () => {
    expect(codes('a: "on"\nb: \'yes\'\nc: true\n')).toEqual([]);
  });
});

describe('parseManifestText: empty and non-object documents', () => {
  it.each([['---\n'], ['# only a comment\n'], ['null\n'], ['---\n---\n~\n'], [''], ['   \n\n']])(
    'reports %j as an empty file',
    (text) => {
      const r = parseManifestText('a.yml', text);
      expect(r.documents).toEqual([]);
      expect(r.issues.map((i) => [i.code, i.severity, i.file])).toEqual([['load/empty-file', 'warning', 'a.yml']]);
    },
  );

  it('drops empty documents between real ones without an issue', () => {
    const r = parseManifestText('a.yml', '---\nkind: A\n---\n---\n# x\n---\nkind: B\n');
    expect(r.issues).toEqual([]);
    expect(r.documents.map((d) => [d.index, (d.value as { kind: string }).kind])).toEqual([
      [0, 'A'],
      [3, 'B'],
    ]);
  });

  it.each([
    ['- a\n- b\n', 'a list'],
    ['just text\n', 'a string ("just text")'],
    ['42\n', 'a number (42)'],
  ])('reports a top level that is not a mapping: %j', (text, got) => {
    const r = parseManifestText('a.yml', `kind: Pod\n---\n${text}`);
    expect(r.documents).toHaveLength(1);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/not-an-object', severity: 'error', line: 3, column: 1 });
    expect(r.issues[0]!.params).toMatchObject({ index: 1, got });
  });

  it('keeps at most maxDocuments documents', () => {
    const r = parseManifestText('a.yml', 'a: 1\n---\nb: 2\n---\nc: 3\n', { maxDocuments: 2 });
    expect(r.documents).toHaveLength(2);
    expect(r.issues.map((i) => [i.code, i.line])).toEqual([['load/too-many-documents', 5]]);
  });
});
