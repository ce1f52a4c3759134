import type { Reporter } from './types.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { textReporter } from './text.ts';

export type { Reporter, RenderOptions } from './types.ts';
export { canonicalReport } from './json.ts';

/** Every output format, by name: adding one is one file and one entry here. */
export const reporters: ReadonlyMap<string, Reporter> = new Map([textReporter, jsonReporter, htmlReporter].map((r) => [r.name, r]));

/** Looks up a reporter, throwing an error that lists the valid names for an unknown one. */
export function getReporter(name: string): Reporter {
  const r = reporters.get(name);
  if (!r) throw new Error(`unknown format "${name}"; valid formats: ${[...reporters.keys()].join(', ')}`);
  return r;
}
