import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, LineCounter, Node, Pair, Scalar, YAMLMap } from 'yaml';
import type { Issue } from '../core/issue.ts';
import type { Position } from '../core/position.ts';
import { escapePointerToken } from './json-pointer.ts';
import { loadIssue } from './messages.ts';

/** Offsets recorded per JSON pointer: [value offset, key offset or -1]. */
export type OffsetMap = Map<string, [number, number]>;

/** Shared per-file state: the alias budget is per file, as the option says. */
export interface ConvertState {
  file: string;
  lineCounter: LineCounter;
  maxDepth: number;
  maxAliases: number;
  aliasCount: number;
  /** Warn about YAML 1.1 booleans (only for YAML files, not JSON). */
  yaml11: boolean;
}

interface DocContext {
  state: ConvertState;
  doc: Document;
  offsets: OffsetMap;
  issues: Issue[];
  abort: 'depth' | 'aliases' | undefined;
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// go-yaml v2 (used by sigs.k8s.io/yaml, thus kubectl) resolves these plain scalars to booleans.
const YAML11_BOOLEANS = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'n', 'N', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF',
]);

export interface ConvertResult {
  value: unknown;
  offsets: OffsetMap;
  issues: Issue[];
  /** Set when the document could not be expanded (too deep or too many aliases). */
  aborted: 'depth' | 'aliases' | undefined;
}

/** Converts one parsed YAML document into plain JSON data, recording offsets per JSON pointer. */
export function convertDocument(doc: Document, state: ConvertState): ConvertResult {
  const ctx: DocContext = { state, doc, offsets: new Map(), issues: [], abort: undefined };
  const value = convert(doc.contents as Node | null, '', 0, ctx, -1);
  return { value, offsets: ctx.offsets, issues: ctx.issues, aborted: ctx.abort };
}

function pos(ctx: DocContext, offset: number): Position {
  const lp = ctx.state.lineCounter.linePos(offset);
  return { file: ctx.state.file, line: lp.line, column: lp.col };
}

function startOf(node: Node | null | undefined): number {
  return node?.range ? node.range[0] : -1;
}

function convert(node: Node | null | undefined, pointer: string, depth: number, ctx: DocContext, keyOffset: number): unknown {
  if (ctx.abort) return null;
  if (node === null || node === undefined) return null;
  let value: unknown;
  if (isAlias(node)) {
    ctx.state.aliasCount++;
    if (ctx.state.aliasCount > ctx.state.maxAliases) return abort(ctx, 'aliases', node);
    const target = node.resolve(ctx.doc) as Node | undefined;
    value = convert(target, pointer, depth, ctx, keyOffset);
  } else if (isMap(node)) {
    if (depth >= ctx.state.maxDepth) return abort(ctx, 'depth', node);
    value = convertMap(node, pointer, depth, ctx);
  } else if (isSeq(node)) {
    if (depth >= ctx.state.maxDepth) return abort(ctx, 'depth', node);
    const out: unknown[] = [];
    for (let i = 0; i < node.items.length && !ctx.abort; i++) {
      const item = node.items[i];
      const child = `${pointer}/${i}`;
      // A flow sequence may hold single pairs (`[a: 1]`): YAML reads each as a one-entry mapping.
      out.push(isPair(item) ? convertPairs([item as Pair], node as Node, child, depth + 1, ctx) : convert(item as Node, child, depth + 1, ctx, -1));
      if (isPair(item)) record(ctx, child, startOf(item.key as Node), -1);
    }
    value = out;
  } else if (isScalar(node)) {
    value = scalarValue(node, pointer, ctx, false);
  } else {
    value = null;
  }
  // Recorded after the children so that merged or aliased sources never overwrite this node's own place.
  let at = startOf(node);
  if (isScalar(node) && node.value === null && node.source === '' && keyOffset >= 0) at = keyOffset;
  record(ctx, pointer, at, keyOffset);
  return value;
}

function record(ctx: DocContext, pointer: string, at: number, keyOffset: number): void {
  if (at >= 0) ctx.offsets.set(pointer, [at, keyOffset]);
}

function abort(ctx: DocContext, why: 'depth' | 'aliases', node: Node): null {
  ctx.abort = why;
  const at = pos(ctx, Math.max(0, startOf(node)));
  ctx.issues.push(
    why === 'depth'
      ? loadIssue('load/too-deep', { file: ctx.state.file, limit: ctx.state.maxDepth }, { position: at })
      : loadIssue('load/too-many-aliases', { file: ctx.state.file, limit: ctx.state.maxAliases }, { position: at }),
  );
  return null;
}

function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.type === 'PLAIN' && key.value === '<<'));
}

