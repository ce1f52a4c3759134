import { readFileSync } from 'node:fs';
import { ConfigError, assertConfigSchema, parseConfigYaml } from '../core/config-file.ts';

/** A known-wrong variant of a reference solution and the checks it must fail. */
export interface MutantSpec {
  description: string;
  fails: string[];
}

const mutantSchema = {
  type: 'object',
  required: ['description', 'fails'],
  additionalProperties: false,
  properties: {
    description: { type: 'string', minLength: 1 },
    fails: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
  },
};

/** Reads a mutant.yaml, checking that every listed check id exists. */
export function loadMutant(file: string, shown: string, checkIds: readonly string[]): MutantSpec {
  const doc = parseConfigYaml(shown, readFileSync(file, 'utf8'));
  assertConfigSchema(shown, doc, mutantSchema);
  const spec = doc.value as MutantSpec;
  spec.fails.forEach((id, i) => {
    if (!checkIds.includes(id)) {
      throw new ConfigError([{ message: `fails[${i}]: no check "${id}"; checks: ${checkIds.join(', ')}`, position: doc.positionOf(['fails', i]) }], shown);
    }
  });
  return spec;
}
