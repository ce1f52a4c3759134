import { readFileSync, statSync } from 'node:fs';
import { dirname, posix, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Issue } from '../core/issue.ts';
import { sortIssues } from '../core/issue.ts';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/index.ts';
import { findCourseRoot, openCourse } from '../grade/course.ts';
import { kubectlErrorText } from '../grade/status-message.ts';
import { getEvents, getNodes, getPods } from '../kubectl/index.ts';
import { loadSubmission, parseManifestText } from '../load/index.ts';
import type { ManifestDocument } from '../load/types.ts';
import { validateDocuments } from '../validate/index.ts';
import { runCommandScript } from '../script/run-script.ts';
import { fillUrl } from '../checks/url-template.ts';
import { intOption } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const simulateHelp = `Usage: kubegrade simulate PATH... [--then PATH...]... [options]

Applies manifests (files or folders) and runs kubectl command scripts (commands.sh) in order on a
fresh simulated cluster, runs it until it settles, applies the next --then group, and so on; then
prints what exists and the events. A folder with a commands.sh runs only that script, which applies
the folder's manifests itself (as when grading).

Options:
  --then PATH...     a further group of manifests, applied after the previous group settled
  --nodes N          number of nodes (default 3: node-1, node-2, node-3)
  --until SECONDS    longest simulated time to wait for each group to settle (default 300)
  --format FORMAT    text (default) or json
  --watch            with --format json: also print the store's change log
  --request [FROM=]URL  after the last group settled, send a request (repeatable);
                     FROM is outside (default) or pod/<name>, e.g. --request http://node-1:30080/;
                     the URL may name allocated values: {nodePort:SVC}, {clusterIP:SVC},
                     {loadBalancerIP:SVC}, {podIP:POD}
  --seed N           seed of the simulated cluster (default 1)
  -h, --help         show this help
`;

interface SimulateArgs {
  groups: string[][];
  nodes: number;
  until: number;
  format: 'text' | 'json';
  watch: boolean;
  seed: number;
  help: boolean;
  /** `--request [FROM=]URL`: FROM is `outside` (default) or `pod/<name>`. */
  requests: { from: 'outside' | { pod: string }; url: string; raw: string }[];
}

/** Splits simulate's arguments into manifest groups (separated by --then) and options. */
export function parseSimulateArgs(args: string[]): SimulateArgs {
  const out: SimulateArgs = { groups: [[]], nodes: 3, until: 300, format: 'text', watch: false, seed: 1, help: false, requests: [] };
  const valueOf = (i: number, name: string): string => {
    const v = args[i + 1];
    if (v === undefined || v.startsWith('--')) throw new CliError(`kubegrade simulate: option --${name} needs a value`);
    return v;
  };
  for (let i = 0; i < args.length; i++) {
    const raw = args[i]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const name = eq > 0 ? raw.slice(2, eq) : raw.startsWith('--') ? raw.slice(2) : raw === '-h' ? 'help' : undefined;
    const inline = eq > 0 ? raw.slice(eq + 1) : undefined;
    if (name === undefined) {
      out.groups[out.groups.length - 1]!.push(raw);
      continue;
    }
    const take = () => inline ?? valueOf(i++, name);
    switch (name) {
      case 'then':
        out.groups.push([]);
        break;
      case 'nodes':
        out.nodes = intOption('nodes', take(), 0, 5000)!;
        break;
      case 'until':
        out.until = intOption('until', take(), 1, 86400 * 30)!;
        break;
      case 'seed':
        out.seed = intOption('seed', take(), 0, 2 ** 31 - 1)!;
        break;
      case 'format': {
        const f = take();
        if (f !== 'text' && f !== 'json') throw new CliError(`--format must be text or json, got "${f}"`);
        out.format = f;
        break;
      }
      case 'watch':
        out.watch = true;
        break;
      case 'request':
        out.requests.push(parseRequestArg(take()));
        break;
      case 'help':
        out.help = true;
        break;
      default:
        throw new CliError(`kubegrade simulate: unknown option --${name}. See kubegrade simulate --help`);
    }
  }
  if (!out.help && out.groups.some((g) => g.length === 0)) throw new CliError('kubegrade simulate: every group needs at least one PATH (a manifest file or folder)');
  return out;
}

