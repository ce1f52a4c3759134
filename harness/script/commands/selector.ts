/** Equality- and set-less label selectors as `-l` takes them: `a=b`, `a==b`, `a!=b`, `a`, `!a`, joined by `,`. */
export type Requirement = { key: string; op: '=' | '!=' | 'exists' | '!exists'; value?: string };

/** Parses a `-l` selector (equality-based forms); set-based forms return kubectl's parse error. */
export function parseSelector(text: string): Requirement[] | { error: string } {
  const out: Requirement[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim();
    if (part === '') continue;
    let m: RegExpExecArray | null;
    if ((m = /^([^=!\s]+)\s*!=\s*(\S*)$/.exec(part))) out.push({ key: m[1]!, op: '!=', value: m[2]! });
    else if ((m = /^([^=!\s]+)\s*==?\s*(\S*)$/.exec(part))) out.push({ key: m[1]!, op: '=', value: m[2]! });
    else if ((m = /^!\s*([^=!\s]+)$/.exec(part))) out.push({ key: m[1]!, op: '!exists' });
    else if (/^[^=!\s]+$/.test(part)) out.push({ key: part, op: 'exists' });
    else return { error: `error: unable to parse requirement: found '${part}', expected: '=', '!=', '==', 'in', notin'` };
  }
  return out;
}

/** Returns true when labels satisfy every requirement. */
export function matchesSelector(requirements: readonly Requirement[], labels: unknown): boolean {
  const map = typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {};
  return requirements.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(map, r.key);
    const value = has ? String(map[r.key]) : undefined;
    if (r.op === 'exists') return has;
    if (r.op === '!exists') return !has;
    if (r.op === '=') return value === r.value;
    return value !== r.value;
  });
}
