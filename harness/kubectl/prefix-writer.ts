/**
 * kubectl describe's PrefixWriter over a tabwriter (minwidth 0, padding 2): text is written at an
 * indentation level (2 spaces each) and aligned when flushed.
 */
import { tabwrite, escapeTerminal, DESCRIBE_TABWRITER } from './table.ts';

export interface PrefixWriter {
  /** Writes text at an indentation level; tabs separate aligned cells. */
  write(level: number, text: string): void;
  /** Writes a whole line with no indentation. */
  writeLine(text: string): void;
  /** Aligns everything written so far as one tabwriter flush. */
  flush(): void;
  /** Flushes and returns the aligned text. */
  done(): string;
}

/** Creates a describe writer whose output matches kubectl's tabbedString + NewPrefixWriter. */
export function createPrefixWriter(): PrefixWriter {
  const flushed: string[] = [];
  let pending = '';
  const flush = (): void => {
    // Only complete lines are aligned; a partial line stays pending like Go's tabwriter cell buffer.
    const end = pending.lastIndexOf('\n') + 1;
    if (end === 0) return;
    flushed.push(tabwrite(pending.slice(0, end), DESCRIBE_TABWRITER));
    pending = pending.slice(end);
  };
  return {
    write(level, text) {
      pending += escapeTerminal('  '.repeat(Math.max(0, level)) + text);
    },
    writeLine(text) {
      pending += escapeTerminal(`${text}\n`);
    },
    flush,
    done() {
      flush();
      if (pending !== '') flushed.push(tabwrite(pending, DESCRIBE_TABWRITER));
      pending = '';
      return flushed.join('');
    },
  };
}
