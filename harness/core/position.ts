/** A place in a learner's (or author's) file; line and column are 1-based. */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/** Formats a position the way editors and terminals link it: `file:line:column`. */
export function formatPosition(p: Position): string {
  return `${p.file}:${p.line}:${p.column}`;
}
