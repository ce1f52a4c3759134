import type { LoadOptions } from './types.ts';

export type ResolvedLoadOptions = Required<LoadOptions>;

/** Defaults documented on `LoadOptions`. */
export const DEFAULT_LOAD_OPTIONS: Readonly<ResolvedLoadOptions> = Object.freeze({
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 5 * 1024 * 1024,
  maxDocuments: 500,
  maxDepth: 64,
  maxAliases: 100,
  maxFiles: 1000,
  accept: ['*.yml', '*.yaml', '*.json', 'commands.sh'],
  exclude: [],
});

const NUMERIC = ['maxFileBytes', 'maxTotalBytes', 'maxDocuments', 'maxDepth', 'maxAliases', 'maxFiles'] as const;

/** Validates an options bag eagerly and fills in defaults; throws a TypeError naming a bad option. */
export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  const out: ResolvedLoadOptions = { ...DEFAULT_LOAD_OPTIONS, accept: [...DEFAULT_LOAD_OPTIONS.accept], exclude: [] };
  for (const name of NUMERIC) {
    const v = options[name];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new TypeError(`LoadOptions.${name} must be a non-negative integer, got ${String(v)}`);
    }
    out[name] = v;
  }
  if (options.accept !== undefined) {
    if (!Array.isArray(options.accept) || options.accept.some((g) => typeof g !== 'string' || g === '')) {
      throw new TypeError('LoadOptions.accept must be an array of non-empty file-name globs');
    }
    out.accept = [...options.accept];
  }
  if (options.exclude !== undefined) {
    if (!Array.isArray(options.exclude) || options.exclude.some((g) => typeof g !== 'string' || g === '')) {
      throw new TypeError('LoadOptions.exclude must be an array of non-empty file-name globs');
    }
    out.exclude = [...options.exclude];
  }
  return out;
}
