import { describe, expect, it } from 'vitest';
import { renderFieldError, renderInvalid } from './field-error.ts';
import { fieldPathToPointer } from './field-path.ts';
import type { FieldError } from './types.ts';

describe('renderFieldError', () => {
  it.each<[FieldError, string]>([
    [{ type: 'Required', field: 'spec.containers[0].image' }, 'spec.containers[0].image: Required value'],
    [{ type: 'Required', field: 'metadata.name', detail: 'name or generateName is required' }, 'metadata.name: Required value: name or generateName is required'],
    [{ type: 'Invalid', field: 'spec.replicas', value: -1, detail: 'must be greater than or equal to 0' }, 'spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    [{ type: 'Invalid', field: 'metadata.name', value: '1web', detail: 'x' }, 'metadata.name: Invalid value: "1web": x'],
    [{ type: 'Invalid', field: 'spec.template.metadata.labels', value: { app: 'web' }, detail: 'd' }, 'spec.template.metadata.labels: Invalid value: {"app":"web"}: d'],
    [{ type: 'Invalid', field: 'f', value: true }, 'f: Invalid value: true'],
    [{ type: 'Invalid', field: 'f', value: null }, 'f: Invalid value: null'],
    [{ type: 'NotSupported', field: 'spec.restartPolicy', value: 'always', detail: 'supported values: "Always"' }, 'spec.restartPolicy: Unsupported value: "always": supported values: "Always"'],
    [{ type: 'Duplicate', field: 'spec.containers[1].name', value: 'web' }, 'spec.containers[1].name: Duplicate value: "web"'],
    [{ type: 'Forbidden', field: 'spec.containers', value: 3, detail: 'pod updates may not add or remove containers' }, 'spec.containers: Forbidden: pod updates may not add or remove containers'],
    [{ type: 'TooLong', field: 'metadata.annotations', detail: 'may not be more than 262144 bytes' }, 'metadata.annotations: Too long: may not be more than 262144 bytes'],
    [{ type: 'NotFound', field: 'f', value: 'x' }, 'f: Not found: "x"'],
    [{ type: 'Internal', field: '<nil>', detail: 'boom' }, '<nil>: Internal error: boom'],
    [{ type: 'Invalid', field: 'f', value: 'say "hi"' }, 'f: Invalid value: "say \\"hi\\""'],
  ])('renders %j', (e, text) => {
    expect(renderFieldError(e)).toBe(text);
  });
});

describe('renderInvalid', () => {
  it('prints one cause inline', () => {
    expect(renderInvalid('Pod', 'hello-pod', [{ type: 'Required', field: 'spec.containers[0].image' }])).toBe(
      'The Pod "hello-pod" is invalid: spec.containers[0].image: Required value',
    );
  });
  it('prints several causes as de-duplicated * lines after a trailing space', () => {
    const e: FieldError = { type: 'Required', field: 'spec.selector' };
    expect(renderInvalid('Deployment', 'web', [e, { type: 'Required', field: 'spec.template' }, e])).toBe(
      'The Deployment "web" is invalid: \n* spec.selector: Required value\n* spec.template: Required value',
    );
  });
});

describe('fieldPathToPointer', () => {
  it.each([
    ['spec.containers[0].image', '/spec/containers/0/image'],
    ['metadata.name', '/metadata/name'],
    ['data[my/key]', '/data/my~1key'],
    ['spec.ports[1]', '/spec/ports/1'],
    ['', ''],
  ])('%s → %s', (field, pointer) => {
    expect(fieldPathToPointer(field)).toBe(pointer);
  });
});
