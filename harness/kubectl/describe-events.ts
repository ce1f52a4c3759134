/** The `Events:` section every kubectl describe ends with (DescribeEvents). */
import { translateTimestampSince, parseTimestamp } from './duration.ts';
import { obj, str, int } from './fields.ts';
import type { PrefixWriter } from './prefix-writer.ts';

/** Writes the Events table (sorted by lastTimestamp, `2m (x4 over 5m)` for repeats) or `Events: <none>`. */
export function describeEvents(events: readonly unknown[], w: PrefixWriter, now: string): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  // sort.Sort by lastTimestamp; a stable sort equals Go's result for the short lists describe sees.
  const sorted = events
    .map((event, index) => ({ event: obj(event), index }))
    .sort((a, b) => (parseTimestamp(a.event.lastTimestamp) ?? -Infinity) - (parseTimestamp(b.event.lastTimestamp) ?? -Infinity) || a.index - b.index)
    .map((entry) => entry.event);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = parseTimestamp(e.eventTime) === undefined
      ? translateTimestampSince(e.firstTimestamp, now)
      : translateTimestampSince(e.eventTime, now);
    const series = e.series === undefined || e.series === null ? undefined : obj(e.series);
    let interval = first;
    if (series) interval = `${translateTimestampSince(series.lastObservedTime, now)} (x${int(series.count)} over ${first})`;
    else if (int(e.count) > 1) interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${int(e.count)} over ${first})`;
    const source = str(obj(e.source).component) || str(e.reportingController);
    w.write(1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}