function convertMap(node: YAMLMap, pointer: string, depth: number, ctx: DocContext): Record<string, unknown> {
  return convertPairs(node.items as Pair[], node as Node, pointer, depth + 1, ctx);
}

function convertPairs(pairs: Pair[], owner: Node, pointer: string, depth: number, ctx: DocContext): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // YAML 1.1 merge keys (`<<: *base`), as kubectl's parser applies them: explicit keys win over
  // merged ones, and an earlier merge source wins over a later one, so sources are applied last-first.
  const merges = pairs.filter((p) => isMergeKey(p.key));
  for (let m = merges.length - 1; m >= 0 && !ctx.abort; m--) applyMerge(merges[m]!, owner, out, pointer, depth, ctx);
  const seen = new Map<string, number>();
  for (const pair of pairs) {
    if (ctx.abort) break;
    if (isMergeKey(pair.key)) continue;
    const keyNode = pair.key as Node | null;
    const keyAt = keyNode ? startOf(keyNode) : startOf(pair.value as Node);
    const key = keyString(keyNode, pointer, ctx);
    if (key === undefined) continue;
    const keyPos = pos(ctx, Math.max(0, keyAt));
    if (FORBIDDEN_KEYS.has(key)) {
      ctx.issues.push(loadIssue('load/forbidden-key', { key }, { position: keyPos, pointer }));
      continue;
    }
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.issues.push(
        loadIssue(
          'load/duplicate-key',
          { file: ctx.state.file, key, line: keyPos.line, firstLine: pos(ctx, first).line },
          { position: keyPos, pointer: `${pointer}/${escapePointerToken(key)}` },
        ),
      );
    } else seen.set(key, Math.max(0, keyAt));
    const child = `${pointer}/${escapePointerToken(key)}`;
    // The later value wins, as in JSON; the duplicate is reported as an error anyway.
    out[key] = convert(pair.value as Node | null, child, depth, ctx, keyAt);
    if (pair.value === null || pair.value === undefined) record(ctx, child, keyAt, keyAt);
  }
  return out;
}

function applyMerge(pair: Pair, owner: Node, out: Record<string, unknown>, pointer: string, depth: number, ctx: DocContext): void {
  const v = pair.value as Node | null;
  const sources: Node[] = isSeq(v) ? (v.items as Node[]) : v ? [v] : [];
  for (let s = sources.length - 1; s >= 0 && !ctx.abort; s--) {
    const src = sources[s]!;
    const resolved = isAlias(src) ? (src.resolve(ctx.doc) as Node | undefined) : src;
    if (!isMap(resolved)) {
      ctx.issues.push(loadIssue('load/invalid-merge', {}, { position: pos(ctx, Math.max(0, startOf(src) >= 0 ? startOf(src) : startOf(owner))), pointer }));
      continue;
    }
    if (isAlias(src)) {
      ctx.state.aliasCount++;
      if (ctx.state.aliasCount > ctx.state.maxAliases) {
        abort(ctx, 'aliases', src);
        return;
      }
    }
    const merged = convertPairs(resolved.items as Pair[], resolved as Node, pointer, depth, ctx);
    for (const k of Object.keys(merged)) out[k] = merged[k];
  }
}

function keyString(key: Node | null, pointer: string, ctx: DocContext): string | undefined {
  if (key === null || key === undefined) return 'null';
  let k: Node | undefined = key;
  if (isAlias(k)) k = k.resolve(ctx.doc) as Node | undefined;
  if (isScalar(k)) {
    const v = scalarValue(k, pointer, ctx, true);
    return v === null ? 'null' : String(v);
  }
  ctx.issues.push(loadIssue('load/unsupported-key', {}, { position: pos(ctx, Math.max(0, startOf(key))), pointer }));
  return undefined;
}

function scalarValue(node: Scalar, pointer: string, ctx: DocContext, asKey: boolean): unknown {
  const v = node.value;
  if (typeof v === 'string') {
    if (ctx.state.yaml11 && node.type === 'PLAIN' && YAML11_BOOLEANS.has(v)) {
      ctx.issues.push(loadIssue('load/yaml11-boolean', { text: v, asKey }, { position: pos(ctx, Math.max(0, startOf(node))), pointer }));
    }
    return v;
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v))) {
      const text = node.source ?? String(v);
      ctx.issues.push(loadIssue('load/number-out-of-range', { text }, { position: pos(ctx, Math.max(0, startOf(node))), pointer }));
    }
    return v;
  }
  if (typeof v === 'boolean' || v === null) return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'symbol') return '<<';
  // Tagged values the core schema does not know (e.g. !!binary) stay as their source text.
  return node.source ?? String(v);
}
