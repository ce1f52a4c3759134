/** `kubectl get pods` (printPod column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { summarizePod } from './pod-status.ts';
import { translateTimestampSince } from './duration.ts';
import { obj, objs, str } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const POD_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Ready', priority: 0 },
  { name: 'Status', priority: 0 },
  { name: 'Restarts', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'IP', priority: 1 },
  { name: 'Node', priority: 1 },
  { name: 'Nominated Node', priority: 1 },
  { name: 'Readiness Gates', priority: 1 },
];

function readinessGates(pod: Record<string, unknown>): string {
  const gates = objs(obj(pod.spec).readinessGates);
  if (gates.length === 0) return '<none>';
  const conditions = objs(obj(pod.status).conditions);
  const passing = gates.filter((gate) => conditions.find((c) => c.type === gate.conditionType)?.status === 'True').length;
  return `${passing}/${gates.length}`;
}

function podCells(pod: unknown, options: GetOptions): string[] {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const status = obj(p.status);
  const summary = summarizePod(p, options.now);
  // printPod reads podIPs[0]; podIP is the fallback for objects that only carry the legacy field.
  const ip = str(objs(status.podIPs)[0]?.ip) || str(status.podIP) || '<none>';
  return [
    str(meta.name),
    summary.ready,
    summary.status,
    summary.restarts,
    translateTimestampSince(meta.creationTimestamp, options.now),
    ip,
    str(obj(p.spec).nodeName) || '<none>',
    str(status.nominatedNodeName) || '<none>',
    readinessGates(p),
  ];
}

/** The column set and cell rules of this resource's table. */
export const POD_TABLE: TableSpec<unknown> = { columns: POD_COLUMNS, cells: podCells, namespaced: true };

/** Prints Pods as `kubectl get pods [-o wide] [--show-labels] [-A]` does. */
export function getPods(pods: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(pods, options, POD_TABLE);
}
