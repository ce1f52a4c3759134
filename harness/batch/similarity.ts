import { compareText } from './layout.ts';

export interface SimilarPair {
  a: string;
  b: string;
  /** Jaccard index of the two learners' canonical line sets, rounded to 3 places. */
  similarity: number;
  identical: boolean;
  /** How many canonical lines the two share. */
  shared: number;
}

export interface SimilarityOptions {
  /** Flag pairs at or above this Jaccard index. Default 0.9. */
  threshold?: number;
  /** Ignore learners with fewer canonical lines than this (near-empty submissions all look alike). Default 5. */
  minLines?: number;
}

/** Lists pairs of learners whose canonical submissions are identical or nearly so (a flag for a human, never a verdict). */
export function similarPairs(fingerprints: readonly { learner: string; fingerprint: readonly string[] }[], options: SimilarityOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? 0.9;
  const minLines = options.minLines ?? 5;
  const sets = [...fingerprints]
    .filter((f) => f.fingerprint.length >= minLines)
    .sort((x, y) => compareText(x.learner, y.learner))
    .map((f) => ({ learner: f.learner, set: new Set(f.fingerprint) }));
  const pairs: SimilarPair[] = [];
  for (let i = 0; i < sets.length; i++) {
    for (let j = i + 1; j < sets.length; j++) {
      const a = sets[i]!;
      const b = sets[j]!;
      const small = Math.min(a.set.size, b.set.size);
      const large = Math.max(a.set.size, b.set.size);
      // Jaccard ≤ small/large: skip pairs that cannot reach the threshold without counting.
      if (small / large < threshold) continue;
      let shared = 0;
      for (const h of a.set) if (b.set.has(h)) shared++;
      const jaccard = shared / (a.set.size + b.set.size - shared);
      if (jaccard >= threshold) pairs.push({ a: a.learner, b: b.learner, similarity: Math.round(jaccard * 1000) / 1000, identical: shared === a.set.size && shared === b.set.size, shared });
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || compareText(x.a, y.a) || compareText(x.b, y.b));
}
