/** `kubectl get events` (printEvent column set), in the order the events were recorded. */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince, parseTimestamp } from './duration.ts';
import { obj, str, int } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const EVENT_COLUMNS: readonly Column[] = [
  { name: 'Last Seen', priority: 0 },
  { name: 'Type', priority: 0 },
  { name: 'Reason', priority: 0 },
  { name: 'Object', priority: 0 },
  { name: 'Subobject', priority: 1 },
  { name: 'Source', priority: 1 },
  { name: 'Message', priority: 0 },
  { name: 'First Seen', priority: 1 },
  { name: 'Count', priority: 1 },
  { name: 'Name', priority: 1 },
];

/** Formats an event's source as `component, host` (falling back to reportingController/reportingInstance). */
export function eventSource(event: unknown): string {
  const e = obj(event);
  const source = obj(e.source);
  const component = str(source.component) || str(e.reportingController);
  const instance = str(source.host) || str(e.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

function eventCells(event: unknown, options: GetOptions): string[] {
  const e = obj(event);
  const involved = obj(e.involvedObject);
  const series = e.series === undefined || e.series === null ? undefined : obj(e.series);
  const first = parseTimestamp(e.firstTimestamp) === undefined
    ? translateTimestampSince(e.eventTime, options.now)
    : translateTimestampSince(e.firstTimestamp, options.now);
  let last = parseTimestamp(e.lastTimestamp) === undefined ? first : translateTimestampSince(e.lastTimestamp, options.now);
  let count = int(e.count);
  if (series) {
    last = translateTimestampSince(series.lastObservedTime, options.now);
    count = int(series.count);
  } else if (count === 0) {
    count = 1;
  }
  const kind = str(involved.kind).toLowerCase();
  const target = str(involved.name) === '' ? kind : `${kind}/${str(involved.name)}`;
  return [
    last,
    str(e.type),
    str(e.reason),
    target,
    str(involved.fieldPath),
    eventSource(e),
    str(e.message).trim(),
    first,
    String(count),
    str(obj(e.metadata).name),
  ];
}

/** The column set and cell rules of this resource's table. */
export const EVENT_TABLE: TableSpec<unknown> = { columns: EVENT_COLUMNS, cells: eventCells, namespaced: true, keepOrder: true };

/** Prints core/v1 Events as `kubectl get events [-o wide] [-A]` does, keeping the given (recorded) order. */
export function getEvents(events: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(events, options, EVENT_TABLE);
}
