import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { fastParseYaml } from './fast-yaml.ts';
import { escapePointerToken } from './json-pointer.ts';
import { parseWith } from './parse-manifest.ts';

function pointers(value: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${base}/${i}`)));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${base}/${escapePointerToken(k)}`));
  }
  return out;
}

/** Asserts the fast path, when it accepts the text, gives exactly what the full parser gives; returns whether it applied. */
function same(text: string, maxDepth = 64): boolean {
  if (fastParseYaml(text, maxDepth) === undefined) return false;
  const fast = parseWith('a.yml', text, { maxDepth }, true);
  const slow = parseWith('a.yml', text, { maxDepth }, false);
  expect(fast.issues).toEqual(slow.issues);
  expect(fast.documents.length).toBe(slow.documents.length);
  fast.documents.forEach((f, i) => {
    const s = slow.documents[i]!;
    expect([f.index, f.start, f.value]).toEqual([s.index, s.start, s.value]);
    for (const p of pointers(s.value)) {
      expect([p, f.positionOf(p), f.keyPositionOf(p)]).toEqual([p, s.positionOf(p), s.keyPositionOf(p)]);
    }
  });
  return true;
}

const key = fc.oneof(
  { arbitrary: fc.constantFrom('name', 'app', 'kind', 'spec', 'image', 'ports', 'containerPort'), weight: 6 },
  fc.constantFrom('name', 'app', 'kind', 'spec', 'image', 'ports', 'app.kubernetes.io/name', 'a~b', 'True', 'null', 'on', 'x1', '_y', 'constructor', 'y'),
);
const scalar = fc.oneof(
  { arbitrary: fc.constantFrom('web', 'nginx:1.27', 'v1', 'apps/v1', 'Pod', 'x-y_z.1'), weight: 8 },
  { arbitrary: fc.integer({ min: -100, max: 100000 }), weight: 4 },
  fc.constantFrom('nginx:1.27', '8080', 'web', 'a b', 'x: y', 'a #b', "it's", '-1', '- a', '0x1F', '1e3', '.inf', '64Mi', '0.5', '', ' lead', 'yes', 'true', 'null', '~', '#c', '[x]', '*a', '&a', 'a,b', '"q"'),
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const tree = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('node'), { minKeys: 1, maxKeys: 4 }),
  list: fc.array(tie('node'), { minLength: 1, maxLength: 3 }),
}));

const lineSoup = fc
  .array(
    fc.tuple(
      fc.constantFrom('', '', '', '  ', '  ', '    ', ' ', '      '),
      fc.constantFrom('a: 1', 'b: x', 'c:', '- d', '- e: 1', '-', '- ', '# c', '', '---', 'f: "q" # c', "g: 'h'", 'i: j # k', 'l: m:n', 'o: p q', 'r: ~', 'a: 2', '- - x', 'k: -1', 's: 1.5'),
    ),
    { maxLength: 8 },
  )
  .map((ls) => ls.map(([ind, t]) => ind + t).join('\n') + '\n');

describe('fast YAML path gives exactly what the full parser gives', () => {
  it('on stringified trees', () => {
    let applied = 0;
    fc.assert(
      fc.property(fc.dictionary(key, tree.node, { minKeys: 1, maxKeys: 5 }), fc.constantFrom(2, 4), fc.boolean(), (v, indent, indentSeq) => {
        if (same(stringify(v, { indent, indentSeq }))) applied++;
      }),
      { numRuns: 1000 },
    );
    expect(applied).toBeGreaterThan(100);
  });

  it('on line soup', () => {
    let applied = 0;
    fc.assert(fc.property(lineSoup, (text) => void (same(text) && applied++)), { numRuns: 5000 });
    expect(applied).toBeGreaterThan(100);
  });

  it('on line soup with a small depth limit', () => {
    fc.assert(fc.property(lineSoup, (text) => void same(text, 2)), { numRuns: 500 });
  });

  it('on a typical multi-document manifest', () => {
    const text =
      '# app\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels:\n    app: web\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: web\n          image: "nginx:1.27"\n          ports:\n          - containerPort: 80 # http\n---\napiVersion: v1\nkind: Service\nmetadata: \n  name: web\n';
    expect(same(text)).toBe(true);
  });
});
