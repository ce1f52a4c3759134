import { assertConfigSchema, ConfigError, type ConfigDocument } from '../core/config-file.ts';
import { checkKinds } from '../checks/registry.ts';
import { faultKinds } from './faults/registry.ts';
import type { FaultEntry, PropertySpec } from './types.ts';

/** JSON Schema of one entry of exercise.yaml's `properties:` (invariant and fault parameters are checked per kind afterwards). */
export const propertySchema = {
  type: 'object',
  required: ['id', 'title', 'points', 'invariant', 'faults'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    title: { type: 'string', minLength: 1 },
    points: { type: 'integer', minimum: 0 },
    hint: { type: 'string' },
    invariant: { type: 'object', minProperties: 1, maxProperties: 1 },
    faults: {
      type: 'array',
      minItems: 1,
      items: { oneOf: [{ type: 'string' }, { type: 'object', minProperties: 1, maxProperties: 1 }] },
    },
    scenarios: { type: 'integer', minimum: 1, maximum: 1000 },
    steps: { type: 'integer', minimum: 1, maximum: 20 },
    exhaustive: { type: 'boolean' },
    partialCredit: { type: 'boolean' },
    recoverSeconds: { type: 'number', minimum: 0, maximum: 3600 },
  },
};

export interface RawProperty {
  id: string;
  title: string;
  points: number;
  hint?: string;
  invariant: Record<string, unknown>;
  faults: (string | Record<string, unknown>)[];
  scenarios?: number;
  steps?: number;
  exhaustive?: boolean;
  partialCredit?: boolean;
  recoverSeconds?: number;
}

/** Defaults of a property: scenarios sampled and most faults per scenario. */
export const PROPERTY_DEFAULTS = { scenarios: 50, steps: 4 } as const;

/** Turns exercise.yaml's `properties:` into PropertySpecs, throwing a ConfigError at the line of each mistake. */
export function toProperties(shown: string, doc: ConfigDocument, raws: readonly RawProperty[], takenIds: readonly string[] = []): PropertySpec[] {
  const seen = new Set(takenIds);
  return raws.map((raw, i) => {
    const at = (...path: (string | number)[]) => doc.positionOf(['properties', i, ...path]);
    if (seen.has(raw.id)) throw new ConfigError([{ message: `duplicate check or property id "${raw.id}"`, position: at('id') }], shown);
    seen.add(raw.id);
    const [kindName, params] = Object.entries(raw.invariant)[0]!;
    const kind = checkKinds.get(kindName);
    if (!kind) {
      throw new ConfigError([{ message: `properties[${i}].invariant: unknown check kind "${kindName}"; valid kinds: ${[...checkKinds.keys()].sort().join(', ')}`, position: at('invariant', kindName) }], shown);
    }
    assertConfigSchema(shown, doc, kind.schema, params ?? {}, ['properties', i, 'invariant', kindName]);
    const problems = kind.validate?.(params ?? {}) ?? [];
    if (problems.length > 0) throw new ConfigError(problems.map((message) => ({ message, position: at('invariant', kindName) })), shown);
    const faults = raw.faults.map((f, j) => toFault(shown, doc, f, [i, j]));
    const spec: PropertySpec = {
      id: raw.id,
      title: raw.title,
      points: raw.points,
      visibility: 'visible',
      invariant: { kind: kindName, params: params ?? {} },
      faults,
      scenarios: raw.scenarios ?? PROPERTY_DEFAULTS.scenarios,
      steps: raw.steps ?? PROPERTY_DEFAULTS.steps,
      exhaustive: raw.exhaustive ?? false,
      partialCredit: raw.partialCredit ?? false,
      recoverSeconds: raw.recoverSeconds ?? 0,
    };
    if (raw.hint !== undefined) spec.hint = raw.hint;
    return spec;
  });
}

function toFault(shown: string, doc: ConfigDocument, raw: string | Record<string, unknown>, [i, j]: [number, number]): FaultEntry {
  const [name, params] = typeof raw === 'string' ? [raw, {}] : Object.entries(raw)[0]!;
  const path = ['properties', i, 'faults', j];
  const fault = faultKinds.get(name);
  if (!fault) {
    throw new ConfigError([{ message: `properties[${i}].faults[${j}]: unknown fault "${name}"; valid faults: ${[...faultKinds.keys()].sort().join(', ')}`, position: doc.positionOf(path) }], shown);
  }
  const value = params ?? {};
  assertConfigSchema(shown, doc, fault.schema, value, typeof raw === 'string' ? path : [...path, name]);
  return { name, params: value as Record<string, unknown> };
}
