import { describe, expect, it } from 'vitest';
import type { FieldError } from '../types.ts';
import { hintForFieldError } from './invalid-hints.ts';

describe('hintForFieldError', () => {
  it.each<[FieldError, string | undefined]>([
    [{ type: 'Invalid', field: 'spec.template.metadata.labels', value: {}, detail: '`selector` does not match template `labels`' }, 'every label in spec.selector.matchLabels'],
    [{ type: 'Required', field: 'spec.selector' }, 'add spec.selector.matchLabels'],
    [{ type: 'Invalid', field: 'metadata.name', value: '1web', detail: 'a DNS-1035 label must consist of …' }, ', starting with a letter'],
    [{ type: 'Required', field: 'spec.containers[0].ports[0].containerPort' }, 'set containerPort'],
    [{ type: 'Required', field: 'spec.containers[0].image' }, 'every container needs an image'],
    [{ type: 'NotSupported', field: 'spec.restartPolicy', value: 'always' }, 'case-sensitive'],
    [{ type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' }, undefined],
  ])('%j', (e, fragment) => {
    const hint = hintForFieldError(e);
    if (fragment === undefined) expect(hint).toBeUndefined();
    else expect(hint).toContain(fragment);
  });
});
