import { validatePodSpec } from './pod-spec-checks.ts';
import type { Rule } from './util.ts';

/** Pod spec: containers, ports, probes, restartPolicy, nodeSelector (§2.3). */
export const podSpecRule: Rule = {
  id: 'pod-spec',
  kinds: ['Pod'],
  check(obj, ctx) {
    if (obj.spec === undefined || obj.spec === null) return [{ type: 'Required', field: 'spec.containers' }];
    return validatePodSpec(obj.spec, 'spec', { podOnly: true }, ctx.warnings);
  },
};
