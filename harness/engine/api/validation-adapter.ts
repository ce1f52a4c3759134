import type { KubeObject } from '../../core/kube.ts';
import type { FieldError } from '../../validate/types.ts';
import type { StatusError } from '../types.ts';
import { kindInfo } from '../kinds.ts';
import { asList, asMap } from '../util.ts';

/**
 * Bridge to harness/validate. `harness/validate/object.ts` (validateObject) did not exist when this
 * was written, so this adapter holds a minimal stand-in; the lead swaps in the real import here.
 */
export type ObjectValidator = (obj: KubeObject, ctx?: { old?: KubeObject }) => { errors: FieldError[]; warnings: string[] };

const minimalValidator: ObjectValidator = (obj) => {
  const errors: FieldError[] = [];
  if (!obj.metadata?.name && !obj.metadata?.generateName) {
    errors.push({ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' });
  }
  if (obj.kind === 'Pod') {
    const containers = asList(asMap(obj.spec)?.containers);
    if (containers.length === 0) errors.push({ type: 'Required', field: 'spec.containers' });
    containers.forEach((c, i) => {
      const image = asMap(c)?.image;
      if (typeof image !== 'string' || image === '') errors.push({ type: 'Required', field: `spec.containers[${i}].image` });
    });
  }
  return { errors, warnings: [] };
};

let current: ObjectValidator = minimalValidator;

/** Replaces the validator (the lead wires `validateObject` from harness/validate/object.ts here). */
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

const TYPE_TEXT: Record<FieldError['type'], [string, string]> = {
  Required: ['Required value', 'FieldValueRequired'],
  Invalid: ['Invalid value', 'FieldValueInvalid'],
  NotSupported: ['Unsupported value', 'FieldValueNotSupported'],
  Duplicate: ['Duplicate value', 'FieldValueDuplicate'],
  Forbidden: ['Forbidden', 'FieldValueForbidden'],
  TooLong: ['Too long', 'FieldValueTooLong'],
  NotFound: ['Not found', 'FieldValueNotFound'],
  Internal: ['Internal error', 'InternalError'],
};

/** Renders a field error body as the API server does (1.34: values as JSON). */
export function errorBody(e: FieldError): string {
  const [text] = TYPE_TEXT[e.type];
  const showValue = e.type !== 'Required' && e.type !== 'Forbidden' && e.type !== 'TooLong' && e.type !== 'Internal';
  let out = text;
  if (showValue) out += `: ${e.value === undefined ? 'null' : JSON.stringify(e.value)}`;
  if (e.detail) out += `: ${e.detail}`;
  return out;
}

/** Builds the 422 Invalid Status with one cause per field error. */
export function invalid(kind: string, name: string, errors: FieldError[]): StatusError {
  const info = kindInfo(kind);
  const rendered = errors.map((e) => `${e.field}: ${errorBody(e)}`);
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
      causes: errors.map((e) => ({ reason: TYPE_TEXT[e.type][1], message: errorBody(e), field: e.field })),
    },
  };
}
