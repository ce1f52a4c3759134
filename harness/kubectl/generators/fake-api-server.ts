// Test helper: a minimal read-only API server so kubectl commands that need discovery (run, expose) can run offline.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../core/kube.ts';

const RESOURCES: Record<string, [plural: string, kind: string, short: string[]][]> = {
  v1: [['pods', 'Pod', ['po']], ['services', 'Service', ['svc']], ['configmaps', 'ConfigMap', ['cm']], ['namespaces', 'Namespace', ['ns']]],
  'apps/v1': [['deployments', 'Deployment', ['deploy']], ['replicasets', 'ReplicaSet', ['rs']]],
};

export interface FakeApiServer {
  url: string;
  close(): Promise<void>;
}

/** Starts a legacy-discovery API server on 127.0.0.1 that serves GET for the given objects only. */
export async function startFakeApiServer(objects: readonly KubeObject[]): Promise<FakeApiServer> {
  const routes = new Map<string, unknown>();
  routes.set('/api', { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] });
  routes.set('/apis', {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [{ name: 'apps', versions: [{ groupVersion: 'apps/v1', version: 'v1' }], preferredVersion: { groupVersion: 'apps/v1', version: 'v1' } }],
  });
  for (const gv of Object.keys(RESOURCES).sort()) {
    routes.set(gv === 'v1' ? '/api/v1' : `/apis/${gv}`, {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: gv,
      resources: RESOURCES[gv]!.map(([name, kind, shortNames]) => ({
        name,
        singularName: kind.toLowerCase(),
        namespaced: kind !== 'Namespace',
        kind,
        verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
        shortNames,
      })),
    });
  }
  for (const o of objects) {
    const gv = o.apiVersion;
    const plural = RESOURCES[gv]?.find((r) => r[1] === o.kind)?.[0];
    if (!plural) throw new Error(`fake API server does not serve ${gv} ${o.kind}`);
    const base = gv === 'v1' ? '/api/v1' : `/apis/${gv}`;
    routes.set(`${base}/namespaces/${o.metadata.namespace ?? 'default'}/${plural}/${o.metadata.name}`, o);
  }
  const server = createServer((req, res) => {
    const body = routes.get((req.url ?? '').split('?')[0]!);
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'NotFound', code: 404, message: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
