import { describe, it, expect } from 'vitest';
import { humanDuration, translateTimestampSince, formatRfc1123z, parseTimestamp } from './duration.ts';

const S = 1000;
const M = 60 * S;
const H = 60 * M;
const D = 24 * H;

describe('humanDuration (k8s-semantics §8 AGE table)', () => {
  it.each([
    [-2 * S, '<invalid>'],
    [-1999, '0s'], // Go truncates -1.999s to -1: still "now"
    [-1 * S, '0s'],
    [0, '0s'],
    [999, '0s'],
    [95 * S, '95s'],
    [119 * S, '119s'],
    [120 * S, '2m'],
    [7 * M + 5 * S, '7m5s'],
    [3 * M, '3m'],
    [9 * M + 59 * S, '9m59s'],
    [10 * M + 30 * S, '10m'],
    [79 * M, '79m'],
    [179 * M + 59 * S, '179m'],
    [3 * H, '3h'],
    [5 * H + 12 * M, '5h12m'],
    [4 * H, '4h'],
    [7 * H + 59 * M, '7h59m'],
    [8 * H, '8h'],
    [21 * H, '21h'],
    [47 * H + 59 * M, '47h'],
    [48 * H, '2d'],
    [2 * D + 3 * H, '2d3h'],
    [5 * D, '5d'],
    [7 * D + 23 * H, '7d23h'],
    [8 * D, '8d'],
    [30 * D, '30d'],
    [729 * D, '729d'],
    [730 * D, '2y'],
    [800 * D, '2y70d'],
    [365 * 8 * D, '8y'],
    [365 * 20 * D + 100 * D, '20y'],
  ])('%d ms → %s', (ms, expected) => {
    expect(humanDuration(ms)).toBe(expected);
  });

  it('prints <invalid> for non-finite input instead of throwing', () => {
    expect(humanDuration(Number.NaN)).toBe('<invalid>');
  });
});

describe('translateTimestampSince', () => {
  const now = '2026-01-01T01:00:00Z';
  it.each([
    ['2026-01-01T00:55:00Z', '5m'],
    ['2025-12-29T22:00:00Z', '2d3h'],
    ['2026-01-01T01:00:30Z', '<invalid>'],
    [undefined, '<unknown>'],
    ['', '<unknown>'],
    [null, '<unknown>'],
    ['not a time', '<unknown>'],
    ['0001-01-01T00:00:00Z', '<unknown>'],
    [12345, '<unknown>'],
  ])('%s → %s', (ts, expected) => {
    expect(translateTimestampSince(ts, now)).toBe(expected);
  });
});

describe('formatRfc1123z', () => {
  it('formats like Go time.RFC1123Z in UTC', () => {
    expect(formatRfc1123z('2026-01-01T00:55:10Z')).toBe('Thu, 01 Jan 2026 00:55:10 +0000');
    expect(formatRfc1123z('2026-03-09T17:04:05+02:00')).toBe('Mon, 09 Mar 2026 15:04:05 +0000');
  });

  it('prints Go zero time for a missing timestamp', () => {
    expect(formatRfc1123z(undefined)).toBe('Mon, 01 Jan 0001 00:00:00 +0000');
    expect(parseTimestamp('0001-01-01T00:00:00Z')).toBeUndefined();
  });
});
