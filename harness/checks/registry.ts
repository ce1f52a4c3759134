import type { CheckKind } from './types.ts';
import { eventCheck } from './kinds/event.ts';
import { noErrorsCheck } from './kinds/no-errors.ts';
import { podCheck } from './kinds/pod.ts';
import { requestCheck } from './kinds/request.ts';
import { resourceCheck } from './kinds/resource.ts';

/** The check vocabulary: adding a kind is one file and one entry here. */
export const checkKinds: ReadonlyMap<string, CheckKind<any>> = new Map(
  [noErrorsCheck, resourceCheck, podCheck, requestCheck, eventCheck].map((k) => [k.name, k as CheckKind<any>]),
);

/** Looks up a check kind, throwing an error that lists the valid names for an unknown one. */
export function getCheckKind(name: string): CheckKind<any> {
  const kind = checkKinds.get(name);
  if (!kind) throw new Error(`unknown check kind "${name}"; valid kinds: ${[...checkKinds.keys()].sort().join(', ')}`);
  return kind;
}
