/**
 * The shared shape of `kubectl get` output: namespace filtering, the NAMESPACE and LABELS
 * columns, server ordering, and the "No resources found" message.
 */
import { renderTable } from './table.ts';
import { obj, str, compareStrings, formatLabels } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

export interface Column {
  /** The column name as the API server defines it (`Nominated Node`); printed UPPER-case. */
  name: string;
  /** 0 = always shown; 1 = only with `-o wide`. */
  priority: 0 | 1;
}

export interface TableSpec<T> {
  columns: readonly Column[];
  /** One cell per column, in column order (all priorities). */
  cells(item: T, options: GetOptions): string[];
  /** Cluster-scoped kinds never get a NAMESPACE column or namespace filter. */
  namespaced: boolean;
  /** Keep the given order (events: recorded order) instead of the API server's namespace/name order. */
  keepOrder?: boolean;
}

function namespaceOf(item: unknown): string {
  const ns = str(obj(obj(item).metadata).namespace);
  return ns === '' ? 'default' : ns;
}

function nameOf(item: unknown): string {
  return str(obj(obj(item).metadata).name);
}

/** Prints a list of objects as `kubectl get` does with the given column specification. */
export function printGetTable<T>(items: readonly T[], options: GetOptions, spec: TableSpec<T>): PrinterOutput {
  const namespace = options.namespace ?? 'default';
  const all = options.allNamespaces === true;
  let selected = spec.namespaced && !all ? items.filter((item) => namespaceOf(item) === namespace) : [...items];
  if (!spec.keepOrder) {
    // The API server lists in storage-key order: namespace, then name.
    selected = selected
      .map((item, index) => ({ item, index }))
      .sort((a, b) =>
        compareStrings(spec.namespaced ? namespaceOf(a.item) : '', spec.namespaced ? namespaceOf(b.item) : '') ||
        compareStrings(nameOf(a.item), nameOf(b.item)) || a.index - b.index)
      .map((entry) => entry.item);
  }
  if (selected.length === 0) {
    const stderr = spec.namespaced && !all ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
    return { stdout: '', stderr };
  }
  const visible = spec.columns.map((c) => c.priority === 0 || options.wide === true);
  const headers = spec.columns.filter((_, i) => visible[i]).map((c) => c.name);
  const withNamespace = all && spec.namespaced;
  if (withNamespace) headers.unshift('Namespace');
  if (options.showLabels) headers.push('Labels');
  const rows = selected.map((item) => {
    const cells = spec.cells(item, options).filter((_, i) => visible[i]);
    if (withNamespace) cells.unshift(namespaceOf(item));
    if (options.showLabels) cells.push(formatLabels(obj(obj(item).metadata).labels));
    return cells;
  });
  return { stdout: renderTable(headers, rows), stderr: '' };
}
