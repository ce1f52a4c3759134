/** `kubectl get nodes` (printNode column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { obj, objs, str, bool, compareStrings } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const NODE_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Status', priority: 0 },
  { name: 'Roles', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Version', priority: 0 },
  { name: 'Internal-IP', priority: 1 },
  { name: 'External-IP', priority: 1 },
  { name: 'OS-Image', priority: 1 },
  { name: 'Kernel-Version', priority: 1 },
  { name: 'Container-Runtime', priority: 1 },
];

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

/** Returns a Node's STATUS cell: `Ready`, `NotReady` or `Unknown`, plus `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: unknown): string {
  const n = obj(node);
  // The last Ready condition wins, as printNode builds a map keyed by type.
  const ready = objs(obj(n.status).conditions).filter((c) => c.type === 'Ready').pop();
  const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (bool(obj(n.spec).unschedulable)) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** Returns a Node's ROLES cell from `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels, or `<none>`. */
export function nodeRoles(node: unknown): string {
  const roles = new Set<string>();
  const labels = obj(obj(obj(node).metadata).labels);
  for (const key of Object.keys(labels)) {
    if (key.startsWith(ROLE_PREFIX) && key.length > ROLE_PREFIX.length) roles.add(key.slice(ROLE_PREFIX.length));
    else if (key === ROLE_LABEL && str(labels[key]) !== '') roles.add(str(labels[key]));
  }
  return roles.size === 0 ? '<none>' : [...roles].sort(compareStrings).join(',');
}

function address(node: Record<string, unknown>, type: string): string {
  return str(objs(obj(node.status).addresses).find((a) => a.type === type)?.address) || '<none>';
}

function nodeCells(node: unknown, options: GetOptions): string[] {
  const n = obj(node);
  const info = obj(obj(n.status).nodeInfo);
  return [
    str(obj(n.metadata).name),
    nodeStatus(n),
    nodeRoles(n),
    translateTimestampSince(obj(n.metadata).creationTimestamp, options.now),
    str(info.kubeletVersion),
    address(n, 'InternalIP'),
    address(n, 'ExternalIP'),
    str(info.osImage) || '<unknown>',
    str(info.kernelVersion) || '<unknown>',
    str(info.containerRuntimeVersion) || '<unknown>',
  ];
}

/** The column set and cell rules of this resource's table. */
export const NODE_TABLE: TableSpec<unknown> = { columns: NODE_COLUMNS, cells: nodeCells, namespaced: false };

/** Prints Nodes as `kubectl get nodes [-o wide] [--show-labels]` does. */
export function getNodes(nodes: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(nodes, options, NODE_TABLE);
}
