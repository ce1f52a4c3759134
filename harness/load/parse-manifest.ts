/**
 * Manifest text → documents with a source map. Decisions (kubectl, i.e. go-yaml v2 / YAML 1.1, is the reference):
 * - Values follow the YAML 1.2 core schema of the `yaml` package; where kubectl reads a plain scalar
 *   differently (yes/no/on/off/y/n as booleans) we keep the string and warn (`load/yaml11-boolean`).
 * - Merge keys `<<` are applied (kubectl's YAML 1.1 parser merges them): explicit keys win, earlier sources win.
 * - A document the parser reports errors for is dropped (its value would be a guess); a document with
 *   duplicate keys is kept (the later value wins) but gets an error, since kubectl rejects the file.
 * - Documents that are too deep or use too many aliases are dropped, never expanded.
 * - Plain block YAML takes a fast path (fast-yaml.ts) that is differential-tested against the full parser.
 */
import { isScalar, LineCounter, parseAllDocuments } from 'yaml';
import type { Document } from 'yaml';
import type { Issue } from '../core/issue.ts';
import type { Position } from '../core/position.ts';
import { parentPointer } from './json-pointer.ts';
import { fastParseYaml } from './fast-yaml.ts';
import { scanJson } from './json-syntax.ts';
import { loadIssue } from './messages.ts';
import { resolveLoadOptions } from './options.ts';
import { findTabIndentedLines } from './text-checks.ts';
import type { LoadOptions, ManifestDocument } from './types.ts';
import { convertDocument } from './yaml-to-plain.ts';
import type { ConvertState, OffsetMap } from './yaml-to-plain.ts';

/** Parser errors reported per file; later ones are usually consequences of the first. */
const MAX_SYNTAX_ERRORS = 10;
/** Issues of one code reported per file. */
const MAX_PER_CODE = 20;

export interface ParsedManifest {
  documents: ManifestDocument[];
  issues: Issue[];
}

/** Parses the text of one manifest file (YAML, or JSON for `.json`) into documents with positions. */
export function parseManifestText(file: string, text: string, options?: LoadOptions): ParsedManifest {
  return parseWith(file, text, options, true);
}

