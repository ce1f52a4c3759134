/** The SafeEncodeString mapping of decimal digits (apimachinery util/rand): no vowels, no 0/1/3. */
const SAFE_DIGITS = '456789bcdf';

/** Serialises JSON data with sorted keys and no undefined values (a stable hash input). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Computes FNV-32a over bytes. */
export function fnv32a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Maps each decimal digit of a number through the SafeEncodeString table. */
export function safeEncodeDigits(n: number): string {
  return String(n)
    .split('')
    .map((d) => SAFE_DIGITS[Number(d)] ?? d)
    .join('');
}

/** Computes the pod-template-hash of a template (and collisionCount when set) as the Deployment controller names ReplicaSets. */
export function podTemplateHash(template: unknown, collisionCount?: number): string {
  const text = new TextEncoder().encode(canonicalJson(template ?? {}));
  let bytes = text;
  if (collisionCount !== undefined && Number.isInteger(collisionCount) && collisionCount >= 0) {
    // ComputeHash appends collisionCount as four little-endian bytes.
    bytes = new Uint8Array(text.length + 4);
    bytes.set(text);
    new DataView(bytes.buffer).setUint32(text.length, collisionCount >>> 0, true);
  }
  return safeEncodeDigits(fnv32a(bytes));
}
