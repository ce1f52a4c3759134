import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration.ts';

describe('parseGoDuration', () => {
  it.each([
    ['0', { seconds: 0 }],
    ['30s', { seconds: 30 }],
    ['1m30s', { seconds: 90 }],
    ['1.5h', { seconds: 5400 }],
    ['500ms', { seconds: 0.5 }],
    ['-2m', { seconds: -120 }],
    ['5', { error: 'time: missing unit in duration "5"' }],
    ['10x', { error: 'time: unknown unit "x" in duration "10x"' }],
    ['', { error: 'time: invalid duration ""' }],
    ['s', { error: 'time: invalid duration "s"' }],
  ] as const)('%s', (text, expected) => {
    expect(parseGoDuration(text)).toEqual(expected);
  });
});
