import { validateAnnotations, validateLabels } from './util.ts';
import type { Rule } from './util.ts';

/** metadata.labels and metadata.annotations (§2.2). */
export const metaLabelsRule: Rule = {
  id: 'meta-labels',
  kinds: ['Pod', 'Service', 'Deployment', 'ReplicaSet', 'Job', 'Namespace', 'ConfigMap', 'EndpointSlice', 'Endpoints'],
  check(obj) {
    const meta = obj.metadata ?? {};
    return [...validateLabels(meta.labels, 'metadata.labels'), ...validateAnnotations(meta.annotations, 'metadata.annotations')];
  },
};
