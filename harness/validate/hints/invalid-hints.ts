import type { FieldError } from '../types.ts';

/** Learner-friendly advice for common API-server causes, matched in order on the field error. */
const HINTS: readonly { test: (e: FieldError) => boolean; hint: (e: FieldError) => string }[] = [
  {
    test: (e) => e.detail === '`selector` does not match template `labels`',
    hint: () => 'every label in spec.selector.matchLabels must also be in spec.template.metadata.labels, with the same value',
  },
  {
    test: (e) => e.type === 'Required' && e.field === 'spec.selector',
    hint: () => 'add spec.selector.matchLabels with the labels of spec.template.metadata.labels',
  },
  {
    test: (e) => /RFC 1123|DNS-1035/.test(e.detail ?? ''),
    hint: (e) => `use only lower-case letters, digits and '-'${e.detail?.includes('DNS-1035') ? ', starting with a letter' : ''}`,
  },
  {
    test: (e) => e.type === 'Required' && /\.containerPort$/.test(e.field),
    hint: () => 'set containerPort to the port the application listens on (1-65535)',
  },
  {
    test: (e) => e.type === 'Required' && /\.image$/.test(e.field),
    hint: () => 'every container needs an image, e.g. image: nginx:1.27',
  },
  {
    test: (e) => e.type === 'NotSupported',
    hint: () => 'values are case-sensitive: use one of the supported values exactly as written',
  },
];

/** Returns a hint for a field error, or undefined when there is nothing useful to add. */
export function hintForFieldError(e: FieldError): string | undefined {
  return HINTS.find((h) => h.test(e))?.hint(e);
}
