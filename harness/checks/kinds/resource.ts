import { isDeepStrictEqual } from 'node:util';
import type { CheckKind } from '../types.ts';
import { deepestField, evaluateFieldPath, parseFieldPath } from '../field-path.ts';
import { missingObject } from '../missing-object.ts';

export interface ResourceParams {
  kind: string;
  name: string;
  namespace?: string;
  /** Field path → exact expected value; `[*]` means any element may match. */
  fields?: Record<string, unknown>;
}

/** The object exists and, optionally, has the given field values. Partial credit per field. */
export const resourceCheck: CheckKind<ResourceParams> = {
  name: 'resource',
  description: 'an object exists (kind, name, namespace) and its fields have the given values',
  schema: {
    type: 'object',
    required: ['kind', 'name'],
    additionalProperties: false,
    properties: {
      kind: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      namespace: { type: 'string', minLength: 1 },
      fields: { type: 'object', minProperties: 1 },
    },
  },
  validate(params) {
    const problems: string[] = [];
    for (const path of Object.keys(params.fields ?? {})) {
      try {
        parseFieldPath(path);
      } catch (e) {
        problems.push((e as Error).message);
      }
    }
    return problems;
  },
  run(params, ctx) {
    const ref = { kind: params.kind, namespace: params.namespace ?? 'default', name: params.name };
    const obj = ctx.cluster.get(ref);
    if (!obj) return missingObject(ref, ctx);
    const entries = Object.entries(params.fields ?? {});
    if (entries.length === 0) return { status: 'passed' };
    const failures: { message: string; field: string }[] = [];
    for (const [path, expected] of entries) {
      const steps = parseFieldPath(path);
      const matches = evaluateFieldPath(obj, steps);
      if (matches.some((m) => isDeepStrictEqual(m.value, expected))) continue;
      if (matches.length === 0) {
        failures.push({ field: deepestField(obj, steps), message: `${path} is not set, expected ${show(expected)}` });
      } else {
        const got = matches.map((m) => show(m.value)).join(', ');
        failures.push({ field: matches[0]!.field, message: `${path} is ${got}, expected ${show(expected)}` });
      }
    }
    if (failures.length === 0) return { status: 'passed' };
    const first = failures[0]!;
    return {
      status: 'failed',
      fraction: (entries.length - failures.length) / entries.length,
      message: `${params.kind} "${params.name}": ${failures.map((f) => f.message).join('; ')}`,
      location: ctx.sources.locate(ref, first.field),
    };
  },
};

function show(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}
