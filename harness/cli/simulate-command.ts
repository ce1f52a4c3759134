import { readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
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
import { intOption } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const simulateHelp = `Usage: kubegrade simulate PATH... [--then PATH...]... [options]

Applies manifests (files or folders) to a fresh simulated cluster, runs it until it settles,
applies the next --then group, and so on; then prints what exists and the events.

Options:
  --then PATH...     a further group of manifests, applied after the previous group settled
  --nodes N          number of nodes (default 3: node-1, node-2, node-3)
  --until SECONDS    longest simulated time to wait for each group to settle (default 300)
  --format FORMAT    text (default) or json
  --watch            with --format json: also print the store's change log
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
}

/** Splits simulate's arguments into manifest groups (separated by --then) and options. */
export function parseSimulateArgs(args: string[]): SimulateArgs {
  const out: SimulateArgs = { groups: [[]], nodes: 3, until: 300, format: 'text', watch: false, seed: 1, help: false };
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
  let settle = cluster.runUntilSettled({ horizonSeconds: opts.until });
  for (const group of opts.groups) {
    const docs = group.flatMap((p) => loadPath(resolve(io.cwd, p), io.cwd, diagnostics));
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
    settle = cluster.runUntilSettled({ horizonSeconds: opts.until });
  }
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
    io.stdout(parts.join('\n'));
  }
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function loadPath(abs: string, cwd: string, diagnostics: Issue[]): ManifestDocument[] {
  let st;
  try {
    st = statSync(abs);
  } catch {
    throw new CliError(`no such file or folder: ${relative(cwd, abs) || abs}`);
  }
  if (st.isDirectory()) {
    const loaded = loadSubmission(abs);
    const prefix = relative(cwd, abs);
    diagnostics.push(...loaded.issues.map((i) => (i.file ? { ...i, file: `${prefix}/${i.file}` } : i)));
    return loaded.documents.map((d) => Object.assign(Object.create(Object.getPrototypeOf(d) as object) as ManifestDocument, d, { file: `${prefix}/${d.file}` }));
  }
  if (st.size > 1024 * 1024) throw new CliError(`${relative(cwd, abs)} is larger than 1 MiB`);
  const parsed = parseManifestText(relative(cwd, abs), readFileSync(abs, 'utf8'));
  diagnostics.push(...parsed.issues);
  return parsed.documents;
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
