import type { CheckKind } from './types.ts';
import { dnsCheck } from './kinds/dns.ts';
import { endpointsCheck } from './kinds/endpoints.ts';
import { eventCheck } from './kinds/event.ts';
import { noErrorsCheck } from './kinds/no-errors.ts';
import { podCheck } from './kinds/pod.ts';
import { requestCheck } from './kinds/request.ts';
import { resourceCheck } from './kinds/resource.ts';

// Parameters are checked against each kind's JSON Schema when exercise.yaml loads, so the registry
// erases the parameter type; `any` here is that erasure, in one place.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCheckKind = CheckKind<any>;

/** The check vocabulary: adding a kind is one file and one entry here. */
export const checkKinds: ReadonlyMap<string, AnyCheckKind> = new Map(
  ([noErrorsCheck, resourceCheck, podCheck, requestCheck, endpointsCheck, dnsCheck, eventCheck] as AnyCheckKind[]).map((k) => [k.name, k]),
);

/** Looks up a check kind, throwing an error that lists the valid names for an unknown one. */
export function getCheckKind(name: string): AnyCheckKind {
  const kind = checkKinds.get(name);
  if (!kind) throw new Error(`unknown check kind "${name}"; valid kinds: ${[...checkKinds.keys()].sort().join(', ')}`);
  return kind;
}
