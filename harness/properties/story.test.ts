import { describe, expect, it } from 'vitest';
import { formatSeconds } from './story.ts';

describe('formatSeconds', () => {
  it.each([
    [0, '0s'],
    [7_000, '7s'],
    [310_000, '310s'],
    [7_250, '7.25s'],
    [7_001, '7.001s'],
    [7_500, '7.5s'],
  ])('%i ms reads %s (exact to the millisecond the engine runs on)', (ms, text) => {
    expect(formatSeconds(ms)).toBe(text);
  });
});
