import { describe, expect, it } from 'vitest';
import { remainingBackoffSeconds } from './backoff.ts';

describe('Pod failure back-off (10 s doubling, at most 10 min)', () => {
  it.each<[number, number, number, number]>([
    // failures, last failure at (s), now (s), seconds left
    [0, 0, 0, 0],
    [1, 100, 100, 10],
    [1, 100, 104, 6],
    [1, 100, 111, 0],
    [2, 0, 0, 20],
    [3, 0, 5, 35],
    [6, 0, 0, 320],
    [7, 0, 0, 600],
    [30, 0, 60, 540],
  ])('%i failures, the last at %is, now %is → %is', (failures, last, now, left) => {
    expect(remainingBackoffSeconds(now * 1000, failures, last * 1000)).toBe(left);
  });
});
