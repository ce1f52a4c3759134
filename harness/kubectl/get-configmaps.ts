/** `kubectl get configmaps` (printConfigMap column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { obj, str } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const CONFIGMAP_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Data', priority: 0 },
  { name: 'Age', priority: 0 },
];

function configMapCells(configMap: unknown, options: GetOptions): string[] {
  const cm = obj(configMap);
  const meta = obj(cm.metadata);
  const count = Object.keys(obj(cm.data)).length + Object.keys(obj(cm.binaryData)).length;
  return [str(meta.name), String(count), translateTimestampSince(meta.creationTimestamp, options.now)];
}

/** The column set and cell rules of this resource's table. */
export const CONFIGMAP_TABLE: TableSpec<unknown> = { columns: CONFIGMAP_COLUMNS, cells: configMapCells, namespaced: true };

/** Prints ConfigMaps as `kubectl get configmaps` does (DATA counts data and binaryData keys). */
export function getConfigMaps(configMaps: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(configMaps, options, CONFIGMAP_TABLE);
}