/** Parses `--request [FROM=]URL` (FROM: `outside` or `pod/<name>`). */
export function parseRequestArg(raw: string): SimulateArgs['requests'][number] {
  const m = /^(outside|pod\/[a-z0-9.-]+)=(.+)$/.exec(raw);
  const fromText = m ? m[1]! : 'outside';
  const url = m ? m[2]! : raw;
  if (!/^(http|udp):\/\/[^/\s]+/.test(url)) throw new CliError(`--request needs [FROM=]URL with an http:// or udp:// URL, got "${raw}"`);
  return { from: fromText === 'outside' ? 'outside' : { pod: fromText.slice(4) }, url, raw };
}

/** Runs `kubegrade simulate`. */
export function simulateCommand(args: string[], io: CliIo): number {
  const opts = parseSimulateArgs(args);
  if (opts.help) {
    io.stdout(simulateHelp);
    return 0;
  }
  const root = findCourseRoot(io.cwd) ?? findCourseRoot(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new CliError('no image catalogue found (exercises/images.yaml)');
  const course = openCourse(root);
  const cluster = createCluster({ nodes: opts.nodes, images: course.images, seed: opts.seed });
  const diagnostics: Issue[] = [];
  const log: string[] = [];
  const commands: { file: string; line: number; command: string; output: string; exitCode: number }[] = [];
  const applyDocs = (docs: ManifestDocument[]) => {
    const validation = validateDocuments(docs);
    diagnostics.push(...validation.issues);
    for (const { object, doc } of validation.resources) {
      const res = cluster.apply(object);
      if (res.ok && res.object) log.push(`${resourceName(res.object)} ${res.verb ?? 'created'}`);
      else if (res.error) {
        const text = kubectlErrorText(res.error, doc.file);
        log.push(text);
        diagnostics.push({ code: 'apply/rejected', severity: 'error', message: text, file: doc.file, line: doc.start.line, column: doc.start.column });
      }
      for (const w of res.warnings) log.push(`Warning: ${w}`);
    }
  };
  const runScript = (file: string, text: string, docs: ManifestDocument[]) => {
    const valid = new Set(validateDocuments(docs).resources.map((r) => r.doc));
    const run = runCommandScript(file, text, {
      cluster,
      readManifests: (path) => readScriptPath(path, file, docs, valid),
      settle: () => void cluster.runUntilSettled({ horizonSeconds: 60 }),
    });
    diagnostics.push(...run.issues);
    for (const c of run.commands) {
      const command = ['kubectl', ...c.argv].join(' ');
      const output = c.stdout + c.stderr;
      commands.push({ file: c.file, line: c.line, command, output, exitCode: c.exitCode });
      log.push(`$ ${command}`, ...(output ? [output.trimEnd()] : []));
    }
  };
  let settle = cluster.runUntilSettled({ horizonSeconds: opts.until });
  for (const group of opts.groups) {
    for (const p of group) {
      const input = loadPath(resolve(io.cwd, p), io.cwd, diagnostics);
      if (input.scripts.length > 0) for (const sc of input.scripts) runScript(sc.file, sc.text, input.documents);
      else applyDocs(input.documents);
    }
    settle = cluster.runUntilSettled({ horizonSeconds: opts.until });
  }
  const requests = opts.requests.map((r) => {
    const filled = fillUrl(r.url, cluster);
    const res = filled.ok ? cluster.request({ from: r.from }, filled.url) : { ok: false, error: filled.reason, path: [] as string[], status: undefined, body: undefined, servedBy: undefined };
    return {
      from: r.from === 'outside' ? 'outside' : `pod/${r.from.pod}`,
      url: filled.ok ? filled.url : r.url,
      ok: res.ok,
      ...(res.status !== undefined ? { status: res.status } : {}),
      ...(res.body !== undefined ? { body: res.body } : {}),
      ...(res.servedBy ? { servedBy: { pod: res.servedBy.pod, container: res.servedBy.container } } : {}),
      ...(res.error !== undefined ? { error: res.error } : {}),
      path: res.path,
    };
  });
  const now = cluster.timestamp();
  if (opts.format === 'json') {
    const out: Record<string, unknown> = {
      schemaVersion: 1,
      settled: settle.settled,
      time: now,
      elapsedSeconds: settle.time / 1000,
      diagnostics: sortIssues(diagnostics).map(({ code, severity, message, hint, file, line, column }) => ({ code, severity, message, hint, file, line, column })),
      objects: allObjects(cluster),
      events: cluster.events().map(eventSummary),
      requests,
      commands,
    };
    if (opts.watch) out.watch = cluster.watchLog().map((w) => ({ time: timeAt(now, settle.time, w.time), type: w.type, object: w.object }));
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    const parts: string[] = [];
    for (const d of sortIssues(diagnostics)) if (d.severity !== 'info') parts.push(`${d.severity}: ${d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ''}: ` : ''}${d.message}`);
    parts.push(...log, '');
    parts.push(`Simulated ${settle.time / 1000}s; ${settle.settled ? 'the cluster settled' : `the cluster was still changing (${settle.reason})`}.`, '');
    parts.push('$ kubectl get nodes', getNodes(cluster.list('Node'), { now }).stdout);
    const pods = cluster.list('Pod', undefined);
    parts.push('$ kubectl get pods -A -o wide', pods.length ? getPods(pods, { now, wide: true, allNamespaces: true }).stdout : 'No resources found\n');
    parts.push('$ kubectl get events -A', getEvents(cluster.events(), { now }).stdout || 'No events found\n');
    for (const r of requests) {
      parts.push(`$ curl ${r.url}   # from ${r.from}`, r.ok ? `HTTP ${r.status ?? ''}${r.servedBy ? ` (answered by pod/${r.servedBy.pod}, container ${r.servedBy.container})` : ''}\n${r.body ?? ''}` : `error: ${r.error ?? 'no answer'}`, '');
    }
    io.stdout(parts.join('\n'));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function loadPath(abs: string, cwd: string, diagnostics: Issue[]): { documents: ManifestDocument[]; scripts: { file: string; text: string }[] } {
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new CliError(`no such file or folder: ${relative(cwd, abs) || abs}`);
  }
  const shown = relative(cwd, abs) || '.';
  if (st.isDirectory()) {
    const loaded = loadSubmission(abs);
    const prefix = (file: string) => (shown === '.' ? file : `${shown}/${file}`);
    diagnostics.push(...loaded.issues.map((i) => (i.file ? { ...i, file: prefix(i.file) } : i)));
    return {
      documents: loaded.documents.map((d) => ({ ...d, file: prefix(d.file) })),
      scripts: loaded.scripts.map((sc) => ({ file: prefix(sc.file), text: sc.text })),
    };
  }
  if (st.size > 1024 * 1024) throw new CliError(`${shown} is larger than 1 MiB`);
  const text = readFileSync(abs, 'utf8');
  if (abs.endsWith('.sh')) {
    // A script's -f paths are read relative to its folder, through the safe loader.
    const folder = loadSubmission(dirname(abs));
    const base = relative(cwd, dirname(abs));
    const prefix = (file: string) => (base === '' ? file : `${base}/${file}`);
    return { documents: folder.documents.map((d) => ({ ...d, file: prefix(d.file) })), scripts: [{ file: shown, text }] };
  }
  const parsed = parseManifestText(shown, text);
  diagnostics.push(...parsed.issues);
  return { documents: parsed.documents, scripts: [] };
}

/** Serves a script's `-f PATH` (relative to the script's folder) from already loaded documents. */
function readScriptPath(path: string, scriptFile: string, docs: readonly ManifestDocument[], valid: ReadonlySet<ManifestDocument>) {
  const dir = posix.dirname(scriptFile);
  const rel = posix.normalize(posix.join(dir === '.' ? '' : dir, path.replace(/\/$/, '')));
  if (rel.startsWith('..')) return { error: `error: the path "${path}" is outside the script's folder` };
  const matching = docs.filter((d) => rel === '.' || d.file === rel || d.file.startsWith(`${rel}/`));
  if (matching.length === 0) return { error: `error: the path "${path}" does not exist` };
  return { documents: matching.filter((d) => valid.has(d)), issues: [] };
}

function allObjects(cluster: ReturnType<typeof createCluster>): KubeObject[] {
  const kinds = ['Namespace', 'Node', 'Pod', 'Service', 'Endpoints', 'EndpointSlice', 'Deployment', 'ReplicaSet', 'ConfigMap'];
  return kinds.flatMap((k) => cluster.list(k));
}

function eventSummary(e: KubeObject) {
  const io = (e.involvedObject ?? {}) as { kind?: string; namespace?: string; name?: string };
  return {
    type: e.type,
    reason: e.reason,
    involvedObject: { kind: io.kind, namespace: io.namespace, name: io.name },
    message: e.message,
    count: e.count,
    firstTimestamp: e.firstTimestamp,
    lastTimestamp: e.lastTimestamp,
  };
}

function timeAt(nowIso: string, nowMs: number, atMs: number): string {
  return new Date(Date.parse(nowIso) - nowMs + atMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Names an object as kubectl prints it after apply: `pod/x`, `deployment.apps/x`. */
export function resourceName(obj: KubeObject): string {
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  return `${obj.kind.toLowerCase()}${group ? `.${group}` : ''}/${obj.metadata.name ?? ''}`;
}
