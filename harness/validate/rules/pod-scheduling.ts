import { parseQuantity } from '../../engine/quantity.ts';
import type { FieldError } from '../types.ts';
import { asList, asMap, type Rule } from './util.ts';

/** Finds the Pod spec of a Pod or of a workload's template, with its field path. */
function podSpecOf(obj: { kind: string; spec?: unknown }): [Record<string, unknown>, string] | undefined {
  const spec = asMap(obj.spec);
  if (!spec) return undefined;
  if (obj.kind === 'Pod') return [spec, 'spec'];
  const inner = asMap(asMap(spec.template)?.spec);
  return inner ? [inner, 'spec.template.spec'] : undefined;
}

/** Requests must not exceed limits (ValidateResourceRequirements). */
export const podSchedulingRule: Rule = {
  id: 'pod-scheduling',
  kinds: ['Pod', 'Deployment', 'ReplicaSet', 'Job'],
  check(obj) {
    const found = podSpecOf(obj);
    if (!found) return [];
    const [spec, base] = found;
    const out: FieldError[] = [];
    for (const [list, name] of [[spec.containers, 'containers'], [spec.initContainers, 'initContainers']] as const) {
      asList(list).forEach((raw, i) => {
        const resources = asMap(asMap(raw)?.resources);
        const requests = asMap(resources?.requests) ?? {};
        const limits = asMap(resources?.limits) ?? {};
        for (const resource of Object.keys(requests).sort()) {
          if (!(resource in limits)) continue;
          const req = parseQuantity(requests[resource]);
          const lim = parseQuantity(limits[resource]);
          if (!req.ok || !lim.ok) continue;
          if (req.value > lim.value) {
            out.push({
              type: 'Invalid',
              field: `${base}.${name}[${i}].resources.requests[${resource}]`,
              value: String(requests[resource]),
              detail: `must be less than or equal to ${resource} limit of ${String(limits[resource])}`,
            });
          }
        }
      });
    }
    return out;
  },
};
