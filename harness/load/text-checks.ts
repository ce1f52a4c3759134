import type { Document } from 'yaml';
import { visit } from 'yaml';

/** Finds 1-based line numbers whose indentation contains a tab (outside block scalars), at most `limit`. */
export function findTabIndentedLines(text: string, docs: readonly Document[], limit = 10): number[] {
  if (!text.includes('\t')) return [];
  const found: { line: number; offset: number }[] = [];
  let line = 1;
  let start = 0;
  while (start <= text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    let i = start;
    let sawTab = false;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) {
      if (text[i] === '\t') sawTab = true;
      i++;
    }
    if (sawTab && i < end && text[i] !== '#' && text[i] !== '\r') found.push({ line, offset: start });
    if (nl < 0) break;
    start = nl + 1;
    line++;
  }
  if (found.length === 0) return [];
  // Tabs are legal content inside literal (|) and folded (>) block scalars.
  const blocks: [number, number][] = [];
  for (const doc of docs) {
    visit(doc, {
      Scalar(_key, node) {
        if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && node.range) blocks.push([node.range[0], node.range[2]]);
      },
    });
  }
  return found
    .filter((f) => !blocks.some(([a, b]) => f.offset > a && f.offset < b))
    .slice(0, limit)
    .map((f) => f.line);
}
