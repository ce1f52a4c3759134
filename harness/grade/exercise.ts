import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { ConfigError, assertConfigSchema, parseConfigYaml, type ConfigDocument } from '../core/config-file.ts';
import type { Visibility } from '../core/result.ts';
import type { ExternalHost, NodeSpec } from '../engine/types.ts';
import { checkKinds } from '../checks/registry.ts';
import type { CheckSpec } from '../checks/types.ts';
import { propertySchema, toProperties, type RawProperty } from '../properties/spec.ts';
import type { PropertySpec } from '../properties/types.ts';

/** An exercise as declared in `exercises/<id>/exercise.yaml`. */
export interface ExerciseSpec {
  id: string;
  title: string;
  /** Absolute path of the exercise folder. */
  dir: string;
  cluster: {
    nodes: number | NodeSpec[];
    /** Manifest files (relative to the exercise folder) applied before the submission. */
    given: string[];
    /** Virtual seconds the cluster may run after the submission is applied. */
    settleSeconds: number;
    /** IPs a cloud load balancer hands out (none: EXTERNAL-IP stays <pending>). */
    loadBalancerPool?: string[];
    /** Machines outside the cluster that selector-less Services may point at. */
    externalHosts?: ExternalHost[];
  };
  submission: { accept: string[] };
  checks: CheckSpec[];
  /** Invariants that must hold while faults hit the cluster (fast-check scenarios). */
  properties?: PropertySpec[];
}

const nodeSchema = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', pattern: '^[a-z0-9]([-a-z0-9]*[a-z0-9])?$' },
    cpu: { type: ['string', 'number'] },
    memory: { type: 'string' },
    pods: { type: 'integer', minimum: 1 },
    labels: { type: 'object', additionalProperties: { type: 'string' } },
    taints: {
      type: 'array',
      items: {
        type: 'object',
        required: ['key', 'effect'],
        additionalProperties: false,
        properties: {
          key: { type: 'string' },
          value: { type: 'string' },
          effect: { enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'] },
        },
      },
    },
  },
};

const checkSchema = {
  type: 'object',
  required: ['id', 'title', 'points', 'expect'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[a-z0-9][a-z0-9-]*$' },
    title: { type: 'string', minLength: 1 },
    points: { type: 'integer', minimum: 0 },
    hint: { type: 'string' },
    expect: { type: 'object', minProperties: 1, maxProperties: 1 },
  },
};

/** The JSON Schema of exercise.yaml (check parameters are validated per kind afterwards). */
export const exerciseSchema = {
  type: 'object',
  required: ['id', 'title', 'checks'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', pattern: '^[0-9]{2}-[a-z0-9-]+$' },
    title: { type: 'string', minLength: 1 },
    cluster: {
      type: 'object',
      additionalProperties: false,
      properties: {
        nodes: { oneOf: [{ type: 'integer', minimum: 0, maximum: 5000 }, { type: 'array', items: nodeSchema }] },
        given: { type: 'array', items: { type: 'string' } },
        settleSeconds: { type: 'number', exclusiveMinimum: 0, maximum: 86400 },
        loadBalancerPool: { type: 'array', items: { type: 'string', minLength: 1 } },
        externalHosts: {
          type: 'array',
          items: {
            type: 'object',
            required: ['ip', 'port'],
            additionalProperties: false,
            properties: {
              name: { type: 'string' },
              ip: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+\\.\\d+$' },
              port: { type: 'integer', minimum: 1, maximum: 65535 },
              protocol: { enum: ['TCP', 'UDP'] },
              http: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['path', 'status', 'body'],
                  additionalProperties: false,
                  properties: { path: { type: 'string' }, status: { type: 'integer' }, body: { type: 'string' } },
                },
              },
              udpReply: { type: 'string' },
            },
          },
        },
      },
    },
    submission: {
      type: 'object',
      additionalProperties: false,
      properties: { accept: { type: 'array', items: { type: 'string' }, minItems: 1 } },
    },
    checks: { type: 'array', items: checkSchema },
    properties: { type: 'array', items: propertySchema },
  },
};

const hiddenSchema = {
  type: 'object',
  required: ['checks'],
  additionalProperties: false,
  properties: { checks: { type: 'array', items: checkSchema } },
};

interface RawCheck {
  id: string;
  title: string;
  points: number;
  hint?: string;
  expect: Record<string, unknown>;
}

