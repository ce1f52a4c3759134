import { describe, it, expect } from 'vitest';
import { tabwrite, renderTable, tableCell, escapeTerminal, GET_TABWRITER, DESCRIBE_TABWRITER } from './table.ts';

describe('tabwrite (Go text/tabwriter, left-aligned, space padding)', () => {
  it('pads every column but the last to the widest cell plus padding', () => {
    expect(tabwrite('a\tbb\tc\naaa\tb\tccc\n', { minwidth: 0, padding: 2 })).toBe('a    bb  c\naaa  b   ccc\n');
  });

  it('applies minwidth to narrow columns', () => {
    expect(tabwrite('A\tB\nx\ty\n', GET_TABWRITER)).toBe('A     B\nx     y\n');
  });

  it('never pads the last cell of a line (trailing text stays as written)', () => {
    expect(tabwrite('k:\tv \nkey:\tvalue \n', DESCRIBE_TABWRITER)).toBe('k:    v \nkey:  value \n');
  });

  it('aligns a column only over consecutive lines that have it (elastic tabstops)', () => {
    const text = 'Name:\tx\nLonger name:\ty\nNo tabs here\nA:\tz\n';
    expect(tabwrite(text, DESCRIBE_TABWRITER)).toBe('Name:         x\nLonger name:  y\nNo tabs here\nA:  z\n');
  });

  it('gives nested columns their own blocks', () => {
    // Column 1 exists only on the first two lines; the third line ends the block for column 1.
    const text = 'a\tb\tc\naa\tbbbb\tc\naaa\tb\n';
    expect(tabwrite(text, { minwidth: 0, padding: 1 })).toBe('a   b    c\naa  bbbb c\naaa b\n');
  });

  it('counts code points, not bytes, as the cell width', () => {
    expect(tabwrite('é\tx\nab\ty\n', { minwidth: 0, padding: 1 })).toBe('é  x\nab y\n');
  });

  it('writes an unterminated last line without a newline', () => {
    expect(tabwrite('a\tb\nccc\td', { minwidth: 0, padding: 1 })).toBe('a   b\nccc d');
  });

  it('returns empty output for empty input', () => {
    expect(tabwrite('', GET_TABWRITER)).toBe('');
  });
});

describe('renderTable (kubectl get layout)', () => {
  it('upper-cases headers and aligns with minwidth 6 and padding 3', () => {
    const out = renderTable(['Name', 'Ready', 'Nominated Node'], [['hello-pod', '1/1', '<none>'], ['a', '0/1', '<none>']]);
    expect(out).toBe(['NAME        READY   NOMINATED NODE', 'hello-pod   1/1     <none>', 'a           0/1     <none>', ''].join('\n'));
  });
});

describe('cell escaping', () => {
  it('cuts a table cell at the first line break and marks it with ...', () => {
    expect(tableCell('first line\nsecond')).toBe('first line...');
    expect(tableCell('a\rb')).toBe('a...');
  });

  it('escapes ESC and CR like kubectl WriteEscaped', () => {
    expect(escapeTerminal('\x1b[31mred\r')).toBe('^[[31mred\\r');
  });
});
