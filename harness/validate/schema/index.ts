import { pointerToPath } from '../../core/json-pointer.ts';
import { Ajv } from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { formatFieldPath } from '../field-path.ts';
import type { SchemaNode } from './builders.ts';
import { KIND_SCHEMAS } from './kinds.ts';

export { KIND_SCHEMAS } from './kinds.ts';

/** One structural problem found by the kind's schema. */
export type StructuralProblem =
  | { code: 'unknown-field'; path: (string | number)[]; field: string; key: string; allowed: string[] }
  | { code: 'wrong-type'; path: (string | number)[]; field: string; message: string; expected: string; got: string };

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const compiled = new Map<string, ValidateFunction>();

function validatorFor(kind: string): ValidateFunction | undefined {
  const schema = KIND_SCHEMAS[kind];
  if (!schema) return undefined;
  let v = compiled.get(kind);
  if (!v) {
    v = ajv.compile(schema);
    compiled.set(kind, v);
  }
  return v;
}

interface Walk {
  node: SchemaNode | undefined;
  struct: string | undefined;
  goPath: string[];
}

/** Follows a data path through a schema, remembering the innermost Go struct and the Go field path. */
export function schemaAt(root: SchemaNode, path: readonly (string | number)[]): Walk {
  let node: SchemaNode | undefined = root;
  let struct = root['x-go'] as string | undefined;
  const goPath: string[] = [];
  let structAtLeaf: string | undefined = struct;
  for (const seg of path) {
    if (!node) break;
    structAtLeaf = (node['x-go'] as string | undefined) ?? structAtLeaf;
    const props = node.properties as Record<string, SchemaNode> | undefined;
    if (typeof seg === 'number' || node.type === 'array') {
      node = node.items as SchemaNode | undefined;
    } else if (props && Object.prototype.hasOwnProperty.call(props, seg)) {
      struct = structAtLeaf;
      goPath.push(seg);
      node = props[seg];
    } else if (typeof node.additionalProperties === 'object') {
      node = node.additionalProperties as SchemaNode;
    } else node = undefined;
  }
  return { node, struct, goPath };
}

/** Lists the field names allowed at a data path (for did-you-mean), or [] when the place is free-form. */
export function allowedKeysAt(kind: string, path: readonly (string | number)[]): string[] {
  const schema = KIND_SCHEMAS[kind];
  if (!schema) return [];
  const { node } = schemaAt(schema, path);
  const props = node?.properties as Record<string, unknown> | undefined;
  return props ? Object.keys(props) : [];
}

function jsonTypeOf(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) <= 2147483647 ? 'number' : `number ${String(v)}`;
  return typeof v === 'object' ? 'object' : typeof v;
}

function goTypeOf(node: SchemaNode | undefined): string {
  if (!node) return 'unknown';
  if (node['x-go']) return `v1.${String(node['x-go'])}`;
  return String(node['x-gotype'] ?? 'unknown');
}

const INT32 = 2147483647;

/** Checks a document against its kind's schema: unknown fields and wrong JSON types. */
export function checkStructure(kind: string, value: unknown): StructuralProblem[] {
  const validate = validatorFor(kind);
  const schema = KIND_SCHEMAS[kind];
  if (!validate || !schema) return [];
  const out: StructuralProblem[] = [];
  if (!validate(value)) {
    for (const e of validate.errors ?? []) {
      const p = toProblem(schema, e);
      if (p) out.push(p);
    }
  }
  out.push(...int32Overflows(schema, value, []));
  return out;
}

function toProblem(schema: SchemaNode, e: ErrorObject): StructuralProblem | undefined {
  const path = pointerToPath(e.instancePath);
  if (e.keyword === 'additionalProperties') {
    const key = String((e.params as { additionalProperty: string }).additionalProperty);
    const { node } = schemaAt(schema, path);
    const allowed = Object.keys((node?.properties as Record<string, unknown> | undefined) ?? {});
    return { code: 'unknown-field', path: [...path, key], field: formatFieldPath([...path, key]), key, allowed };
  }
  if (e.keyword === 'type') {
    // Go's decoder accepts null for every field (it leaves the zero value), so null is never a type error.
    if (e.data === null || path.length === 0) return undefined;
    const walk = schemaAt(schema, path);
    const got = jsonTypeOf(e.data);
    const goType = goTypeOf(walk.node);
    const where = walk.struct ? `Go struct field ${walk.struct}.${walk.goPath.join('.')}` : 'Go value';
    return {
      code: 'wrong-type',
      path,
      field: formatFieldPath(path),
      message: `json: cannot unmarshal ${got} into ${where} of type ${goType}`,
      expected: goType,
      got: got.split(' ')[0]!,
    };
  }
  return undefined;
}

/** Finds integers that do not fit the Go int32 fields they are decoded into. */
function int32Overflows(schema: SchemaNode, value: unknown, path: (string | number)[]): StructuralProblem[] {
  const out: StructuralProblem[] = [];
  const visit = (v: unknown, p: (string | number)[], depth: number): void => {
    if (depth > 64) return;
    if (typeof v === 'number') {
      if (Number.isInteger(v) && Math.abs(v) > INT32) {
        const walk = schemaAt(schema, p);
        if (walk.node?.['x-gotype'] === 'int32' && walk.struct) {
          out.push({
            code: 'wrong-type',
            path: p,
            field: formatFieldPath(p),
            message: `json: cannot unmarshal number ${String(v)} into Go struct field ${walk.struct}.${walk.goPath.join('.')} of type int32`,
            expected: 'int32',
            got: 'number',
          });
        }
      }
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => visit(x, [...p, i], depth + 1));
    else if (v && typeof v === 'object') for (const k of Object.keys(v).sort()) visit((v as Record<string, unknown>)[k], [...p, k], depth + 1);
  };
  visit(value, path, 0);
  return out;
}
