import { escapePointerToken } from '../core/json-pointer.ts';
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

export { escapePointerToken as escapePointerSegment } from '../core/json-pointer.ts';

/** Converts a Kubernetes field path to a JSON pointer (`spec.containers[0].image` → `/spec/containers/0/image`). */
export function fieldPathToPointer(field: string): string {
  if (field === '' || field === '<nil>') return '';
  return fieldPathSegments(field)
    .map((s) => '/' + escapePointerToken(s))
    .join('');
}

export { formatPath as formatFieldPath } from '../core/json-pointer.ts';
