import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSubmission } from './load-submission.ts';

const made: string[] = [];
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Creates a temp folder with the given files (string or bytes) and returns its path. */
function folder(files: Record<string, string | Uint8Array> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kubegrade-load-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(dir, rel);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
  }
  return dir;
}

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n';
const codesOf = (dir: string, opts = {}) => loadSubmission(dir, opts).issues.map((i) => [i.code, i.file]);

describe('loadSubmission: walking', () => {
  it('reads manifests and commands.sh sorted by relative path with / separators', () => {
    const dir = folder({
      'z.yaml': POD,
      'k8s/svc.yml': 'kind: Service\n',
      'a.json': '{"kind": "Pod"}',
      'commands.sh': 'kubectl apply -f .\n',
      'k8s-x.yml': 'kind: X\n',
    });
    const r = loadSubmission(dir);
    expect(r.root).toBe(path.resolve(dir));
    expect(r.issues).toEqual([]);
    expect(r.files).toEqual([
      { path: 'a.json', size: 15, role: 'manifest' },
      { path: 'commands.sh', size: 19, role: 'script' },
      { path: 'k8s-x.yml', size: 8, role: 'manifest' },
      { path: 'k8s/svc.yml', size: 14, role: 'manifest' },
      { path: 'z.yaml', size: POD.length, role: 'manifest' },
    ]);
    expect(r.documents.map((d) => [d.file, d.format])).toEqual([
      ['a.json', 'json'],
      ['k8s-x.yml', 'yaml'],
      ['k8s/svc.yml', 'yaml'],
      ['z.yaml', 'yaml'],
    ]);
    expect(r.scripts).toEqual([{ file: 'commands.sh', text: 'kubectl apply -f .\n' }]);
  });

  it('skips dot-folders, dot-files and node_modules silently', () => {
    const dir = folder({ '.git/config.yml': 'a: 1\n', 'node_modules/x/p.yml': 'a: 1\n', '.gitkeep': '', 'pod.yml': POD });
    const r = loadSubmission(dir);
    expect(r.files.map((f) => f.path)).toEqual(['pod.yml']);
    expect(r.issues).toEqual([]);
  });

  it('marks other files ignored with an info issue', () => {
    const r = loadSubmission(folder({ 'notes.txt': 'hi', 'pod.yml': POD }));
    expect(r.files.find((f) => f.path === 'notes.txt')!.role).toBe('ignored');
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/ignored-file', severity: 'info', file: 'notes.txt' });
    expect(r.issues[0]!.message).toBe('notes.txt is not a manifest (.yml, .yaml, .json) or commands.sh; it was not graded');
  });

  it('uses options.accept, making other accepted files scripts', () => {
    const r = loadSubmission(folder({ 'pod.yml': POD, 'run.sh': 'echo\n', 'commands.sh': 'x\n' }), { accept: ['*.yml', '*.sh'] });
    expect(r.files.map((f) => [f.path, f.role])).toEqual([
      ['commands.sh', 'script'],
      ['pod.yml', 'manifest'],
      ['run.sh', 'script'],
    ]);
  });

  it('reports a missing folder instead of throwing', () => {
    const r = loadSubmission(path.join(os.tmpdir(), 'kubegrade-does-not-exist-4711'));
    expect(r.issues.map((i) => i.code)).toEqual(['load/not-a-folder']);
    expect(r.files).toEqual([]);
  });

  it('throws a TypeError naming a bad option', () => {
    expect(() => loadSubmission(folder(), { maxFiles: -1 })).toThrow(/LoadOptions\.maxFiles/);
  });
});

describe('loadSubmission: symlinks', () => {
  it('rejects a symlink that resolves outside the folder', () => {
    const outside = folder({ 'secret.yml': 'a: 1\n' });
    const dir = folder({ 'pod.yml': POD });
    fs.symlinkSync(path.join(outside, 'secret.yml'), path.join(dir, 'link.yml'));
    fs.symlinkSync(outside, path.join(dir, 'linkdir'));
    const r = loadSubmission(dir);
    expect(r.files.map((f) => [f.path, f.role])).toEqual([
      ['link.yml', 'rejected'],
      ['linkdir', 'rejected'],
      ['pod.yml', 'manifest'],
    ]);
    expect(r.issues.map((i) => [i.code, i.severity, i.file])).toEqual([
      ['load/symlink-outside', 'error', 'link.yml'],
      ['load/symlink-outside', 'error', 'linkdir'],
    ]);
    expect(r.documents.map((d) => d.file)).toEqual(['pod.yml']);
  });

  it('follows a symlink inside the folder and never loops on a cycle', () => {
    const dir = folder({ 'k8s/pod.yml': POD });
    fs.symlinkSync(path.join(dir, 'k8s'), path.join(dir, 'k8s', 'again'));
    fs.symlinkSync(path.join(dir, 'k8s', 'pod.yml'), path.join(dir, 'alias.yml'));
    const r = loadSubmission(dir);
    expect(r.files.map((f) => f.path)).toEqual(['alias.yml', 'k8s/pod.yml']);
    expect(r.issues).toEqual([]);
  });

  it('reports a broken symlink', () => {
    const dir = folder();
    fs.symlinkSync(path.join(dir, 'nowhere.yml'), path.join(dir, 'broken.yml'));
    expect(codesOf(dir)).toEqual([['load/broken-symlink', 'broken.yml']]);
  });
});

