/** `kubectl get endpoints` (printEndpoints column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { obj, objs, str, int } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const ENDPOINTS_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Endpoints', priority: 0 },
  { name: 'Age', priority: 0 },
];

/** kubectl shows at most this many addresses, then ` + N more...`. */
const MAX_SHOWN = 3;

/** Returns the ENDPOINTS cell: ready `ip:port` pairs (3 at most), `<none>` without subsets. */
export function formatEndpoints(endpoints: unknown): string {
  const subsets = objs(obj(endpoints).subsets);
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = objs(subset.addresses).map((a) => str(a.ip));
    const ports = objs(subset.ports);
    // Headless services may have no ports: the bare addresses are listed.
    const pairs = ports.length === 0 ? addresses : ports.flatMap((p) => addresses.map((ip) => joinHostPort(ip, int(p.port))));
    for (const pair of pairs) {
      if (list.length < MAX_SHOWN) list.push(pair);
      count++;
    }
  }
  const text = list.join(',');
  return count > MAX_SHOWN ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

/** Joins a host and port as Go's net.JoinHostPort does (IPv6 hosts in brackets). */
export function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

function endpointsCells(endpoints: unknown, options: GetOptions): string[] {
  const meta = obj(obj(endpoints).metadata);
  return [str(meta.name), formatEndpoints(endpoints), translateTimestampSince(meta.creationTimestamp, options.now)];
}

/** The column set and cell rules of this resource's table. */
export const ENDPOINTS_TABLE: TableSpec<unknown> = { columns: ENDPOINTS_COLUMNS, cells: endpointsCells, namespaced: true };

/** The API warning kubectl 1.33+ prints to stderr whenever v1 Endpoints are read. */
export const ENDPOINTS_DEPRECATION_WARNING = 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n';

/** Prints Endpoints as `kubectl get endpoints` does (the deprecation warning on stderr first). */
export function getEndpoints(endpoints: readonly unknown[], options: GetOptions): PrinterOutput {
  const out = printGetTable(endpoints, options, ENDPOINTS_TABLE);
  return { stdout: out.stdout, stderr: ENDPOINTS_DEPRECATION_WARNING + out.stderr };
}
