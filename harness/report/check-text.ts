import type { CheckResult } from '../core/result.ts';

/** Returns a failed check's details as plain text lines: location, hint, request path and fault scenario. */
export function checkDetailLines(c: CheckResult, options: { hint?: boolean } = {}): string[] {
  const lines: string[] = [];
  if (c.location) lines.push(`→ at ${c.location.file}:${c.location.line}:${c.location.column}`);
  if (c.hint && options.hint !== false) lines.push(`hint: ${c.hint}`);
  (Array.isArray(c.trace) ? c.trace : []).forEach((h, i) => lines.push(`${i === 0 ? 'path: ' : '  → '}${h}`));
  const ce = c.counterexample;
  if (ce && Array.isArray(ce.steps)) lines.push(`fault scenario (seed ${ce.seed}, path ${ce.path}):`, ...ce.steps.map((s, i) => `  ${i + 1}. ${s}`));
  return lines;
}
