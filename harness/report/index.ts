import type { Reporter } from './types.ts';
import { htmlReporter } from './html.ts';
import { jsonReporter } from './json.ts';
import { textReporter } from './text.ts';
import { junitReporter } from './junit.ts';
import { gradescopeReporter } from './gradescope.ts';
import { prairielearnReporter } from './prairielearn.ts';
import { csvReporter } from './csv.ts';

export type { Reporter, RenderOptions } from './types.ts';
export { canonicalReport } from './json.ts';

/** Every output format, by name: adding one is one file and one entry here. */
export const reporters: ReadonlyMap<string, Reporter> = new Map([textReporter, jsonReporter, htmlReporter, junitReporter, gradescopeReporter, prairielearnReporter, csvReporter].map((r) => [r.name, r]));

/** Looks up a reporter, throwing an error that lists the valid names for an unknown one. */
export function getReporter(name: string): Reporter {
  const r = reporters.get(name);
  if (!r) throw new Error(`unknown format "${name}"; valid formats: ${[...reporters.keys()].join(', ')}`);
  return r;
}
