import type { SchemaNode } from '../schema/builders.ts';

/** One place where YAML indentation was lost: a section left empty (or a list item) and its keys beside it. */
export interface LostIndentation {
  /** Path of the section key (`['metadata']`, `['spec', 'containers']`). */
  path: (string | number)[];
  section: string;
  mode: 'empty' | 'beside';
  /** Keys that belong inside the section, in document order. */
  keys: string[];
  /** Every unknown key of the map the section sits in (their unknown-field errors are explained by this). */
  explained: string[];
  fixed: string;
}

const asMap = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function propsOf(node: SchemaNode | undefined): Record<string, SchemaNode> | undefined {
  return node?.properties as Record<string, SchemaNode> | undefined;
}

function show(v: unknown): string {
  if (v === null || v === undefined) return '…';
  if (typeof v === 'object') return '…';
  const s = String(v);
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

/** Finds lost indentation anywhere in a document, guided by the kind's schema. */
export function findLostIndentation(value: unknown, schema: SchemaNode): LostIndentation[] {
  const out: LostIndentation[] = [];
  const visit = (v: unknown, node: SchemaNode | undefined, path: (string | number)[], depth: number): void => {
    if (depth > 32 || !node) return;
    if (Array.isArray(v)) {
      v.forEach((x, i) => visit(x, node.items as SchemaNode | undefined, [...path, i], depth + 1));
      return;
    }
    const m = asMap(v);
    const props = propsOf(node);
    if (!m || !props) return;
    const keys = Object.keys(m);
    const unknown = keys.filter((k) => !Object.prototype.hasOwnProperty.call(props, k));
    if (unknown.length > 0) {
      const found: LostIndentation[] = [];
      const taken = new Set<string>();
      for (const k of keys) {
        if (!(k in props)) continue;
        const child = props[k]!;
        const childProps = propsOf(child);
        if (m[k] === null && childProps) {
          const mine = unknown.filter((u) => !taken.has(u) && Object.prototype.hasOwnProperty.call(childProps, u));
          if (mine.length === 0) continue;
          mine.forEach((u) => taken.add(u));
          const lines = mine.map((u) => `  ${u}: ${show(m[u])}`);
          found.push({ path: [...path, k], section: k, mode: 'empty', keys: mine, explained: unknown, fixed: [`${k}:`, ...lines].join('\n') });
        } else if (m[k] === null && typeof child.additionalProperties === 'object') {
          // A free-form map (labels, data, nodeSelector) left empty: the scalar keys after it belong inside.
          const after = keys.slice(keys.indexOf(k) + 1);
          const mine = unknown.filter((u) => !taken.has(u) && after.includes(u) && (m[u] === null || typeof m[u] !== 'object'));
          if (mine.length === 0) continue;
          mine.forEach((u) => taken.add(u));
          const lines = mine.map((u) => `  ${u}: ${show(m[u])}`);
          found.push({ path: [...path, k], section: k, mode: 'empty', keys: mine, explained: unknown, fixed: [`${k}:`, ...lines].join('\n') });
        } else if (Array.isArray(m[k]) && (m[k] as unknown[]).length > 0) {
          const itemProps = propsOf(child.items as SchemaNode | undefined);
          const items = m[k] as unknown[];
          const first = asMap(items[0]);
          if (!itemProps || !first) continue;
          const mine = unknown.filter((u) => !taken.has(u) && Object.prototype.hasOwnProperty.call(itemProps, u));
          if (mine.length === 0) continue;
          mine.forEach((u) => taken.add(u));
          const firstKey = Object.keys(first)[0];
          const head = firstKey === undefined ? '- …' : `- ${firstKey}: ${show(first[firstKey])}`;
          const lines = mine.map((u) => `  ${u}: ${show(m[u])}`);
          found.push({ path: [...path, k], section: k, mode: 'beside', keys: mine, explained: unknown, fixed: [`${k}:`, head, ...lines].join('\n') });
        }
      }
      out.push(...found);
    }
    for (const k of keys) if (k in props) visit(m[k], props[k], [...path, k], depth + 1);
  };
  visit(value, schema, [], 0);
  return out;
}
