import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Position } from '../core/position.ts';
import { escapePointerToken } from './json-pointer.ts';
import { parseManifestText } from './parse-manifest.ts';

/** Lists every JSON pointer in a plain value. */
function pointers(value: unknown, base = ''): string[] {
  const out = [base];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pointers(v, `${base}/${i}`)));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...pointers(v, `${base}/${escapePointerToken(k)}`));
  }
  return out;
}

function assertWithin(text: string, file: string, p: { file?: string; line?: number; column?: number } | Position): void {
  if (p.line === undefined) return;
  const lines = text.split('\n');
  expect(p.file).toBe(file);
  expect(p.line).toBeGreaterThanOrEqual(1);
  expect(p.line).toBeLessThanOrEqual(lines.length);
  expect(p.column).toBeGreaterThanOrEqual(1);
  expect(p.column).toBeLessThanOrEqual(lines[p.line - 1]!.length + 1);
}

function check(file: string, text: string): void {
  const r = parseManifestText(file, text, { maxAliases: 20, maxDepth: 16 });
  for (const issue of r.issues) assertWithin(text, file, issue);
  for (const d of r.documents) {
    assertWithin(text, file, d.start);
    for (const ptr of pointers(d.value)) {
      assertWithin(text, file, d.positionOf(ptr));
      const k = d.keyPositionOf(ptr);
      if (k) assertWithin(text, file, k);
    }
  }
}

const yamlish = fc
  .array(
    fc.constantFrom(
      'a', 'b', ':', ': ', ' ', '  ', '\n', '\r\n', '- ', '[', ']', '{', '}', ',', '&x ', '*x', '<<: ', '"', "'",
      '\t', '# c', '---\n', 'on', 'yes', '1e999', '12345678901234567890', '__proto__', '|\n', '? ', '!!str ', '\uFEFF',
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(''));

describe('parseManifestText never throws and keeps positions inside the text', () => {
  it.each(['a.yml', 'a.json'])('on arbitrary strings (%s)', (file) => {
    fc.assert(fc.property(fc.string(), (text) => check(file, text)), { numRuns: 300 });
  });

  it.each(['a.yml', 'a.json'])('on arbitrary binary strings (%s)', (file) => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => check(file, text)), { numRuns: 300 });
  });

  it.each(['a.yml', 'a.json'])('on YAML-like token soup (%s)', (file) => {
    fc.assert(fc.property(yamlish, (text) => check(file, text)), { numRuns: 300 });
  });

  it('on JSON generated from arbitrary values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => check('a.json', JSON.stringify(v, null, 2))),
      { numRuns: 300 },
    );
  });
});
