import { describe, it, expect } from 'vitest';
import { createRandom, NAME_ALPHABET } from './random.ts';

describe('random', () => {
  it('is deterministic for a seed (seed 42 pinned)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const draw = (r: ReturnType<typeof createRandom>) => [r.int(0, 1000), r.nameSuffix(), r.uid(), r.hex(16)];
    expect(draw(a)).toEqual(draw(b));
  });

  it('differs between seeds', () => {
    const xs = [1, 2, 3].map((s) => createRandom(s).uid());
    expect(new Set(xs).size).toBe(3);
  });

  it('makes generateName suffixes from the apimachinery alphabet', () => {
    const r = createRandom(7);
    for (let i = 0; i < 200; i++) {
      const s = r.nameSuffix();
      expect(s).toHaveLength(5);
      for (const ch of s) expect(NAME_ALPHABET).toContain(ch);
    }
  });

  it('makes UUID v4-shaped uids and stays in range', () => {
    const r = createRandom(3);
    expect(r.uid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    for (let i = 0; i < 100; i++) {
      const n = r.int(3, 5);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(5);
    }
    expect(['x', 'y']).toContain(r.pick(['x', 'y']));
  });
});
