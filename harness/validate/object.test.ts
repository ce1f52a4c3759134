import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { renderFieldError } from './field-error.ts';
import { validateObject } from './object.ts';

const pod = (image: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web' },
  spec: { restartPolicy: 'Always', containers: [{ name: 'web', image, ports: [{ containerPort: 80, protocol: 'TCP' }] }], ...extra },
});

describe('validateObject', () => {
  it('returns no errors for a valid object', () => {
    expect(validateObject(pod('nginx'))).toEqual({ errors: [], warnings: [] });
  });
  it('runs update rules only when old is given', () => {
    const next = pod('nginx', { hostNetwork: true });
    expect(validateObject(next).errors).toEqual([]);
    expect(validateObject(next, { old: pod('nginx') }).errors.map(renderFieldError)[0]).toMatch(/^spec: Forbidden: pod updates may not change fields/);
  });
  it('allows the scheduler binding nodeName and an image change on update', () => {
    expect(validateObject(pod('nginx:2', { nodeName: 'node-1' }), { old: pod('nginx') }).errors).toEqual([]);
  });
  it.each<[string, unknown]>([
    ['metadata null', { apiVersion: 'v1', kind: 'Pod', metadata: null, spec: null }],
    ['metadata an array', { apiVersion: 'v1', kind: 'Service', metadata: [], spec: 'x' }],
    ['spec a number', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x' }, spec: 5 }],
    ['unknown kind', { apiVersion: 'v1', kind: 'Widget', metadata: { name: 'x' } }],
  ])('does not throw on hostile shapes: %s', (_t, obj) => {
    expect(() => validateObject(obj as KubeObject)).not.toThrow();
  });
  it('reports a missing name on hostile metadata', () => {
    expect(validateObject({ apiVersion: 'v1', kind: 'Pod', metadata: null } as unknown as KubeObject).errors.map(renderFieldError)).toContain(
      'metadata.name: Required value: name or generateName is required',
    );
  });
});
