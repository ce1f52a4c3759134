/** Go's time.ParseDuration, for duration flags such as `kubectl rollout status --timeout`. */

const UNITS: Readonly<Record<string, number>> = { ns: 1e-9, us: 1e-6, 'µs': 1e-6, 'μs': 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/** Parses a Go duration (`30s`, `1m30s`, `1.5h`, `0`) into seconds, or returns Go's error text. */
export function parseGoDuration(text: string): { seconds: number } | { error: string } {
  const invalid = { error: `time: invalid duration ${JSON.stringify(text)}` };
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { seconds: 0 };
  if (rest === '') return invalid;
  let total = 0;
  while (rest !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(rest)!;
    if (m[0] === '' || m[0] === '.') return invalid;
    rest = rest.slice(m[0].length);
    const unit = /^[^\d.]+/.exec(rest)?.[0];
    if (unit === undefined) return { error: `time: missing unit in duration ${JSON.stringify(text)}` };
    const scale = UNITS[unit];
    if (scale === undefined) return { error: `time: unknown unit ${JSON.stringify(unit)} in duration ${JSON.stringify(text)}` };
    total += Number(`${m[1] || '0'}.${m[2] || '0'}`) * scale;
    rest = rest.slice(unit.length);
  }
  return { seconds: sign * total };
}
