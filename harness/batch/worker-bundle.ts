/**
 * The batch worker's code, compiled once per process. Workers that registered tsx compiled every TypeScript module
 * again (~2.5 s per worker start); a bundle built once with esbuild (tsx's own compiler, so always installed with it)
 * starts in about 0.1 s. Packages stay outside the bundle, imported by the absolute file URL Node's resolver would
 * pick, so the bundle can live in a temporary folder. Anything that goes wrong falls back to tsx.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** How a worker thread runs the worker entry: a prebuilt bundle, or the TypeScript sources through tsx's loader. */
export type WorkerSource = { kind: 'bundle'; url: URL } | { kind: 'tsx'; reason: string };

/** `KUBEGRADE_WORKER_BUNDLE=0` turns bundling off (workers then register tsx, as before). */
export const BUNDLE_ENV = 'KUBEGRADE_WORKER_BUNDLE';

const builds = new Map<string, Promise<WorkerSource>>();

/** Returns the bundle of a worker entry module, building it on first use in this process (tsx with the reason when it cannot be built). */
export function workerSource(entry: URL): Promise<WorkerSource> {
  if (process.env[BUNDLE_ENV] === '0') return Promise.resolve({ kind: 'tsx', reason: `${BUNDLE_ENV}=0` });
  let hit = builds.get(entry.href);
  if (!hit) {
    hit = buildBundle(entry).catch((e: unknown) => ({ kind: 'tsx', reason: `the worker bundle could not be built: ${describe(e)}` }) as const);
    builds.set(entry.href, hit);
  }
  return hit;
}

function describe(e: unknown): string {
  const first = (e as { errors?: { text?: string; location?: { file?: string; line?: number } }[] }).errors?.[0];
  if (first?.text) return `${first.text}${first.location?.file ? ` (${first.location.file}:${first.location.line ?? 0})` : ''}`;
  return e instanceof Error ? e.message : String(e);
}

// The subset of esbuild's API used here (typed locally: esbuild is tsx's dependency, not ours).
interface ResolveArgs {
  path: string;
  kind: string;
  resolveDir: string;
  pluginData?: { inner?: boolean };
}
interface PluginBuild {
  onResolve(options: { filter: RegExp }, callback: (args: ResolveArgs) => Promise<object | undefined>): void;
  onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => { contents: string; loader: 'ts' }): void;
  resolve(path: string, options: { kind: string; resolveDir: string; pluginData: { inner: true } }): Promise<{ path: string; external: boolean; errors: { text: string }[] }>;
}
type Build = (options: Record<string, unknown>) => Promise<{ outputFiles?: { text: string }[] }>;

async function loadEsbuild(): Promise<Build> {
  const tsx = createRequire(import.meta.url).resolve('tsx/package.json');
  const main = createRequire(tsx).resolve('esbuild');
  const mod = (await import(pathToFileURL(main).href)) as { build?: Build; default?: { build?: Build } };
  const build = mod.build ?? mod.default?.build;
  if (typeof build !== 'function') throw new Error('esbuild has no build function');
  return build;
}

async function buildBundle(entry: URL): Promise<WorkerSource> {
  const build = await loadEsbuild();
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    // Node's ESM conditions ("import", "node", "default") and no "module" field: the files Node itself would load.
    conditions: ['node'],
    mainFields: ['main'],
    // No keepNames: it wraps every function and closure the engine creates in a naming call (measured:
    // about 5% of a worker's time). Nothing reads function names; error classes set their own `name`.
    logLevel: 'silent',
    plugins: [{ name: 'kubegrade-worker', setup: setupPlugin }],
  });
  const text = result.outputFiles?.[0]?.text;
  if (!text) throw new Error('esbuild produced no output');
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-worker-'));
  const file = join(dir, 'worker.mjs');
  writeFileSync(file, text);
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return { kind: 'bundle', url: pathToFileURL(file) };
}

function setupPlugin(build: PluginBuild): void {
  // Packages: resolved where the importing source file would find them, imported by absolute file URL.
  build.onResolve({ filter: /^[^./]/ }, async (args) => {
    if (args.pluginData?.inner) return undefined;
    if (args.path.startsWith('node:')) return { path: args.path, external: true };
    const hit = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: { inner: true } });
    if (hit.errors.length > 0) return { errors: hit.errors };
    return { path: hit.external ? hit.path : pathToFileURL(hit.path).href, external: true };
  });
  // Our sources find their templates and data beside them: import.meta keeps naming the source file, not the bundle.
  build.onLoad({ filter: /\.[cm]?ts$/ }, (args) => ({ contents: pinImportMeta(readFileSync(args.path, 'utf8'), args.path), loader: 'ts' }));
}

/** Replaces `import.meta.url`, `.dirname` and `.filename` in a module's source by the values they have in the source file. */
export function pinImportMeta(source: string, file: string): string {
  const values: Record<string, string> = { url: pathToFileURL(file).href, dirname: dirname(file), filename: file };
  return source.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, key: string) => JSON.stringify(values[key]));
}
