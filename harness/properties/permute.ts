/** Returns the k-th permutation of items (factorial number system; k = 0 keeps the order, k wraps around). */
export function permute<T>(items: readonly T[], k: number): T[] {
  const pool = [...items];
  const out: T[] = [];
  let rest = Math.max(0, Math.floor(Number.isFinite(k) ? k : 0));
  let total = 1;
  for (let n = 2; n <= pool.length && total <= Number.MAX_SAFE_INTEGER / n; n++) total *= n;
  rest %= total;
  while (pool.length > 0) {
    let f = 1;
    for (let n = 2; n < pool.length && f <= Number.MAX_SAFE_INTEGER / n; n++) f *= n;
    const i = Math.floor(rest / f) % pool.length;
    rest %= f;
    out.push(pool.splice(i, 1)[0]!);
  }
  return out;
}
