import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Issue } from '../core/issue.ts';
import { decodeText } from './decode-text.ts';
import { compileGlobs } from './glob.ts';
import { loadIssue } from './messages.ts';
import { resolveLoadOptions } from './options.ts';
import type { ResolvedLoadOptions } from './options.ts';
import { parseManifestText, withFile } from './parse-manifest.ts';
import type { LoadedSubmission, LoadOptions, ManifestDocument, ScriptFile, SubmissionFile } from './types.ts';

/** A file found by the walk: where it really is, or why it was rejected before reading. */
interface Found {
  rel: string;
  real?: string;
  size: number;
  rejected?: Issue;
}

const SKIPPED_DIRS = new Set(['node_modules']);

/** Reads a submission folder safely into documents, scripts and load issues (never throws on learner input). */
export function loadSubmission(dir: string, options?: LoadOptions): LoadedSubmission {
  const opts = resolveLoadOptions(options);
  const root = path.resolve(dir);
  const out: LoadedSubmission = { root, files: [], documents: [], scripts: [], issues: [] };
  let realRoot: string;
  try {
    realRoot = fs.realpathSync(root);
    if (!fs.statSync(realRoot).isDirectory()) throw new Error('it is not a folder');
  } catch (e) {
    out.issues.push(loadIssue('load/not-a-folder', { dir: root, reason: reasonOf(e) }));
    return out;
  }

  const found = walk(realRoot, opts, out.issues);
  found.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  const accepted = compileGlobs(opts.accept);
  const excluded = compileGlobs(opts.exclude);
  let total = 0;
  let documentBudget = opts.maxDocuments;
  for (const f of found) {
    if (excluded(f.rel.slice(f.rel.lastIndexOf('/') + 1))) continue;
    const entry: SubmissionFile = { path: f.rel, size: f.size, role: 'rejected' };
    out.files.push(entry);
    if (f.rejected) {
      out.issues.push(f.rejected);
      continue;
    }
    const base = f.rel.slice(f.rel.lastIndexOf('/') + 1);
    if (!accepted(base)) {
      entry.role = 'ignored';
      out.issues.push(withFile(loadIssue('load/ignored-file', { file: f.rel, accepted: opts.accept }), f.rel));
      continue;
    }
    if (f.size > opts.maxFileBytes) {
      out.issues.push(withFile(loadIssue('load/file-too-large', { file: f.rel, size: f.size, limit: opts.maxFileBytes }), f.rel));
      continue;
    }
    if (total + f.size > opts.maxTotalBytes) {
      out.issues.push(
        withFile(loadIssue('load/submission-too-large', { file: f.rel, total: total + f.size, limit: opts.maxTotalBytes }), f.rel),
      );
      continue;
    }
    const bytes = readAtMost(f.real!, Math.min(opts.maxFileBytes + 1, f.size + 1));
    if (!(bytes instanceof Uint8Array)) {
      out.issues.push(withFile(loadIssue('load/unreadable', { file: f.rel, reason: bytes.reason }), f.rel));
      continue;
    }
    if (bytes.length > opts.maxFileBytes) {
      // The file grew after it was measured.
      out.issues.push(withFile(loadIssue('load/file-too-large', { file: f.rel, size: bytes.length, limit: opts.maxFileBytes }), f.rel));
      continue;
    }
    total += bytes.length;
    entry.size = bytes.length;
    const isManifest = /\.(ya?ml|json)$/i.test(base);
    if (bytes.length === 0) {
      entry.role = isManifest ? 'manifest' : 'script';
      out.issues.push(withFile(loadIssue('load/empty-file', { file: f.rel }), f.rel));
      continue;
    }
    const decoded = decodeText(f.rel, bytes);
    if (!decoded.ok) {
      out.issues.push(decoded.issue);
      continue;
    }
    if (!isManifest) {
      entry.role = 'script';
      const script: ScriptFile = { file: f.rel, text: decoded.text };
      out.scripts.push(script);
      if (decoded.text.trim() === '') out.issues.push(withFile(loadIssue('load/empty-file', { file: f.rel }), f.rel));
      continue;
    }
    entry.role = 'manifest';
    if (documentBudget <= 0) {
      out.issues.push(withFile(loadIssue('load/too-many-documents', { file: f.rel, limit: opts.maxDocuments }), f.rel));
      continue;
    }
    const parsed = parseManifestText(f.rel, decoded.text, { ...opts, maxDocuments: documentBudget });
    // The per-file parse reports the limit in terms of the remaining budget; restate it for the submission.
    for (const issue of parsed.issues) {
      out.issues.push(
        issue.code === 'load/too-many-documents'
          ? { ...loadIssue('load/too-many-documents', { file: f.rel, limit: opts.maxDocuments }), ...pick(issue) }
          : issue,
      );
    }
    const docs: ManifestDocument[] = parsed.documents;
    out.documents.push(...docs);
    documentBudget -= docs.length;
    if (parsed.issues.some((i) => i.code === 'load/too-many-documents')) documentBudget = 0;
  }
  return out;
}

