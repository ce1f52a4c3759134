/**
 * A byte-exact equivalent of Go's text/tabwriter (left-aligned, space padding, no flags) and
 * the table layout kubectl's `get` printers use on top of it.
 * Written here rather than taken from a library because the output must match Go's elastic
 * tabstop rules exactly (column blocks, last cell unpadded), which no npm package reproduces.
 */

export interface TabwriterOptions {
  /** Minimal cell width including padding. */
  minwidth: number;
  /** Spaces added to the widest cell of a column. */
  padding: number;
}

/** kubectl get: `tabwriter.NewWriter(out, 6, 4, 3, ' ', 0)` (cli-runtime printers/tabwriter.go). */
export const GET_TABWRITER: TabwriterOptions = { minwidth: 6, padding: 3 };
/** kubectl describe: `out.Init(buf, 0, 8, 2, ' ', 0)` (kubectl describe.go tabbedString). */
export const DESCRIBE_TABWRITER: TabwriterOptions = { minwidth: 0, padding: 2 };

/** Counts what Go's tabwriter counts as a cell's width: Unicode code points. */
function cellWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** Aligns tab-separated text into columns exactly as Go's text/tabwriter does after one Flush. */
export function tabwrite(text: string, options: TabwriterOptions): string {
  const segments = text.split('\n');
  // The text after the final newline is an unterminated line: written without a newline.
  const lines = segments.map((segment) => segment.split('\t'));
  const out: string[] = [];
  const widths: number[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      for (let j = 0; j < cells.length; j++) {
        const cell = cells[j] ?? '';
        out.push(cell);
        const width = widths[j];
        if (j < widths.length && width !== undefined) out.push(' '.repeat(Math.max(0, width - cellWidth(cell))));
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let current = line0; current < line1; current++) {
      if (column >= (lines[current] ?? []).length - 1) continue;
      // A cell exists in this column: lines [start, current) have fewer columns; print them first.
      writeLines(start, current);
      start = current;
      let width = options.minwidth;
      for (; current < line1; current++) {
        const cells = lines[current] ?? [];
        if (column >= cells.length - 1) break;
        const w = cellWidth(cells[column] ?? '') + options.padding;
        if (w > width) width = w;
      }
      widths.push(width);
      format(start, current);
      widths.pop();
      // Like Go, the loop increment then skips the line that ended the block: it has no cell here.
      start = current;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('');
}

/** Escapes terminal control characters as kubectl's printers.WriteEscaped does (ESC → `^[`, CR → `\r`). */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** Prepares a table cell as kubectl's table printer does: cut at the first line break (adding `...`), then escape. */
export function tableCell(value: string): string {
  const cut = value.search(/[\f\n\r]/);
  const printable = cut >= 0 ? `${value.slice(0, cut)}...` : value;
  return escapeTerminal(printable);
}

/** Renders a kubectl `get` table: UPPER-case headers, tab-separated cells, aligned with minwidth 6 and padding 3. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[]): string {
  const text = [headers.map((h) => h.toUpperCase()), ...rows.map((row) => row.map(tableCell))]
    .map((cells) => `${cells.join('\t')}\n`)
    .join('');
  return tabwrite(text, GET_TABWRITER);
}
