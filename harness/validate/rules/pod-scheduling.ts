import { parseQuantity } from '../../engine/quantity.ts';
import type { FieldError } from '../types.ts';
import { asList, asMap, podSpecOf, type Rule } from './util.ts';

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
