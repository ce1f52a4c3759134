import type { GeneratorInput, GeneratorResult } from './types.ts';
import { exactlyOneName, flagValues, meta } from './types.ts';

const CONFIG_KEY = /^[-._a-zA-Z0-9]+$/;

/** Builds the ConfigMap of `kubectl create configmap NAME --from-literal=k=v …` (files are never read here). */
export function createConfigMap(input: GeneratorInput): GeneratorResult {
  if (input.args.length !== 1) return exactlyOneName(input);
  const name = input.args[0]!;
  const files = [...flagValues(input, 'from-file'), ...flagValues(input, 'from-env-file')];
  if (files.length > 0) {
    // Not kubectl's text: kubectl would read the file; the grader never reads files named in commands.
    return { ok: false, error: `error: --from-file and --from-env-file are not supported here (${files[0]} was not read); use --from-literal or a manifest` };
  }
  const data: Record<string, string> = {};
  for (const literal of flagValues(input, 'from-literal')) {
    const eq = literal.indexOf('=');
    if (eq <= 0) return { ok: false, error: `error: invalid literal source ${literal}, expected key=value` };
    const key = literal.slice(0, eq);
    const value = literal.slice(eq + 1);
    const keyError = validateKey(key);
    if (keyError) return { ok: false, error: `error: ${keyError}` };
    if (Object.prototype.hasOwnProperty.call(data, key)) {
      return { ok: false, error: `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"` };
    }
    data[key] = value;
  }
  const obj: Record<string, unknown> = { kind: 'ConfigMap', apiVersion: 'v1', metadata: meta(name, input) };
  // Go's encoding/json writes map keys sorted.
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(data).sort()) sorted[k] = data[k]!;
  if (Object.keys(sorted).length > 0) obj['data'] = sorted;
  return { ok: true, objects: [obj as never] };
}

function validateKey(key: string): string | undefined {
  if (key.length > 253) return `"${key}" is not a valid key name for a ConfigMap: must be no more than 253 characters`;
  if (!CONFIG_KEY.test(key)) {
    return `"${key}" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`;
  }
  if (key === '.') return `"${key}" is not a valid key name for a ConfigMap: must not be '.'`;
  if (key === '..') return `"${key}" is not a valid key name for a ConfigMap: must not be '..'`;
  if (key.startsWith('..')) return `"${key}" is not a valid key name for a ConfigMap: must not start with '..'`;
  return undefined;
}
