import { describe, expect, it } from 'vitest';
import { webPod, webSetup } from './testing.ts';
import { advanceTo, createTimeline } from './timeline.ts';

describe('advanceTo', () => {
  // (to - from) / 1000 * 1000 is not always to - from: 1001 ms came out as 1000.9999999999999.
  it.each([1_001, 1_003, 2_047, 999, 5_000, 123_457])('lands the clock exactly %i ms later', (d) => {
    let now = 0;
    const clock = { get now() { return now; }, advance: (s: number) => void (now += Math.max(0, s) * 1000) };
    advanceTo(clock as never, 17_000 + d);
    advanceTo(clock as never, 17_000 + d);
    expect(now).toBe(17_000 + d);
  });
});

describe('createTimeline', () => {
  it('steps from instant to instant of a real cluster, then says it is idle', () => {
    const start = webSetup([webPod('hello-pod')])({ order: 0 });
    const { cluster } = start;
    const timeline = createTimeline(cluster);
    expect(timeline.stepping).toBe(true);
    expect(timeline.idle()).toBe(true);
    cluster.delete({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
    const instants: number[] = [];
    for (let at = timeline.nextInstant(Infinity); at !== undefined; at = timeline.nextInstant(Infinity)) {
      timeline.moveTo(at);
      expect(cluster.now).toBe(at);
      instants.push(at);
    }
    expect(instants[0]).toBe(4_000);
    expect(instants).toEqual([...new Set(instants)].sort((a, b) => a - b));
    expect(timeline.idle()).toBe(true);
    expect(cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })).toBeUndefined();
  });

  it('does not step on an engine without nextEventAt', () => {
    const start = webSetup([webPod('hello-pod')])({ order: 0 });
    Object.assign(start.cluster, { nextEventAt: undefined });
    const timeline = createTimeline(start.cluster);
    expect(timeline.stepping).toBe(false);
    expect(timeline.nextInstant(Infinity)).toBeUndefined();
    expect(timeline.idle()).toBe(false);
  });
});
