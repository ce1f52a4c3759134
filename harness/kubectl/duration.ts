/**
 * Human-readable ages exactly as kubectl prints them (apimachinery `duration.HumanDuration`).
 * Pure functions: the caller passes `now`; nothing here reads the clock.
 */

/** Go's zero time.Time (0001-01-01T00:00:00Z) in epoch milliseconds. */
const GO_ZERO_TIME = -62135596800000;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Formats a duration in milliseconds the way kubectl's AGE column does (`95s`, `7m5s`, `5h12m`, `2d3h`, `<invalid>`). */
export function humanDuration(ms: number): string {
  if (!Number.isFinite(ms)) return '<invalid>';
  // Go truncates toward zero (int(d.Seconds())); -1.9s is still "0s", -2s is "<invalid>".
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 120) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  const days = Math.trunc(hours / 24);
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${days}d` : `${days}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${days}d`;
  const years = Math.trunc(days / 365);
  if (hours < 24 * 365 * 8) {
    const dy = days % 365;
    return dy === 0 ? `${years}y` : `${years}y${dy}d`;
  }
  return `${years}y`;
}

/** Parses an RFC 3339 timestamp to epoch milliseconds; undefined for missing, zero or unparsable input. */
export function parseTimestamp(ts: unknown): number | undefined {
  if (typeof ts !== 'string' || ts === '') return undefined;
  const ms = Date.parse(ts);
  if (Number.isNaN(ms)) return undefined;
  // Go's zero time (0001-01-01T00:00:00Z) is "unset" for metav1.Time.
  if (ms === GO_ZERO_TIME) return undefined;
  return ms;
}

/** Formats the time elapsed from `ts` to `now` (both RFC 3339); `<unknown>` when `ts` is missing. */
export function translateTimestampSince(ts: unknown, now: string): string {
  const then = parseTimestamp(ts);
  if (then === undefined) return '<unknown>';
  const current = parseTimestamp(now);
  if (current === undefined) return '<unknown>';
  return humanDuration(current - then);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Formats a timestamp as Go's time.RFC1123Z in UTC (`Mon, 02 Jan 2006 15:04:05 +0000`); the Go zero time for missing input. */
export function formatRfc1123z(ts: unknown): string {
  const ms = parseTimestamp(ts) ?? GO_ZERO_TIME;
  const d = new Date(ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${year} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}
