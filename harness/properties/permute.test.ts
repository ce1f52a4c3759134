import { describe, expect, it } from 'vitest';
import { permute } from './permute.ts';

describe('permute', () => {
  it('keeps the order for k = 0 and gives every order of 3 items for k = 0..5, then wraps', () => {
    const all = [0, 1, 2, 3, 4, 5].map((k) => permute(['a', 'b', 'c'], k).join(''));
    expect(all[0]).toBe('abc');
    expect(new Set(all).size).toBe(6);
    expect(permute(['a', 'b', 'c'], 6).join('')).toBe('abc');
  });

  it.each([[-3], [Number.NaN], [Number.POSITIVE_INFINITY], [2.7]])('treats an odd k (%s) as a valid order', (k) => {
    expect(permute([1, 2, 3], k).sort()).toEqual([1, 2, 3]);
  });

  it('handles many items without overflow', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    expect(permute(items, 123456789).sort((a, b) => a - b)).toEqual(items);
  });
});
