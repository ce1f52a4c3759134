/** `kubectl get namespaces` (printNamespace: NAME STATUS AGE); kept here until harness/kubectl has a namespace printer. */
import type { TableSpec } from '../../kubectl/get-table.ts';
import { translateTimestampSince } from '../../kubectl/duration.ts';
import { obj, str } from '../../kubectl/fields.ts';

/** The column set and cell rules of the namespace table (a missing phase reads `Active`, the API server's default). */
export const NAMESPACE_TABLE: TableSpec<unknown> = {
  columns: [
    { name: 'Name', priority: 0 },
    { name: 'Status', priority: 0 },
    { name: 'Age', priority: 0 },
  ],
  cells(ns, options) {
    const meta = obj(obj(ns).metadata);
    return [str(meta.name), str(obj(obj(ns).status).phase) || 'Active', translateTimestampSince(meta.creationTimestamp, options.now)];
  },
  namespaced: false,
};