/** Reads and validates an exercise folder's exercise.yaml, throwing a ConfigError with line numbers. */
export function loadExercise(dir: string, courseRoot?: string): ExerciseSpec {
  const file = join(dir, 'exercise.yaml');
  const shown = courseRoot ? relative(courseRoot, file) : file;
  if (!existsSync(file)) throw new ConfigError([{ message: 'exercise.yaml is missing' }], shown);
  const doc = parseConfigYaml(shown, readFileSync(file, 'utf8'));
  assertConfigSchema(shown, doc, exerciseSchema);
  const raw = doc.value as {
    id: string;
    title: string;
    cluster?: { nodes?: number | NodeSpec[]; given?: string[]; settleSeconds?: number; loadBalancerPool?: string[]; externalHosts?: ExternalHost[] };
    submission?: { accept?: string[] };
    checks: RawCheck[];
    properties?: RawProperty[];
  };
  if (raw.id !== basename(dir)) {
    throw new ConfigError([{ message: `id "${raw.id}" must equal the folder name "${basename(dir)}"`, position: doc.positionOf(['id']) }], shown);
  }
  for (const [i, given] of (raw.cluster?.given ?? []).entries()) {
    if (given.includes('..') || given.startsWith('/') || !existsSync(join(dir, given))) {
      throw new ConfigError([{ message: `cluster.given[${i}]: "${given}" is not a file inside the exercise folder`, position: doc.positionOf(['cluster', 'given', i]) }], shown);
    }
  }
  const checks = toChecks(shown, doc, raw.checks, 'visible');
  return {
    id: raw.id,
    title: raw.title,
    dir,
    cluster: {
      nodes: raw.cluster?.nodes ?? 3,
      given: raw.cluster?.given ?? [],
      settleSeconds: raw.cluster?.settleSeconds ?? 300,
      ...(raw.cluster?.loadBalancerPool ? { loadBalancerPool: raw.cluster.loadBalancerPool } : {}),
      ...(raw.cluster?.externalHosts ? { externalHosts: raw.cluster.externalHosts } : {}),
    },
    submission: { accept: raw.submission?.accept ?? ['*.yml', '*.yaml', '*.json', 'commands.sh'] },
    checks,
    ...(raw.properties ? { properties: toProperties(shown, doc, raw.properties, checks.map((c) => c.id)) } : {}),
  };
}

/** Reads hidden checks (`solutions/<id>/hidden.yaml`); their ids must not clash with the visible ones. */
export function loadHiddenChecks(file: string, shown: string, visible: readonly CheckSpec[]): CheckSpec[] {
  const doc = parseConfigYaml(shown, readFileSync(file, 'utf8'));
  assertConfigSchema(shown, doc, hiddenSchema);
  const checks = toChecks(shown, doc, (doc.value as { checks: RawCheck[] }).checks, 'hidden');
  for (const [i, c] of checks.entries()) {
    if (visible.some((v) => v.id === c.id)) {
      throw new ConfigError([{ message: `check id "${c.id}" is already used by a visible check`, position: doc.positionOf(['checks', i, 'id']) }], shown);
    }
  }
  return checks;
}

function toChecks(shown: string, doc: ConfigDocument, raws: RawCheck[], visibility: Visibility): CheckSpec[] {
  const seen = new Set<string>();
  return raws.map((raw, i) => {
    if (seen.has(raw.id)) {
      throw new ConfigError([{ message: `duplicate check id "${raw.id}"`, position: doc.positionOf(['checks', i, 'id']) }], shown);
    }
    seen.add(raw.id);
    const [kindName, params] = Object.entries(raw.expect)[0]!;
    const kind = checkKinds.get(kindName);
    if (!kind) {
      throw new ConfigError(
        [{ message: `checks[${i}].expect: unknown check kind "${kindName}"; valid kinds: ${[...checkKinds.keys()].sort().join(', ')}`, position: doc.positionOf(['checks', i, 'expect', kindName], true) }],
        shown,
      );
    }
    assertConfigSchema(shown, doc, kind.schema, params ?? {}, ['checks', i, 'expect', kindName]);
    const problems = kind.validate?.(params ?? {}) ?? [];
    if (problems.length > 0) {
      throw new ConfigError(problems.map((message) => ({ message, position: doc.positionOf(['checks', i, 'expect', kindName]) })), shown);
    }
    const spec: CheckSpec = {
      id: raw.id,
      title: raw.title,
      points: raw.points,
      visibility,
      kind: kindName,
      params: params ?? {},
      position: doc.positionOf(['checks', i]),
    };
    if (raw.hint !== undefined) spec.hint = raw.hint;
    return spec;
  });
}
