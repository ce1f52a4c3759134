import { escapePointerToken } from '../core/json-pointer.ts';

/**
 * Field paths as exercise authors write them: `metadata.labels.app`, `spec.containers[0].image`,
 * `spec.containers[name=web-ctr].ports[*].containerPort`, `metadata.labels["app.kubernetes.io/name"]`.
 */

export type PathStep =
  | { type: 'key'; key: string }
  | { type: 'index'; index: number }
  | { type: 'where'; key: string; value: string }
  | { type: 'any' };

export interface PathMatch {
  value: unknown;
  /** Concrete Kubernetes field path (`spec.containers[0].ports[1].containerPort`). */
  field: string;
  /** JSON pointer of the same place. */
  pointer: string;
}

/** Parses an author's field path into steps, throwing an Error that names the bad part. */
export function parseFieldPath(path: string): PathStep[] {
  const steps: PathStep[] = [];
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`invalid field path "${path}" at character ${i + 1}: ${why}`);
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (i === 0 || i === path.length - 1 || path[i + 1] === '.' || path[i + 1] === '[') fail('unexpected "."');
      i++;
      continue;
    }
    if (ch === '[') {
      const end = path.indexOf(']', i);
      if (end < 0) fail('missing "]"');
      const inner = path.slice(i + 1, end);
      if (inner === '*') steps.push({ type: 'any' });
      else if (/^\d+$/.test(inner)) steps.push({ type: 'index', index: Number(inner) });
      else if (/^"(?:[^"\\]|\\.)*"$/.test(inner)) steps.push({ type: 'key', key: JSON.parse(inner) as string });
      else {
        const m = /^([A-Za-z0-9_-]+)=(.+)$/.exec(inner);
        if (!m) fail(`"[${inner}]" is not [N], [*], [key=value] or ["key"]`);
        steps.push({ type: 'where', key: m![1]!, value: m![2]! });
      }
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    steps.push({ type: 'key', key: path.slice(i, end) });
    i = end;
  }
  if (steps.length === 0) fail('empty path');
  return steps;
}

/** Evaluates a parsed path on plain JSON data, returning every place it reaches. */
export function evaluateFieldPath(root: unknown, steps: readonly PathStep[]): PathMatch[] {
  let current: PathMatch[] = [{ value: root, field: '', pointer: '' }];
  for (const step of steps) {
    const next: PathMatch[] = [];
    for (const m of current) {
      const v = m.value;
      if (step.type === 'key') {
        if (isRecord(v) && Object.prototype.hasOwnProperty.call(v, step.key)) {
          const simple = /^[A-Za-z_$][\w$]*$/.test(step.key);
          next.push({
            value: v[step.key],
            field: simple ? (m.field ? `${m.field}.${step.key}` : step.key) : `${m.field}[${JSON.stringify(step.key)}]`,
            pointer: `${m.pointer}/${escapePointerToken(step.key)}`,
          });
        }
      } else if (Array.isArray(v)) {
        v.forEach((item, index) => {
          const keep =
            step.type === 'any' ||
            (step.type === 'index' && step.index === index) ||
            (step.type === 'where' && isRecord(item) && String(item[step.key]) === step.value);
          if (keep) next.push({ value: item, field: `${m.field}[${index}]`, pointer: `${m.pointer}/${index}` });
        });
      }
    }
    current = next;
  }
  return current;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Returns the concrete field of the deepest place a path still reaches (for pointing at a missing field's parent). */
export function deepestField(root: unknown, steps: readonly PathStep[]): string {
  let field = '';
  for (let n = 1; n <= steps.length; n++) {
    const matches = evaluateFieldPath(root, steps.slice(0, n));
    if (matches.length === 0) break;
    field = matches[0]!.field;
  }
  return field;
}
