// Test helper: a read-only fake API server so the real kubectl v1.34 can print our fixtures (describe
// reads Pods, Events, Deployments and ReplicaSets; get receives server-side Tables built from the given rows).
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { KubeObject } from '../core/kube.ts';
import type { PrinterOutput } from './types.ts';

export interface OracleTable {
  columns: { name: string; priority: 0 | 1 }[];
  rows: { cells: string[]; object: KubeObject }[];
}

export interface OracleServer {
  url: string;
  close(): Promise<void>;
}

const RESOURCES = [
  { group: '', name: 'pods', kind: 'Pod', namespaced: true, shortNames: ['po'] },
  { group: '', name: 'events', kind: 'Event', namespaced: true, shortNames: ['ev'] },
  { group: '', name: 'nodes', kind: 'Node', namespaced: false, shortNames: ['no'] },
  { group: 'apps', name: 'deployments', kind: 'Deployment', namespaced: true, shortNames: ['deploy'] },
  { group: 'apps', name: 'replicasets', kind: 'ReplicaSet', namespaced: true, shortNames: ['rs'] },
  { group: 'batch', name: 'jobs', kind: 'Job', namespaced: true, shortNames: [] },
];

const GROUPS = ['apps', 'batch'];

/** Keeps the objects whose labels satisfy an equality-based label selector (`a=b,c!=d`), as a list request's labelSelector does. */
function matchLabelSelector(items: KubeObject[], selector: string): KubeObject[] {
  const clauses = selector.split(',').filter(Boolean).map((c) => /^([^!=]+)(!=|==|=)(.*)$/.exec(c));
  return items.filter((o) => clauses.every((m) => !m || (m[2] === '!=') !== (o.metadata.labels?.[m[1]!] === m[3])));
}

/** Starts a fake API server serving objects (GET/list) and, for list requests asking for Tables, a Table built per resource from the listed items. */
export async function startOracleServer(objects: readonly KubeObject[], tables: Record<string, (items: KubeObject[]) => OracleTable> = {}): Promise<OracleServer> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const send = (code: number, body: unknown): void => {
      res.writeHead(code, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (url.pathname === '/api') return send(200, { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [] });
    if (url.pathname === '/apis') {
      const versions = (g: string) => ({ groupVersion: `${g}/v1`, version: 'v1' });
      return send(200, { kind: 'APIGroupList', apiVersion: 'v1', groups: GROUPS.map((g) => ({ name: g, versions: [versions(g)], preferredVersion: versions(g) })) });
    }
    const list = /^\/(?:api\/v1|apis\/([a-z.]+)\/v1)$/.exec(url.pathname);
    if (list) {
      const group = list[1] ?? '';
      return send(200, {
        kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group === '' ? 'v1' : `${group}/v1`,
        resources: RESOURCES.filter((r) => r.group === group).map((r) => ({ name: r.name, singularName: r.kind.toLowerCase(), namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'list'], shortNames: r.shortNames })),
      });
    }
    const m = /^\/(?:api\/v1|apis\/([a-z.]+)\/v1)\/(?:namespaces\/([^/]+)\/)?([a-z]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const resource = RESOURCES.find((r) => r.name === m?.[3] && r.group === (m?.[1] ?? ''));
    if (!m || !resource) return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' });
    const [, , namespace, , name] = m;
    const matching = matchLabelSelector(
      objects.filter((o) => o.kind === resource.kind && (!namespace || (o.metadata.namespace ?? 'default') === namespace)),
      url.searchParams.get('labelSelector') ?? '',
    );
    if (name) {
      const found = matching.find((o) => o.metadata.name === name);
      const qualified = resource.group === '' ? resource.name : `${resource.name}.${resource.group}`;
      if (!found) return send(404, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: `${qualified} "${name}" not found`, details: { name, group: resource.group, kind: resource.name } });
      return send(200, found);
    }
    let items = matching;
    const selector = url.searchParams.get('fieldSelector') ?? '';
    for (const clause of selector.split(',').filter(Boolean)) {
      const [path, value] = clause.split('=');
      const field = path?.replace('involvedObject.', '') ?? '';
      items = items.filter((o) => String((o.involvedObject as Record<string, unknown> | undefined)?.[field] ?? '') === value);
    }
    const toTable = tables[resource.name];
    if (toTable && (req.headers.accept ?? '').includes('as=Table')) {
      const table = toTable(items);
      return send(200, {
        kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: { resourceVersion: '1' },
        columnDefinitions: table.columns.map((c) => ({ name: c.name, type: 'string', format: c.name === 'Name' ? 'name' : '', description: '', priority: c.priority })),
        rows: table.rows.map((r) => ({ cells: r.cells, object: r.object })),
      });
    }
    return send(200, { kind: `${resource.kind}List`, apiVersion: resource.group === '' ? 'v1' : `${resource.group}/v1`, metadata: { resourceVersion: '1' }, items });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Runs the real kubectl `binary` against an oracle server with a clean environment (no kubeconfig, UTC, no kuberc). */
export function runKubectl(binary: string, server: string, args: string[]): Promise<PrinterOutput> {
  const home = join(tmpdir(), 'kubegrade-kubectl-oracle-home');
  mkdirSync(home, { recursive: true });
  return new Promise((resolve, reject) => {
    const child = spawn(binary, ['--server', server, ...args], {
      env: { KUBECONFIG: '/dev/null', HOME: home, PATH: '/usr/bin:/bin', TZ: 'UTC', KUBECTL_KUBERC: 'false' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', () => resolve({ stdout, stderr }));
  });
}
