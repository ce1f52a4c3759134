/**
 * Several kinds in one `kubectl get` (`get all`, `get pods,svc`): one table per kind, each aligned on
 * its own, names prefixed with the kind (`pod/`, `service/`, `deployment.apps/`), blank lines between.
 */
import { printGetTable } from './get-table.ts';
import type { TableSpec } from './get-table.ts';
import { POD_TABLE } from './get-pods.ts';
import { SERVICE_TABLE } from './get-services.ts';
import { DEPLOYMENT_TABLE } from './get-deployments.ts';
import { REPLICASET_TABLE } from './get-replicasets.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

export interface KindGroup {
  /** The name prefix kubectl prints for this kind: `pod`, `service`, `deployment.apps`. */
  prefix: string;
  table: TableSpec<unknown>;
  objects: readonly unknown[];
  /** API warning lines this read produces on stderr (e.g. the v1 Endpoints deprecation). */
  warning?: string;
}

/** Returns a table spec whose NAME cell carries the kind prefix (`pod/hello-pod`). */
export function withKindPrefix(table: TableSpec<unknown>, prefix: string): TableSpec<unknown> {
  return {
    ...table,
    cells(item, options) {
      const cells = table.cells(item, options);
      return cells.length > 0 ? [`${prefix}/${cells[0]}`, ...cells.slice(1)] : cells;
    },
  };
}

/** Prints several kinds as one `kubectl get` does: non-empty tables in order, separated by a blank line. */
export function printKindGroups(groups: readonly KindGroup[], options: GetOptions, withKind: boolean): PrinterOutput {
  const tables: string[] = [];
  let stderr = '';
  for (const group of groups) {
    stderr += group.warning ?? '';
    const table = withKind ? withKindPrefix(group.table, group.prefix) : group.table;
    const out = printGetTable(group.objects, options, table);
    if (out.stdout !== '') tables.push(out.stdout);
  }
  if (tables.length === 0) {
    const namespace = options.namespace ?? 'default';
    stderr += options.allNamespaces ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`;
  }
  return { stdout: tables.join('\n'), stderr };
}

export interface AllObjects {
  pods: readonly unknown[];
  services: readonly unknown[];
  deployments: readonly unknown[];
  replicaSets: readonly unknown[];
}

/** Prints `kubectl get all` (the kinds this simulator models, in kubectl's order: pods, services, deployments, replicasets). */
export function getAll(objects: AllObjects, options: GetOptions): PrinterOutput {
  return printKindGroups(
    [
      { prefix: 'pod', table: POD_TABLE, objects: objects.pods },
      { prefix: 'service', table: SERVICE_TABLE, objects: objects.services },
      { prefix: 'deployment.apps', table: DEPLOYMENT_TABLE, objects: objects.deployments },
      { prefix: 'replicaset.apps', table: REPLICASET_TABLE, objects: objects.replicaSets },
    ],
    options,
    true,
  );
}
