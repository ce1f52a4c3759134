import type { Issue } from '../core/issue.ts';
import { loadIssue } from './messages.ts';

export type DecodeResult = { ok: true; text: string } | { ok: false; issue: Issue };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const lenient = new TextDecoder('utf-8');

/** Decodes a file's bytes as UTF-8 text (BOM stripped), or explains why it is not text. */
export function decodeText(file: string, bytes: Uint8Array): DecodeResult {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'UTF-16 LE' : 'UTF-16 BE';
    return { ok: false, issue: at(loadIssue('load/not-utf8', { file, line: 1, column: 1, encoding }), file, 1, 1) };
  }
  if (looksBinary(bytes)) return { ok: false, issue: at(loadIssue('load/binary-file', { file }), file) };
  let body = bytes;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) body = bytes.subarray(3);
  try {
    return { ok: true, text: utf8.decode(body) };
  } catch {
    const bad = firstInvalidUtf8(body);
    let lineStart = 0;
    let line = 1;
    for (let i = 0; i < bad; i++) {
      if (body[i] === 0x0a) {
        line++;
        lineStart = i + 1;
      }
    }
    const column = lenient.decode(body.subarray(lineStart, bad)).length + 1;
    return { ok: false, issue: at(loadIssue('load/not-utf8', { file, line, column }), file, line, column) };
  }
}

function at(issue: Issue, file: string, line?: number, column?: number): Issue {
  issue.file = file;
  if (line !== undefined) issue.line = line;
  if (column !== undefined) issue.column = column;
  return issue;
}

/** True when the bytes hold a NUL or are mostly control characters (in the first 8 KiB). */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    // Tab, LF, VT, FF, CR and ESC occur in text files.
    if (b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) control++;
  }
  return n > 0 && control / n > 0.1;
}

/** Returns the offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    let need = 0;
    let min = 0;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return b.length;
}