describe('loadSubmission: limits', () => {
  it('rejects a file over maxFileBytes without reading it', () => {
    const r = loadSubmission(folder({ 'big.yml': `a: ${'x'.repeat(200)}\n`, 'pod.yml': POD }), { maxFileBytes: 100 });
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['load/file-too-large', 'big.yml']]);
    expect(r.files[0]).toEqual({ path: 'big.yml', size: 204, role: 'rejected' });
  });

  it('rejects the files past maxTotalBytes', () => {
    const r = loadSubmission(folder({ 'a.yml': POD, 'b.yml': POD, 'c.yml': POD }), { maxTotalBytes: POD.length * 2 });
    expect(r.issues.map((i) => [i.code, i.file])).toEqual([['load/submission-too-large', 'c.yml']]);
    expect(r.documents).toHaveLength(2);
  });

  it('stops after maxFiles files', () => {
    const r = loadSubmission(folder({ 'a.yml': POD, 'b.yml': POD, 'c.yml': POD }), { maxFiles: 2 });
    expect(r.issues.map((i) => i.code)).toEqual(['load/too-many-files']);
    expect(r.files).toHaveLength(2);
  });

  it('stops after maxDocuments documents across files', () => {
    const two = `${POD}---\n${POD}`;
    const r = loadSubmission(folder({ 'a.yml': two, 'b.yml': two, 'c.yml': POD }), { maxDocuments: 3 });
    expect(r.documents.map((d) => `${d.file}#${d.index}`)).toEqual(['a.yml#0', 'a.yml#1', 'b.yml#0']);
    expect(r.issues.map((i) => [i.code, i.file, i.line])).toEqual([
      ['load/too-many-documents', 'b.yml', 6],
      ['load/too-many-documents', 'c.yml', undefined],
    ]);
    expect(r.issues[0]!.params).toMatchObject({ limit: 3 });
  });
});

describe('loadSubmission: content checks', () => {
  it('warns about an empty file', () => {
    expect(codesOf(folder({ 'pod.yml': '' }))).toEqual([['load/empty-file', 'pod.yml']]);
  });

  it('warns about a comments-only manifest', () => {
    expect(codesOf(folder({ 'pod.yml': '# TODO\n' }))).toEqual([['load/empty-file', 'pod.yml']]);
  });

  it('rejects a binary file with NUL bytes', () => {
    const r = loadSubmission(folder({ 'pod.yml': new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]) }));
    expect(r.issues.map((i) => [i.code, i.severity, i.file])).toEqual([['load/binary-file', 'error', 'pod.yml']]);
    expect(r.documents).toEqual([]);
  });

  it('rejects a file that is mostly control characters', () => {
    const bytes = new Uint8Array(100).fill(0x01);
    expect(codesOf(folder({ 'pod.yml': bytes }))).toEqual([['load/binary-file', 'pod.yml']]);
  });

  it('reports the line and column of the first non-UTF-8 byte', () => {
    // "kind: Pod\nname: caf\xe9\n" written in Latin-1
    const bytes = new Uint8Array([...Buffer.from('kind: Pod\nname: caf'), 0xe9, 0x0a]);
    const r = loadSubmission(folder({ 'pod.yml': bytes }));
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'load/not-utf8', severity: 'error', file: 'pod.yml', line: 2, column: 10 });
    expect(r.issues[0]!.message).toContain('line 2, column 10');
  });

  it('counts columns in characters before a bad byte', () => {
    const bytes = new Uint8Array([...Buffer.from('a: ü'), 0xff]);
    expect(loadSubmission(folder({ 'p.yml': bytes })).issues[0]).toMatchObject({ code: 'load/not-utf8', line: 1, column: 5 });
  });

  it('names UTF-16 files as such', () => {
    const r = loadSubmission(folder({ 'pod.yml': Buffer.from('\uFEFFkind: Pod\n', 'utf16le') }));
    expect(r.issues[0]).toMatchObject({ code: 'load/not-utf8', file: 'pod.yml' });
    expect(r.issues[0]!.message).toContain('UTF-16 LE');
  });

  it('accepts a UTF-8 BOM and CRLF line endings', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('kind: Pod\r\nmetadata:\r\n  name: web\r\n')]);
    const r = loadSubmission(folder({ 'pod.yml': bytes }));
    expect(r.issues).toEqual([]);
    expect(r.documents[0]!.value).toEqual({ kind: 'Pod', metadata: { name: 'web' } });
    expect(r.documents[0]!.positionOf('/metadata/name')).toEqual({ file: 'pod.yml', line: 3, column: 9 });
  });

  it('passes parse issues through with the relative file name', () => {
    const r = loadSubmission(folder({ 'k8s/pod.yml': 'kind: Pod\nkind: Pod\n' }));
    expect(r.issues.map((i) => [i.code, i.file, i.line])).toEqual([['load/duplicate-key', 'k8s/pod.yml', 2]]);
  });
});

describe('exclude option', () => {
  it('skips excluded file names silently (harness metadata such as mutant.yaml)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { loadSubmission } = await import('./load-submission.ts');
    const dir = mkdtempSync(join(tmpdir(), 'kubegrade-exclude-'));
    writeFileSync(join(dir, 'mutant.yaml'), 'description: x\nfails: [a]\n');
    writeFileSync(join(dir, 'pod.yml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n');
    const loaded = loadSubmission(dir, { exclude: ['mutant.yaml'] });
    expect(loaded.files.map((f) => f.path)).toEqual(['pod.yml']);
    expect(loaded.documents).toHaveLength(1);
    expect(loaded.issues).toEqual([]);
    expect(() => loadSubmission(dir, { exclude: [''] })).toThrow('LoadOptions.exclude must be an array of non-empty file-name globs');
  });
});
