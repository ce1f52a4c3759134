import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { fastParseYaml } from '../load/fast-yaml.ts';
import { compareText } from './layout.ts';

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_FILES = 200;

/** A file of a submission as the hashes see it: relative path and bytes (a symlink's bytes are its target path). */
export interface SubmissionEntry {
  path: string;
  bytes: Buffer;
  symlink: boolean;
}

/** Lists a submission folder's files in sorted order without following symlinks (missing folder → none). */
export function listSubmission(dir: string): SubmissionEntry[] {
  const out: SubmissionEntry[] = [];
  const walk = (abs: string, rel: string) => {
    let names: string[];
    try {
      names = readdirSync(abs).sort(compareText);
    } catch {
      return;
    }
    for (const name of names) {
      if (out.length >= MAX_FILES) return;
      const a = join(abs, name);
      const r = rel ? `${rel}/${name}` : name;
      const st = lstatSync(a, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isSymbolicLink()) out.push({ path: r, bytes: Buffer.from(`symlink:${readLinkSafe(a)}`), symlink: true });
      else if (st.isDirectory()) walk(a, r);
      else if (st.isFile()) out.push({ path: r, bytes: st.size > MAX_FILE_BYTES * 8 ? Buffer.from(`size:${st.size}`) : readFileSync(a), symlink: false });
    }
  };
  walk(dir, '');
  return out;
}

/** Hashes a list of named byte strings (sorted by name) into a hex digest. */
export function hashEntries(entries: readonly { path: string; bytes: Buffer | string }[]): string {
  const h = createHash('sha256');
  for (const e of [...entries].sort((a, b) => compareText(a.path, b.path))) {
    const bytes = typeof e.bytes === 'string' ? Buffer.from(e.bytes) : e.bytes;
    h.update(`${e.path}\0${bytes.length}\0`);
    h.update(bytes);
  }
  return h.digest('hex');
}

/** Canonical lines of a submission: each manifest leaf as `<exercise> <kind>/<name> <path> <json>`, each script line whitespace-collapsed. */
export function canonicalLines(exercise: string, entries: readonly SubmissionEntry[]): string[] {
  const lines: string[] = [];
  for (const e of entries) {
    if (e.symlink || e.bytes.length > MAX_FILE_BYTES || e.bytes.includes(0)) continue;
    const text = e.bytes.toString('utf8');
    if (/\.(ya?ml|json)$/i.test(e.path)) lines.push(...manifestLines(exercise, text));
    else if (/\.sh$/i.test(e.path)) {
      for (const raw of text.split(/\r?\n/)) {
        const line = raw.replace(/#.*$/, '').trim().replace(/\s+/g, ' ');
        if (line) lines.push(`${exercise} sh ${line}`);
      }
    }
  }
  return lines;
}

/** Reduces canonical lines to a sorted set of short hashes (what result.json stores for similarity). */
export function fingerprintOf(lines: readonly string[]): string[] {
  const set = new Set(lines.map((l) => createHash('sha256').update(l).digest('hex').slice(0, 16)));
  return [...set].sort(compareText);
}

function manifestLines(exercise: string, text: string): string[] {
  const lines: string[] = [];
  // Plain block YAML (most manifests) takes the loader's fast reader, which gives up on anything it cannot
  // read exactly as the full parser would; everything else is parsed in full below.
  const fast = fastParseYaml(text, 64);
  if (fast) {
    for (const doc of fast) addLines(exercise, doc.value, lines);
    return lines;
  }
  let docs;
  try {
    // maxAliasCount guards against alias bombs; an unparsable file simply contributes no lines.
    docs = parseAllDocuments(text, { logLevel: 'error' });
  } catch {
    return lines;
  }
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    addLines(exercise, value, lines);
  }
  return lines;
}

function addLines(exercise: string, value: unknown, lines: string[]): void {
  const rec = isRecord(value) ? value : {};
  const meta = isRecord(rec.metadata) ? rec.metadata : {};
  const prefix = `${exercise} ${String(rec.kind ?? '?')}/${String(meta.name ?? '?')}`;
  leaves(value, '', (path, leaf) => lines.push(`${prefix} ${path} ${JSON.stringify(leaf)}`));
}

function leaves(value: unknown, path: string, emit: (path: string, leaf: unknown) => void, depth = 0): void {
  if (depth > 64) return;
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}/${i}`, emit, depth + 1));
  else if (isRecord(value)) for (const k of Object.keys(value).sort(compareText)) leaves(value[k], `${path}/${k}`, emit, depth + 1);
  else emit(path, value ?? null);
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function readLinkSafe(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return '?';
  }
}
