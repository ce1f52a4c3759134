/** Splits a Kubernetes field path (`spec.containers[0].image`, `data[my key]`) into segments. */
export function fieldPathSegments(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  let i = 0;
  let cur = '';
  while (i < field.length) {
    const ch = field[i]!;
    if (ch === '.') {
      if (cur) out.push(cur);
      cur = '';
      i++;
    } else if (ch === '[') {
      if (cur) out.push(cur);
      cur = '';
      const end = field.indexOf(']', i + 1);
      const inner = end < 0 ? field.slice(i + 1) : field.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? field.length : end + 1;
    } else {
      cur += ch;
      i++;
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Escapes one JSON pointer segment (RFC 6901). */
export function escapePointerSegment(s: string | number): string {
  return String(s).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Converts a Kubernetes field path to a JSON pointer (`spec.containers[0].image` → `/spec/containers/0/image`). */
export function fieldPathToPointer(field: string): string {
  if (field === '' || field === '<nil>') return '';
  return fieldPathSegments(field)
    .map((s) => '/' + escapePointerSegment(s))
    .join('');
}

/** Formats path segments as a Kubernetes field path (`spec.containers[0].port`). */
export function formatFieldPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
