import type { Position } from './position.ts';

export type Severity = 'error' | 'warning' | 'info';

/**
 * A structured diagnostic. Code emits `{ code, params, location }`; the text is rendered from a
 * message table keyed by `code` (see `defineMessages`), so tests can assert codes and params.
 */
export interface Issue {
  code: string;
  severity: Severity;
  message: string;
  hint?: string;
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer inside the document (`/spec/containers/0/image`), when the issue is about a field. */
  pointer?: string;
  /** Kubernetes field path (`spec.containers[0].image`), when the issue is about a field. */
  field?: string;
  params?: Record<string, unknown>;
}

export interface MessageSpec<P> {
  severity: Severity;
  message: (params: P) => string;
  hint?: (params: P) => string | undefined;
}

export type MessageTable = Record<string, MessageSpec<never>>;

export interface IssueLocation {
  position?: Position;
  pointer?: string;
  field?: string;
}

/**
 * Defines a module's message table and returns a typed issue factory for it.
 * Each module (load, validate, engine, checks…) owns its own table; codes are globally unique by prefix.
 */
// `any` lets each entry keep its own parameter type, inferred back in the factory below.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function defineMessages<T extends Record<string, MessageSpec<any>>>(table: T) {
  return function issue<K extends keyof T & string>(
    code: K,
    params: T[K] extends MessageSpec<infer P> ? P : never,
    at?: IssueLocation,
  ): Issue {
    const spec = table[code]!;
    const out: Issue = { code, severity: spec.severity, message: spec.message(params) };
    const hint = spec.hint?.(params);
    if (hint !== undefined) out.hint = hint;
    if (at?.position) {
      out.file = at.position.file;
      out.line = at.position.line;
      out.column = at.position.column;
    }
    if (at?.pointer !== undefined) out.pointer = at.pointer;
    if (at?.field !== undefined) out.field = at.field;
    if (params && typeof params === 'object' && Object.keys(params).length > 0) {
      out.params = params as Record<string, unknown>;
    }
    return out;
  };
}

/** Sorts issues into a stable order: file, line, column, code, message. */
export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(
    (a, b) =>
      cmp(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      cmp(a.code, b.code) ||
      cmp(a.message, b.message),
  );
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
