/**
 * The canonical text of a resource quantity, as the API server stores it (apimachinery `Quantity.String`):
 * `0.5` → `500m`, `1000` → `1k`, `2000m` → `2`, `1024Mi` → `1Gi`, `0.5Gi` → `512Mi`, `1e3` stays `1e3`.
 * Exact (BigInt) arithmetic at nano precision, rounding up below a nano as Kubernetes does.
 */

type Format = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const DECIMAL_SUFFIX: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIX: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIX).map(([s, e]) => [e, s]));
const BINARY_BY_POWER = new Map(Object.entries(BINARY_SUFFIX).map(([s, p]) => [p, s]));
const QUANTITY = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/;
/** Longest mantissa or exponent we canonicalise; anything larger is left as written. */
const MAX_DIGITS = 64;
const NANO = 10n ** 9n;

/** Returns the canonical text of a quantity, or undefined when the input is not a quantity we can read. */
export function canonicalQuantity(input: unknown): string | undefined {
  const text = typeof input === 'number' ? (Number.isFinite(input) ? String(input) : undefined) : typeof input === 'string' ? input : undefined;
  if (text === undefined) return undefined;
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, sign, whole = '', fraction = '', exponentText, suffix = ''] = m;
  if (whole === '' && fraction === '') return undefined;
  if (whole.length + fraction.length > MAX_DIGITS || (exponentText !== undefined && exponentText.length > 4)) return undefined;
  const format: Format = exponentText !== undefined ? 'DecimalExponent' : suffix in BINARY_SUFFIX ? 'BinarySI' : 'DecimalSI';
  // value = digits × 10^exp10 × 1024^power
  const digits = BigInt(whole + fraction || '0');
  const exp10 = (exponentText !== undefined ? Number(exponentText) : (DECIMAL_SUFFIX[suffix] ?? 0)) - fraction.length;
  const power = BINARY_SUFFIX[suffix] ?? 0;
  if (Math.abs(exp10) > 60) return undefined;
  const numerator = digits * 1024n ** BigInt(power) * 10n ** BigInt(Math.max(exp10 + 9, 0));
  const denominator = 10n ** BigInt(Math.max(-(exp10 + 9), 0));
  const nanos = (numerator + denominator - 1n) / denominator; // rounded up to a whole nano
  if (nanos === 0n) return '0';
  const negative = sign === '-';
  return (negative ? '-' : '') + canonicalNanos(nanos, format);
}

function canonicalNanos(nanos: bigint, format: Format): string {
  if (format === 'BinarySI') {
    // Small values and values with a fraction are shown in decimal, so nothing is rounded away.
    if (nanos >= 1024n * NANO && nanos % NANO === 0n) {
      let amount = nanos / NANO;
      let power = 0;
      while (amount % 1024n === 0n && BINARY_BY_POWER.has(power + 1)) {
        amount /= 1024n;
        power++;
      }
      return `${amount}${BINARY_BY_POWER.get(power) ?? ''}`;
    }
    format = 'DecimalSI';
  }
  let amount = nanos;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const rest = ((exponent % 3) + 3) % 3;
  amount *= 10n ** BigInt(rest);
  exponent -= rest;
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = DECIMAL_BY_EXPONENT.get(exponent);
  return suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`;
}
