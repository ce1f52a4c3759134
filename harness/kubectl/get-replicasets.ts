/** `kubectl get replicasets` (printReplicaSet column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { formatLabelSelector, templateContainers } from './get-deployments.ts';
import { obj, str, int } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const REPLICASET_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Desired', priority: 0 },
  { name: 'Current', priority: 0 },
  { name: 'Ready', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

function replicaSetCells(replicaSet: unknown, options: GetOptions): string[] {
  const rs = obj(replicaSet);
  const meta = obj(rs.metadata);
  const spec = obj(rs.spec);
  const status = obj(rs.status);
  const [names, images] = templateContainers(spec.template);
  return [
    str(meta.name),
    String(int(spec.replicas, 1)),
    String(int(status.replicas)),
    String(int(status.readyReplicas)),
    translateTimestampSince(meta.creationTimestamp, options.now),
    names,
    images,
    formatLabelSelector(spec.selector),
  ];
}

/** The column set and cell rules of this resource's table. */
export const REPLICASET_TABLE: TableSpec<unknown> = { columns: REPLICASET_COLUMNS, cells: replicaSetCells, namespaced: true };

/** Prints ReplicaSets as `kubectl get replicasets [-o wide]` does. */
export function getReplicaSets(replicaSets: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(replicaSets, options, REPLICASET_TABLE);
}
