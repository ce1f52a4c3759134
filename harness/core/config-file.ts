import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node } from 'yaml';
import type { Position } from './position.ts';
import { formatPath, pointerToPath } from './json-pointer.ts';

/** An error in a file written by a course author (exercise.yaml, mutant.yaml, images.yaml). */
export class ConfigError extends Error {
  readonly code = 'config/invalid';
  constructor(
    readonly problems: { message: string; position?: Position }[],
    readonly file: string,
  ) {
    super(
      problems
        .map((p) => (p.position ? `${p.position.file}:${p.position.line}:${p.position.column}: ` : `${file}: `) + p.message)
        .join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export interface ConfigDocument {
  value: unknown;
  /** Position of the value (or, with `key`, of the key) at a path of keys/indexes (nearest existing ancestor when missing). */
  positionOf(path: readonly (string | number)[], key?: boolean): Position;
}

/** Parses one YAML config file, throwing a ConfigError with positions on syntax errors. */
export function parseConfigYaml(file: string, text: string): ConfigDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { file, line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    throw new ConfigError(
      doc.errors.map((e) => ({ message: e.message.split('\n')[0] ?? e.message, position: at(e.pos[0]) })),
      file,
    );
  }
  const positionOf = (path: readonly (string | number)[], wantKey = false): Position => {
    let node: unknown = doc.contents;
    let last: Node | null = (doc.contents as Node | null) ?? null;
    for (const [depth, key] of path.entries()) {
      if (isMap(node)) {
        const pair = node.items.find((it) => isScalar(it.key) && String(it.key.value) === String(key));
        if (!pair) break;
        node = pair.value;
        if (wantKey && depth === path.length - 1 && pair.key && (pair.key as Node).range) last = pair.key as Node;
        else if (pair.value && (pair.value as Node).range) last = pair.value as Node;
        else if (pair.key && (pair.key as Node).range) last = pair.key as Node;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (!node) break;
        last = node as Node;
      } else break;
    }
    return at(last?.range?.[0] ?? 0);
  };
  return { value: doc.toJS({ maxAliasCount: 50 }), positionOf };
}

const ajv = new Ajv({ allErrors: true, strict: false });
const compiled = new WeakMap<object, ValidateFunction>();

/** Validates a parsed config document against a JSON Schema, throwing a ConfigError naming each bad line. */
export function assertConfigSchema(file: string, doc: ConfigDocument, schema: object, value: unknown = doc.value, base: (string | number)[] = []): void {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return;
  const problems = (validate.errors ?? []).map((e) => describeAjvError(e, doc, base));
  throw new ConfigError(dedupe(problems), file);
}

function describeAjvError(e: ErrorObject, doc: ConfigDocument, base: (string | number)[]): { message: string; position: Position } {
  const path = [...base, ...pointerToPath(e.instancePath)];
  const where = path.length ? formatPath(path) : '(top level)';
  let message: string;
  if (e.keyword === 'additionalProperties') {
    const extra = String((e.params as { additionalProperty: string }).additionalProperty);
    return { message: `${where}: unknown key "${extra}"`, position: doc.positionOf([...path, extra], true) };
  } else if (e.keyword === 'required') {
    message = `${where}: missing required key "${(e.params as { missingProperty: string }).missingProperty}"`;
  } else if (e.keyword === 'enum') {
    message = `${where}: must be one of ${((e.params as { allowedValues: unknown[] }).allowedValues).map((v) => JSON.stringify(v)).join(', ')}`;
  } else {
    message = `${where}: ${e.message ?? 'is invalid'}`;
  }
  return { message, position: doc.positionOf(path) };
}

function dedupe<T extends { message: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.message) ? false : (seen.add(i.message), true)));
}
