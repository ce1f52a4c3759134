/** `kubectl get endpointslices` (printEndpointSlice column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { obj, objs, str } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const SLICE_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'AddressType', priority: 0 },
  { name: 'Ports', priority: 0 },
  { name: 'Endpoints', priority: 0 },
  { name: 'Age', priority: 0 },
];

const MAX_SHOWN = 3;

/** Joins up to three items, then ` + N more...`; an empty list reads `<unset>` (listWithMoreString). */
function listWithMore(items: string[]): string {
  const text = items.slice(0, MAX_SHOWN).join(',');
  if (items.length > MAX_SHOWN) return `${text} + ${items.length - MAX_SHOWN} more...`;
  return text === '' ? '<unset>' : text;
}

function sliceCells(slice: unknown, options: GetOptions): string[] {
  const s = obj(slice);
  const meta = obj(s.metadata);
  const ports = objs(s.ports).map((p) => (typeof p.port === 'number' ? String(p.port) : str(p.name) || '*'));
  // Every address is listed, ready or not (unlike `get endpoints`).
  const addresses = objs(s.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(str) : []));
  return [str(meta.name), str(s.addressType), listWithMore(ports), listWithMore(addresses), translateTimestampSince(meta.creationTimestamp, options.now)];
}

/** The column set and cell rules of this resource's table. */
export const ENDPOINTSLICE_TABLE: TableSpec<unknown> = { columns: SLICE_COLUMNS, cells: sliceCells, namespaced: true };

/** Prints EndpointSlices as `kubectl get endpointslices` does. */
export function getEndpointSlices(slices: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(slices, options, ENDPOINTSLICE_TABLE);
}
