import type { FieldError, FieldErrorType } from './types.ts';

const TYPE_TEXT: Record<FieldErrorType, string> = {
  Required: 'Required value',
  Invalid: 'Invalid value',
  NotSupported: 'Unsupported value',
  Duplicate: 'Duplicate value',
  Forbidden: 'Forbidden',
  TooLong: 'Too long',
  NotFound: 'Not found',
  Internal: 'Internal error',
};

const NO_VALUE = new Set<FieldErrorType>(['Required', 'Forbidden', 'TooLong', 'Internal']);

/** Renders a value as the 1.34 API server does: strings Go-quoted, numbers and bools bare, the rest as JSON. */
export function renderValue(value: unknown): string {
  if (value === undefined || value === null) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

/** Renders one field error as `<field>: <Type>[: <value>][: <detail>]`. */
export function renderFieldError(e: FieldError): string {
  let out = `${e.field}: ${TYPE_TEXT[e.type]}`;
  if (!NO_VALUE.has(e.type)) out += `: ${renderValue(e.value)}`;
  if (e.detail) out += `: ${e.detail}`;
  return out;
}

/** Renders kubectl's text for a 422 Invalid error (one cause inline, several as `* ` lines, de-duplicated). */
export function renderInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const causes = [...new Set(errors.map(renderFieldError))];
  if (causes.length === 1) return `The ${kind} "${name}" is invalid: ${causes[0]}`;
  return `The ${kind} "${name}" is invalid: \n${causes.map((c) => `* ${c}`).join('\n')}`;
}
