/** Kubernetes resource quantities (`500m`, `2`, `128Mi`, `1Gi`, `1e3`, `1k`) parsed to numbers. */

const SUFFIXES: Record<string, number> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/;

export type QuantityResult = { ok: true; value: number } | { ok: false; message: string };

/** Parses a quantity (string or number) to its value in base units; hostile input gives an error. */
export function parseQuantity(input: unknown): QuantityResult {
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { ok: true, value: input } : { ok: false, message: 'quantities must match the regular expression' };
  }
  if (typeof input !== 'string') return { ok: false, message: 'quantity must be a string' };
  const m = QUANTITY.exec(input.trim());
  if (!m) return { ok: false, message: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'" };
  const base = Number(m[1]);
  const value = m[2] !== undefined ? base * 10 ** Number(m[2].slice(1)) : base * (SUFFIXES[m[3] ?? ''] ?? 1);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, message: 'quantity is too large' };
}

/** Converts a CPU quantity to millicores (rounded up as Kubernetes does); invalid → 0. */
export function cpuMillis(input: unknown): number {
  const q = parseQuantity(input);
  return q.ok ? Math.ceil(q.value * 1000 - 1e-9) : 0;
}

/** Converts a memory (or count) quantity to whole units; invalid → 0. */
export function wholeUnits(input: unknown): number {
  const q = parseQuantity(input);
  return q.ok ? Math.ceil(q.value - 1e-9) : 0;
}