/** Parses like `parseManifestText`, optionally without the fast path (the differential test compares both). */
export function parseWith(file: string, text: string, options: LoadOptions | undefined, allowFast: boolean): ParsedManifest {
  const opts = resolveLoadOptions(options);
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const format: 'yaml' | 'json' = /\.json$/i.test(file) ? 'json' : 'yaml';
  // Our own line index: the parser's LineCounter misses line breaks inside some malformed tokens.
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
  const at = (offset: number): Position => {
    const lp = lineCounter.linePos(Math.max(0, Math.min(offset, source.length)));
    return { file, line: lp.line, column: lp.col };
  };
  const issues: Issue[] = [];

  if (format === 'json' && source.trim() !== '') {
    const scan = scanJson(source, opts.maxDepth);
    const err = scan.error;
    if (!err && scan.tooDeepAt !== undefined) {
      // Checked before the yaml parser, whose recursion would overflow on very deep input.
      const pos = positionInText(file, source, scan.tooDeepAt);
      issues.push(loadIssue('load/too-deep', { file, limit: opts.maxDepth }, { position: pos }));
      return { documents: [], issues };
    }
    if (err) {
      // The line counter is only filled by the yaml parser, so count lines here.
      const pos = positionInText(file, source, err.offset);
      issues.push(loadIssue('load/json-syntax', { file, reason: err.reason, line: pos.line, column: pos.column }, { position: pos }));
      return { documents: [], issues };
    }
  }

  if (format === 'yaml' && allowFast) {
    const fast = fastParseYaml(source, opts.maxDepth);
    if (fast && fast.length <= opts.maxDocuments) {
      return {
        documents: fast.map((d, index) => makeDocument(file, index, format, d.value, at(d.start), d.offsets, at, source)),
        issues,
      };
    }
  }

  const docs = parseAllDocuments(source, {
    merge: true,
    uniqueKeys: false,
    prettyErrors: false,
  });
  // yaml's maxAliasCount only guards its own toJS(); our converter counts every alias expansion
  // (nested ones included) against maxAliases instead, which stops a billion-laughs bomb early.
  const list: Document[] = Array.isArray(docs) ? (docs as Document[]) : [];

  const tabLines = format === 'yaml' ? findTabIndentedLines(source, list) : [];
  for (const line of tabLines) {
    issues.push(loadIssue('load/tab-indent', { file, line }, { position: { file, line, column: 1 } }));
  }

  const state: ConvertState = {
    file,
    lineCounter,
    maxDepth: opts.maxDepth,
    maxAliases: opts.maxAliases,
    aliasCount: 0,
    yaml11: format === 'yaml',
  };
  const documents: ManifestDocument[] = [];
  let nonEmpty = 0;
  let tooMany = false;
  let tooDeep = false;
  let syntaxErrors = 0;
  list.forEach((doc, index) => {
    for (const e of doc.errors) {
      if (e.code === 'TAB_AS_INDENT' && tabLines.length > 0) continue;
      if (syntaxErrors >= MAX_SYNTAX_ERRORS) break;
      if (e.message.includes('call stack')) {
        // The parser recovered from a stack overflow on extremely deep nesting: report that once.
        if (!tooDeep) issues.push(loadIssue('load/too-deep', { file, limit: opts.maxDepth }, { position: at(e.pos[0]) }));
        tooDeep = true;
        continue;
      }
      syntaxErrors++;
      const p = at(e.pos[0]);
      issues.push(
        loadIssue(
          format === 'json' ? 'load/json-syntax' : 'load/yaml-syntax',
          { file, reason: e.message, line: p.line, column: p.column, yamlCode: e.code },
          { position: p },
        ),
      );
    }
    for (const w of doc.warnings) {
      const p = at(w.pos[0]);
      issues.push(loadIssue('load/yaml-warning', { file, reason: w.message, line: p.line, column: p.column }, { position: p }));
    }
    const contents = doc.contents;
    const empty = contents === null || (isScalar(contents) && contents.value === null);
    if (empty) return;
    nonEmpty++;
    // A document the parser could not read is not graded: its value would be a guess.
    if (doc.errors.length > 0) return;
    const converted = convertDocument(doc, state);
    issues.push(...converted.issues);
    if (converted.aborted) return;
    const start = at(contents.range?.[0] ?? 0);
    const value = converted.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      const got = Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value} (${JSON.stringify(value)?.slice(0, 40)})`;
      issues.push(loadIssue('load/not-an-object', { file, index, got }, { position: start, pointer: '' }));
      return;
    }
    if (documents.length >= opts.maxDocuments) {
      if (!tooMany) issues.push(loadIssue('load/too-many-documents', { file, limit: opts.maxDocuments }, { position: start }));
      tooMany = true;
      return;
    }
    documents.push(makeDocument(file, index, format, value, start, converted.offsets, at, source));
  });
  if (nonEmpty === 0 && !issues.some((i) => i.severity === 'error')) issues.push(withFile(loadIssue('load/empty-file', { file }), file));
  return { documents, issues: capPerCode(issues) };
}

/** Keeps the first MAX_PER_CODE issues of each code: a hostile file must not flood the report. */
function capPerCode(issues: Issue[]): Issue[] {
  const counts = new Map<string, number>();
  return issues.filter((i) => {
    const n = (counts.get(i.code) ?? 0) + 1;
    counts.set(i.code, n);
    return n <= MAX_PER_CODE;
  });
}

function makeDocument(
  file: string,
  index: number,
  format: 'yaml' | 'json',
  value: object,
  start: Position,
  offsets: OffsetMap,
  at: (offset: number) => Position,
  source: string,
): ManifestDocument {
  return {
    file,
    index,
    format,
    value,
    start,
    source,
    positionOf(pointer: string): Position {
      let p: string | undefined = typeof pointer === 'string' && (pointer === '' || pointer.startsWith('/')) ? pointer : '';
      while (p !== undefined) {
        const hit = offsets.get(p);
        if (hit) return at(hit[0]);
        p = parentPointer(p);
      }
      return start;
    },
    keyPositionOf(pointer: string): Position | undefined {
      const hit = offsets.get(pointer);
      return hit && hit[1] >= 0 ? at(hit[1]) : undefined;
    },
  };
}

/** Returns the 1-based line and column of a UTF-16 offset in `text`. */
export function positionInText(file: string, text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const end = Math.max(0, Math.min(offset, text.length));
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { file, line, column: end - lineStart + 1 };
}

/** Sets the file of an issue that has no line (a whole-file issue). */
export function withFile(issue: Issue, file: string): Issue {
  issue.file = file;
  return issue;
}
