import type { KubeObject } from '../../core/kube.ts';

/**
 * What a generator returns: the objects kubectl would send, in the exact form
 * `kubectl … --dry-run=client -o json` prints (so `resources: {}`, `strategy: {}`, `status: {}` are kept;
 * kubectl 1.34 omits `creationTimestamp` in JSON), or kubectl's exact stderr text.
 */
export type GeneratorResult = { ok: true; objects: KubeObject[] } | { ok: false; error: string };

/** The parsed command line a generator reads (structurally `KubectlInvocation` from harness/script). */
export interface GeneratorInput {
  verb: string;
  args: string[];
  flags: ReadonlyMap<string, string[]>;
}

/** Returns the last value of a scalar flag (pflag keeps the last occurrence). */
export function flagValue(input: GeneratorInput, name: string): string | undefined {
  const list = input.flags.get(name);
  return list && list.length > 0 ? list[list.length - 1] : undefined;
}

/** Returns every value of a repeatable flag, in order. */
export function flagValues(input: GeneratorInput, name: string): string[] {
  return [...(input.flags.get(name) ?? [])];
}

/** Renders kubectl's "exactly one NAME" error for a command path. */
export function exactlyOneName(input: GeneratorInput): GeneratorResult {
  return {
    ok: false,
    error: `error: exactly one NAME is required, got ${input.args.length}\nSee 'kubectl ${input.verb} -h' for help and examples`,
  };
}

/** Builds metadata the way kubectl orders it: name, namespace (only when `-n` was given), labels. */
export function meta(name: string, input: GeneratorInput, labels?: Record<string, string>): KubeObject['metadata'] {
  const out: KubeObject['metadata'] = { name };
  const ns = flagValue(input, 'namespace');
  if (ns !== undefined && ns !== '') out.namespace = ns;
  if (labels) out.labels = labels;
  return out;
}

/** Parses a base-10 integer flag value already checked by the argument parser. */
export function intFlag(input: GeneratorInput, name: string, fallback: number): number {
  const v = flagValue(input, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  return Number.isFinite(n) ? n : fallback;
}
