/**
 * Defensive readers for plain Kubernetes JSON. Learner-influenced objects may hold null, numbers
 * as strings or arrays where maps were expected; printers read through these and never throw.
 */

export type Json = Record<string, unknown>;

/** Returns the value when it is a plain object, else an empty object. */
export function obj(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** Returns the value when it is an array of plain objects (non-objects dropped), else an empty array. */
export function objs(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v) => v !== null && typeof v === 'object' && !Array.isArray(v)) as Json[] : [];
}

/** Returns the value as a string (numbers and booleans converted), else `''`. */
export function str(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/** Returns the value as an integer (numeric strings accepted, fractions truncated), else the fallback. */
export function int(value: unknown, fallback = 0): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? Math.trunc(n) : fallback;
}

/** Returns true only for the boolean true (or the string "true"). */
export function bool(value: unknown): boolean {
  return value === true || value === 'true';
}

/** Returns a string map's entries sorted by key (non-string values stringified), skipping nothing. */
export function sortedEntries(value: unknown): [string, string][] {
  return Object.keys(obj(value))
    .sort(compareStrings)
    .map((k) => [k, str(obj(value)[k])]);
}

/** Compares strings by UTF-16 code units, a stable stand-in for Go's byte-wise sort.Strings on ASCII keys. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Formats labels as kubectl does (`k=v,k2=v2`, sorted by key) or `<none>`. */
export function formatLabels(labels: unknown): string {
  const entries = sortedEntries(labels);
  return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}
