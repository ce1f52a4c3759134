// A fast path for the plain block YAML most manifests are written in. The yaml package's
// parser caps parsing near 15k small manifests/s; this reader handles only a strict subset
// (block mappings and sequences, simple plain or quoted scalars, comments, `---`) and gives
// up — returning undefined — on anything else, so the full parser decides every hard case.
// A differential property test checks it produces exactly what the full path produces.
import type { OffsetMap } from './yaml-to-plain.ts';

export interface FastDocument {
  value: Record<string, unknown>;
  offsets: OffsetMap;
  start: number;
}

interface Line {
  indent: number;
  /** Offset of the first content character. */
  at: number;
  /** Content from `at` to the end of the line (no newline). */
  text: string;
}

class Bail extends Error {}
const BAIL = new Bail();

// Keys starting with a letter or `_`, so that no key could resolve to a number, null or boolean.
const KEY = /^[A-Za-z_][A-Za-z0-9._/-]*$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
const SPECIAL_NUMBER = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN|0o[0-7]+|0x[0-9a-fA-F]+)$/;
const NULLS = new Set(['~', 'null', 'Null', 'NULL']);
const BOOLS = new Map<string, boolean>([
  ['true', true], ['True', true], ['TRUE', true], ['false', false], ['False', false], ['FALSE', false],
]);
// Words the full path warns about (YAML 1.1 booleans) and keys it rejects: leave those to it.
const SLOW_WORDS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
  '__proto__', 'constructor', 'prototype',
]);

/** Parses simple block YAML quickly, or returns undefined when the text needs the full parser. */
export function fastParseYaml(text: string, maxDepth: number): FastDocument[] | undefined {
  if (text.includes('\t') || text.includes('\r') || text.includes('\\')) return undefined;
  const docs: Line[][] = [[]];
  let offset = 0;
  while (offset <= text.length) {
    const nl = text.indexOf('\n', offset);
    const end = nl < 0 ? text.length : nl;
    let i = offset;
    while (i < end && text.charCodeAt(i) === 32) i++;
    if (i < end && text[i] !== '#') {
      const content = text.slice(i, end);
      if (i === offset && content.startsWith('---')) {
        if (content !== '---') return undefined;
        docs.push([]);
      } else if (i === offset && (content.startsWith('...') || content.startsWith('%'))) {
        return undefined;
      } else docs[docs.length - 1]!.push({ indent: i - offset, at: i, text: content });
    }
    if (nl < 0) break;
    offset = nl + 1;
  }
  // A leading `---` opens the first document rather than ending an empty one.
  if (docs.length > 1 && docs[0]!.length === 0) docs.shift();
  const out: FastDocument[] = [];
  try {
    for (const lines of docs) {
      if (lines.length === 0) return undefined;
      const reader = new Reader(lines, maxDepth);
      const first = lines[0]!;
      if (first.indent !== 0 || first.text.startsWith('-')) return undefined;
      const value = reader.map(0, '', 0);
      if (reader.i !== lines.length) return undefined;
      out.push({ value, offsets: reader.offsets, start: first.at });
    }
  } catch (e) {
    if (e === BAIL) return undefined;
    throw e;
  }
  return out;
}

class Reader {
  i = 0;
  offsets: OffsetMap = new Map();
  constructor(
    private readonly lines: Line[],
    private readonly maxDepth: number,
  ) {}

  map(indent: number, pointer: string, depth: number): Record<string, unknown> {
    if (depth >= this.maxDepth) throw BAIL;
    const out: Record<string, unknown> = {};
    const start = this.lines[this.i]!.at;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent || line.text.startsWith('-')) throw BAIL;
      const colon = line.text.indexOf(':');
      if (colon <= 0) throw BAIL;
      const key = line.text.slice(0, colon);
      if (!KEY.test(key) || SLOW_WORDS.has(key) || NULLS.has(key) || BOOLS.has(key) || Object.hasOwn(out, key)) throw BAIL;
      const rest = line.text.slice(colon + 1);
      if (rest !== '' && rest[0] !== ' ') throw BAIL;
      const child = `${pointer}/${key.includes('/') || key.includes('~') ? key.replace(/~/g, '~0').replace(/\//g, '~1') : key}`;
      this.i++;
      const inline = stripComment(rest);
      if (inline.trim() !== '') {
        const lead = inline.length - inline.trimStart().length;
        const valueAt = line.at + colon + 1 + lead;
        out[key] = scalar(inline.trim());
        this.offsets.set(child, [valueAt, line.at]);
        continue;
      }
      const next = this.lines[this.i];
      if (next && next.indent > indent) {
        out[key] = next.text.startsWith('- ') || next.text === '-' ? this.seq(next.indent, child, depth + 1) : this.map(next.indent, child, depth + 1);
        this.offsets.get(child)![1] = line.at;
      } else if (next && next.indent === indent && (next.text.startsWith('- ') || next.text === '-')) {
        out[key] = this.seq(indent, child, depth + 1);
        this.offsets.get(child)![1] = line.at;
      } else {
        out[key] = null;
        this.offsets.set(child, [line.at, line.at]);
      }
    }
    this.offsets.set(pointer, [start, -1]);
    return out;
  }

  seq(indent: number, pointer: string, depth: number): unknown[] {
    if (depth >= this.maxDepth) throw BAIL;
    const out: unknown[] = [];
    const start = this.lines[this.i]!.at;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i]!;
      if (line.indent < indent) break;
      if (line.indent > indent) throw BAIL;
      if (!line.text.startsWith('- ')) break;
      const body = line.text.slice(2);
      if (body === '' || body[0] === ' ' || body[0] === '#') throw BAIL;
      const child = `${pointer}/${out.length}`;
      const colon = body.indexOf(':');
      if (colon > 0 && (body[colon + 1] === ' ' || colon === body.length - 1) && KEY.test(body.slice(0, colon))) {
        // `- key: value` opens a mapping whose keys sit two columns right of the dash.
        this.lines[this.i] = { indent: indent + 2, at: line.at + 2, text: body };
        out.push(this.map(indent + 2, child, depth + 1));
      } else {
        out.push(scalar(stripComment(body).trim()));
        this.offsets.set(child, [line.at + 2, -1]);
        this.i++;
      }
    }
    this.offsets.set(pointer, [start, -1]);
    return out;
  }
}

function stripComment(s: string): string {
  const hash = s.indexOf(' #');
  return hash < 0 ? s : s.slice(0, hash);
}

function scalar(s: string): unknown {
  const c = s[0];
  if (c === undefined) throw BAIL;
  if (c === '"' || c === "'") {
    if (s.length < 2 || s[s.length - 1] !== c || s.indexOf(c, 1) !== s.length - 1) throw BAIL;
    return s.slice(1, -1);
  }
  if ('-?:,[]{}#&*!|>%@`'.includes(c) && !(c === '-' && s.length > 1 && s[1] !== ' ')) throw BAIL;
  if (s.includes(': ') || s.endsWith(':') || s.includes('"') || s.includes("'")) throw BAIL;
  if (NULLS.has(s)) return null;
  const b = BOOLS.get(s);
  if (b !== undefined) return b;
  if (SLOW_WORDS.has(s)) throw BAIL;
  if (INT.test(s)) {
    const n = Number.parseInt(s, 10);
    if (!Number.isSafeInteger(n)) throw BAIL;
    return n;
  }
  if (FLOAT.test(s) || SPECIAL_NUMBER.test(s)) throw BAIL;
  return s;
}