function pick(issue: Issue): Partial<Issue> {
  const p: Partial<Issue> = {};
  if (issue.file !== undefined) p.file = issue.file;
  if (issue.line !== undefined) p.line = issue.line;
  if (issue.column !== undefined) p.column = issue.column;
  return p;
}

/** Walks the folder depth-first (sorted later); never leaves the root through a symlink, never loops. */
function walk(realRoot: string, opts: ResolvedLoadOptions, issues: Issue[]): Found[] {
  const found: Found[] = [];
  const visited = new Set<string>([realRoot]);
  const maxDirs = Math.max(1, opts.maxFiles) * 4;
  let dirs = 0;
  let stopped = false;
  const stop = (): void => {
    if (!stopped) issues.push(loadIssue('load/too-many-files', { limit: opts.maxFiles }));
    stopped = true;
  };
  const add = (f: Found): void => {
    if (found.length >= opts.maxFiles) stop();
    else found.push(f);
  };
  const visit = (realDir: string, relDir: string): void => {
    if (stopped) return;
    if (++dirs > maxDirs) return stop();
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(realDir, { withFileTypes: true });
    } catch (e) {
      issues.push(withFile(loadIssue('load/unreadable', { file: relDir || '.', reason: reasonOf(e) }), relDir || '.'));
      return;
    }
    const names = entries.map((e) => e.name).sort();
    const byName = new Map(entries.map((e) => [e.name, e]));
    for (const name of names) {
      if (stopped) return;
      // Hidden entries (.git, .DS_Store, .gitkeep) and node_modules are never part of an answer.
      if (name.startsWith('.') || SKIPPED_DIRS.has(name)) continue;
      const ent = byName.get(name)!;
      const rel = relDir ? `${relDir}/${name}` : name;
      const full = path.join(realDir, name);
      let real = full;
      if (ent.isSymbolicLink()) {
        try {
          real = fs.realpathSync(full);
        } catch {
          add({ rel, size: 0, rejected: withFile(loadIssue('load/broken-symlink', { file: rel }), rel) });
          continue;
        }
        if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
          add({ rel, size: 0, rejected: withFile(loadIssue('load/symlink-outside', { file: rel }), rel) });
          continue;
        }
      }
      let st: fs.Stats;
      try {
        st = fs.statSync(real);
      } catch (e) {
        add({ rel, size: 0, rejected: withFile(loadIssue('load/unreadable', { file: rel, reason: reasonOf(e) }), rel) });
        continue;
      }
      if (st.isDirectory()) {
        // A symlink to a folder already being walked (a cycle) or already walked is skipped.
        if (visited.has(real)) continue;
        visited.add(real);
        visit(real, rel);
      } else if (st.isFile()) {
        add({ rel, real, size: st.size });
      }
      // Sockets, pipes and devices are never read: reading a pipe could block forever.
    }
  };
  visit(realRoot, '');
  return found;
}

function readAtMost(file: string, limit: number): Uint8Array | { reason: string } {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.allocUnsafe(limit);
    let n = 0;
    while (n < limit) {
      const got = fs.readSync(fd, buf, n, limit - n, null);
      if (got === 0) break;
      n += got;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, n);
  } catch (e) {
    return { reason: reasonOf(e) };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function reasonOf(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'ENOENT') return 'it does not exist';
  if (e && typeof e === 'object' && 'code' in e && (e as { code: unknown }).code === 'EACCES') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}
