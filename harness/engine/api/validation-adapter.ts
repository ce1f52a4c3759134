import type { KubeObject } from '../../core/kube.ts';
import { renderFieldError } from '../../validate/field-error.ts';
import { validateObject } from '../../validate/object.ts';
import type { FieldError } from '../../validate/types.ts';
import type { StatusError } from '../types.ts';
import { kindInfo } from '../kinds.ts';

/** The API server's validation step: the same rules the validate stage runs on learners' files. */
export type ObjectValidator = (obj: KubeObject, ctx?: { old?: KubeObject }) => { errors: FieldError[]; warnings: string[] };

let current: ObjectValidator = validateObject;

/** Replaces the validator (tests of the engine alone may swap in a stricter or looser one). */
export function setObjectValidator(fn: ObjectValidator): void {
  current = fn;
}

/** Validates an object as the API server would on create (or update when `old` is given). */
export function validate(obj: KubeObject, ctx?: { old?: KubeObject }): { errors: FieldError[]; warnings: string[] } {
  try {
    return current(obj, ctx);
  } catch (e) {
    return { errors: [{ type: 'Internal', field: '<nil>', detail: (e as Error).message }], warnings: [] };
  }
}

const CAUSE_REASON: Record<FieldError['type'], string> = {
  Required: 'FieldValueRequired',
  Invalid: 'FieldValueInvalid',
  NotSupported: 'FieldValueNotSupported',
  Duplicate: 'FieldValueDuplicate',
  Forbidden: 'FieldValueForbidden',
  TooLong: 'FieldValueTooLong',
  NotFound: 'FieldValueNotFound',
  Internal: 'InternalError',
};

/** Renders a field error's body (everything after `<field>: `) as the API server does. */
export function errorBody(e: FieldError): string {
  return renderFieldError(e).slice(e.field.length + 2);
}

/** Builds the 422 Invalid Status with one cause per field error. */
export function invalid(kind: string, name: string, errors: FieldError[]): StatusError {
  const info = kindInfo(kind);
  const rendered = errors.map(renderFieldError);
  const qualified = info.group ? `${kind}.${info.group}` : kind;
  const list = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  return {
    kind: 'Status',
    apiVersion: 'v1',
    status: 'Failure',
    message: `${qualified} "${name}" is invalid: ${list}`,
    reason: 'Invalid',
    code: 422,
    details: {
      name,
      ...(info.group ? { group: info.group } : {}),
      kind,
      causes: errors.map((e) => ({ reason: CAUSE_REASON[e.type], message: errorBody(e), field: e.field })),
    },
  };
}
