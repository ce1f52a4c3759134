import { describe, it, expect } from 'vitest';
import { createClock, formatInstant } from './clock.ts';

describe('clock', () => {
  it('pops items by time, then by insertion order', () => {
    const clock = createClock<string>();
    clock.schedule(2000, 'c');
    clock.schedule(1000, 'a');
    clock.schedule(1000, 'b');
    clock.schedule(0, 'first');
    const order: string[] = [];
    for (let item = clock.pop(); item; item = clock.pop()) order.push(item.value);
    expect(order).toEqual(['first', 'a', 'b', 'c']);
  });

  it('keeps a total order for many items', () => {
    const clock = createClock<number>();
    const times = [5, 3, 9, 3, 1, 7, 5, 0, 2, 8];
    times.forEach((t, i) => clock.schedule(t, i));
    const popped: [number, number][] = [];
    for (let item = clock.pop(); item; item = clock.pop()) popped.push([item.time, item.value]);
    const expected = times.map((t, i) => [t, i] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(popped).toEqual(expected);
  });

  it('formats virtual time as RFC 3339 without milliseconds', () => {
    const clock = createClock<never>('2026-01-01T00:00:00Z');
    clock.setNow(5500);
    expect(clock.timestamp()).toBe('2026-01-01T00:00:05Z');
    expect(clock.timestamp(61_000)).toBe('2026-01-01T00:01:01Z');
    expect(formatInstant(Date.parse('2026-03-04T05:06:07.890Z'))).toBe('2026-03-04T05:06:07Z');
  });

  it('never moves time backwards and schedules past items at now', () => {
    const clock = createClock<string>();
    clock.setNow(5000);
    clock.setNow(1000);
    expect(clock.now).toBe(5000);
    expect(clock.schedule(10, 'late').time).toBe(5000);
  });
});
