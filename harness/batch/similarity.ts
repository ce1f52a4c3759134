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

/**
 * Lists pairs of learners whose canonical submissions are identical or nearly so (a flag for a human, never a verdict).
 * Learners with the same set are compared once as a group, and sets are visited by size so that pairs whose sizes
 * alone rule out the threshold are never looked at: near-linear for a class of distinct submissions.
 */
export function similarPairs(fingerprints: readonly { learner: string; fingerprint: readonly string[] }[], options: SimilarityOptions = {}): SimilarPair[] {
  const threshold = options.threshold ?? 0.9;
  const minLines = options.minLines ?? 5;
  const groups = new Map<string, { lines: string[]; learners: string[] }>();
  for (const f of fingerprints) {
    if (f.fingerprint.length < minLines) continue;
    const lines = [...new Set(f.fingerprint)].sort(compareText);
    const key = lines.join('\n');
    const group = groups.get(key);
    if (group) group.learners.push(f.learner);
    else groups.set(key, { lines, learners: [f.learner] });
  }
  const sets = [...groups.values()].sort((x, y) => x.lines.length - y.lines.length);
  const pairs: SimilarPair[] = [];
  const emit = (p: string[], q: string[], shared: number, sizeP: number, sizeQ: number, self: boolean) => {
    const jaccard = shared / (sizeP + sizeQ - shared);
    if (!(jaccard >= threshold)) return;
    const similarity = Math.round(jaccard * 1000) / 1000;
    const identical = shared === sizeP && shared === sizeQ;
    p.forEach((a, i) => {
      for (const b of self ? p.slice(i + 1) : q) {
        const [x, y] = compareText(a, b) <= 0 ? [a, b] : [b, a];
        pairs.push({ a: x, b: y, similarity, identical, shared });
      }
    });
  };
  for (let i = 0; i < sets.length; i++) {
    const a = sets[i]!;
    emit(a.learners, a.learners, a.lines.length, a.lines.length, a.lines.length, true);
    for (let j = i + 1; j < sets.length; j++) {
      const b = sets[j]!;
      // Jaccard ≤ small/large, and later sets are no smaller: stop once the sizes alone miss the threshold.
      if (a.lines.length / b.lines.length < threshold) break;
      emit(a.learners, b.learners, sharedCount(a.lines, b.lines), a.lines.length, b.lines.length, false);
    }
  }
  return pairs.sort((x, y) => y.similarity - x.similarity || compareText(x.a, y.a) || compareText(x.b, y.b));
}

/** Counts the lines two sorted, duplicate-free lists share. */
function sharedCount(a: readonly string[], b: readonly string[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const c = compareText(a[i]!, b[j]!);
    if (c === 0) {
      shared++;
      i++;
      j++;
    } else if (c < 0) i++;
    else j++;
  }
  return shared;
}
