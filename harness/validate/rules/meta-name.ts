import type { FieldError } from '../types.ts';
import { dns1035Errors, labelErrors, subdomainErrors } from './util.ts';
import type { Rule } from './util.ts';

const NAME_FORMAT: Record<string, (s: string) => string[]> = {
  Pod: subdomainErrors,
  Deployment: subdomainErrors,
  ReplicaSet: subdomainErrors,
  Job: subdomainErrors,
  ConfigMap: subdomainErrors,
  Endpoints: subdomainErrors,
  EndpointSlice: subdomainErrors,
  Namespace: labelErrors,
  Service: dns1035Errors,
};
const CLUSTER_SCOPED = new Set(['Namespace']);

/** metadata.name / generateName / namespace formats per kind (§2.1). */
export const metaNameRule: Rule = {
  id: 'meta-name',
  kinds: Object.keys(NAME_FORMAT),
  check(obj) {
    const meta = obj.metadata ?? {};
    const fmt = NAME_FORMAT[obj.kind] ?? subdomainErrors;
    const out: FieldError[] = [];
    const name = meta.name;
    const gen = meta.generateName;
    if (typeof name === 'string' && name !== '') {
      for (const d of fmt(name)) out.push({ type: 'Invalid', field: 'metadata.name', value: name, detail: d });
    } else if (typeof gen === 'string' && gen !== '') {
      // generateName is validated with its trailing dash masked, as the server appends a suffix.
      const masked = gen.endsWith('-') ? gen.slice(0, -1) + 'a' : gen;
      for (const d of fmt(masked)) out.push({ type: 'Invalid', field: 'metadata.generateName', value: gen, detail: d });
    } else {
      out.push({ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' });
    }
    const ns = meta.namespace;
    if (CLUSTER_SCOPED.has(obj.kind)) {
      if (typeof ns === 'string' && ns !== '') out.push({ type: 'Forbidden', field: 'metadata.namespace', detail: 'not allowed on this type' });
    } else if (typeof ns === 'string' && ns !== '') {
      for (const d of labelErrors(ns)) out.push({ type: 'Invalid', field: 'metadata.namespace', value: ns, detail: d });
    }
    return out;
  },
};
