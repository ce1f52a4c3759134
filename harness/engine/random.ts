import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import type { StatePart } from './snapshot.ts';

/** The generateName alphabet (apimachinery util/rand): no vowels, no confusable digits. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export interface Random {
  /** An integer in [from, to], both included. */
  int(from: number, to: number): number;
  pick<T>(items: readonly T[]): T;
  /** Five characters from NAME_ALPHABET (the generateName suffix). */
  nameSuffix(): string;
  /** `count` lowercase hex digits. */
  hex(count: number): string;
  /** A UUID v4-shaped identifier. */
  uid(): string;
}

/** A random source whose position in its stream can be saved and restored (a cluster fork). */
export type ForkableRandom = Random & StatePart;

/** Creates the seeded random source (xoroshiro128+ from pure-rand); the engine's only randomness. */
export function createRandom(seed: number = 1): ForkableRandom {
  let rng = xoroshiro128plus(Number.isFinite(seed) ? Math.trunc(seed) | 0 : 1);
  const int = (from: number, to: number): number => uniformInt(rng, from, to);
  const hex = (count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += int(0, 15).toString(16);
    return out;
  };
  return {
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[int(0, items.length - 1)] as T;
    },
    nameSuffix() {
      let out = '';
      for (let i = 0; i < 5; i++) out += NAME_ALPHABET[int(0, NAME_ALPHABET.length - 1)];
      return out;
    },
    hex,
    uid() {
      const variant = '89ab'[int(0, 3)];
      return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
    },
    save: () => rng.clone(),
    load(state) {
      rng = (state as typeof rng).clone();
    },
  };
}
