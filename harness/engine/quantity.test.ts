import { describe, it, expect } from 'vitest';
import { cpuMillis, parseQuantity, wholeUnits } from './quantity.ts';

describe('quantity', () => {
  it.each([
    ['500m', 0.5],
    ['2', 2],
    ['128Mi', 128 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1e3', 1000],
    ['1k', 1000],
    ['1.5', 1.5],
    [3, 3],
  ])('parses %s', (input, value) => {
    expect(parseQuantity(input)).toEqual({ ok: true, value });
  });

  it.each([['abc'], ['1 Gi'], [null], [{}], [[]], ['1GB'], [Number.POSITIVE_INFINITY], ['9'.repeat(400)]])('rejects %j without throwing', (input) => {
    expect(parseQuantity(input).ok).toBe(false);
  });

  it('converts to millicores and bytes', () => {
    expect(cpuMillis('250m')).toBe(250);
    expect(cpuMillis('1')).toBe(1000);
    expect(cpuMillis('0.1')).toBe(100);
    expect(cpuMillis('bogus')).toBe(0);
    expect(wholeUnits('64Mi')).toBe(67108864);
  });
});
