import { defineMessages } from '../core/issue.ts';

/** Message table of the validate stage. */
export const validateMessages = {
  'validate/invalid': {
    severity: 'error' as const,
    message: (p: { kind: string; name: string; cause: string; hint?: string }) => `The ${p.kind} "${p.name}" is invalid: ${p.cause}`,
    hint: (p: { hint?: string }) => p.hint,
  },
  'validate/not-simulated': {
    severity: 'info' as const,
    message: (p: { field: string; what: string; effect?: string }) =>
      `${p.field}: kubegrade's simulated cluster does not model ${p.what}; it is accepted as the API server would, but ${p.effect ?? 'it does not change where Pods run here'}`,
  },
  'validate/warning': {
    severity: 'warning' as const,
    message: (p: { warning: string }) => `Warning: ${p.warning}`,
  },
  'validate/unknown-field': {
    severity: 'error' as const,
    message: (p: { field: string; suggestion?: string }) => `unknown field "${p.field}"`,
    hint: (p: { field: string; suggestion?: string }) =>
      p.suggestion ? `did you mean "${p.suggestion}"?` : 'remove this field, or check its spelling and indentation',
  },
  'validate/wrong-type': {
    severity: 'error' as const,
    message: (p: { field: string; detail: string; expected: string; got: string }) => p.detail,
    hint: (p: { field: string; expected: string; got: string }) => `${p.field}: expected ${p.expected}, got ${p.got}`,
  },
  'validate/missing-kind': {
    severity: 'error' as const,
    message: (p: { json: string }) => `Object 'Kind' is missing in '${p.json}'`,
    hint: () => 'add a `kind:` line, e.g. `kind: Pod`',
  },
  'validate/unknown-kind': {
    severity: 'error' as const,
    message: (p: { kind: string; suggestion?: string }) =>
      p.suggestion && p.suggestion.toLowerCase() === p.kind.toLowerCase()
        ? `kind "${p.kind}" is not known: kinds are case-sensitive; did you mean "${p.suggestion}"?`
        : `kind "${p.kind}" is not known${p.suggestion ? `; did you mean "${p.suggestion}"?` : ''}`,
    hint: (p: { kind: string; suggestion?: string }) => (p.suggestion ? `write kind: ${p.suggestion}` : undefined),
  },
  'validate/unsupported-kind': {
    severity: 'error' as const,
    message: (p: { kind: string }) => `kubegrade does not simulate ${p.kind} objects, so this document is not graded`,
    hint: () => 'simulated kinds: Pod, Deployment, ReplicaSet, Job, Service, Namespace, ConfigMap, Endpoints, EndpointSlice',
  },
  'validate/wrong-api-version': {
    severity: 'error' as const,
    message: (p: { kind: string; apiVersion: string; expected: string; missing: boolean; json: string }) =>
      p.missing ? `Object 'apiVersion' is missing in '${p.json}'` : `no matches for kind "${p.kind}" in version "${p.apiVersion}"`,
    hint: (p: { kind: string; expected: string }) => `a ${p.kind} uses apiVersion: ${p.expected}`,
  },
  'validate/lost-indentation': {
    severity: 'error' as const,
    message: (p: { section: string; mode: 'empty' | 'beside'; keys: string[]; where: string; fixed: string }) =>
      p.mode === 'empty'
        ? `${p.section} is empty and ${p.keys.join(', ')} ${p.keys.length === 1 ? 'is' : 'are'} at ${p.where}: the indentation was lost (this happens when YAML is copied from a web page)`
        : `${p.keys.join(', ')} ${p.keys.length === 1 ? 'is' : 'are'} beside ${p.section} instead of inside its list item: the indentation was lost (this happens when YAML is copied from a web page)`,
    hint: (p: { fixed: string }) => `indent them like this:\n${p.fixed}`,
  },
  'validate/duplicate-object': {
    severity: 'error' as const,
    message: (p: { kind: string; namespace: string; name: string; firstFile: string; firstLine: number }) =>
      `${p.kind} "${p.name}"${p.namespace ? ` in namespace "${p.namespace}"` : ''} is defined twice (first at ${p.firstFile}:${p.firstLine})`,
    hint: () => 'give each object its own name, or remove the copy',
  },
};

export const validateIssue = defineMessages(validateMessages);
