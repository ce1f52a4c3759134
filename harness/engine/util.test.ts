import { describe, expect, it } from 'vitest';
import { deepEqual } from './util.ts';

describe('deepEqual', () => {
  it.each([
    [{ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 }, true],
    [{ a: 1, gone: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, gone: undefined }, true],
    [{ a: 1 }, { a: 1, b: null }, false],
    [{ a: 1, b: 2 }, { a: 1, c: 2 }, false],
    [[1, 2], [1, 2, 3], false],
    [[1, [2]], [1, [2]], true],
    [{ a: [] }, { a: {} }, false],
    [null, {}, false],
    [0, -0, true],
    [Number.NaN, Number.NaN, false],
    ['1', 1, false],
  ])('%j and %j → %s', (a, b, same) => {
    expect(deepEqual(a, b)).toBe(same);
    expect(deepEqual(b, a)).toBe(same);
  });
});
