/** One slice of a sharded run: learners whose index (in sorted order) mod `count` is `index`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses `i/n` (0 ≤ i < n), returning an error sentence instead of throwing. */
export function parseShard(text: string): Shard | { error: string } {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  if (!m) return { error: `--shard must look like i/n (for example 0/4), got "${text}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) return { error: `--shard i/n needs 0 ≤ i < n, got "${text}"` };
  return { index, count };
}

/** Selects the learners of a shard from the sorted list of all learners. */
export function shardLearners(sorted: readonly string[], shard: Shard | undefined): string[] {
  if (!shard) return [...sorted];
  return sorted.filter((_, i) => i % shard.count === shard.index);
}
