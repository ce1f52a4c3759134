/** Derives an exercise's fixed default seed from its id (FNV-1a), so every run of it is reproducible. */
export function defaultSeed(exerciseId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < exerciseId.length; i++) {
    h ^= exerciseId.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return (h % 99991) + 1;
}
