import { describe, expect, it } from 'vitest';
import { podUpdateRule } from './pod-update.ts';
import { causes, podWith } from './test-helpers.ts';

const old = podWith({ nodeName: 'node-1', tolerations: [{ key: 'a', operator: 'Exists' }] }, { ports: [{ containerPort: 80 }] });

describe('pod-update rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['image change is allowed', podWith({ nodeName: 'node-1', tolerations: [{ key: 'a', operator: 'Exists' }] }, { image: 'nginx:1.28', ports: [{ containerPort: 80 }] }), []],
    ['appending a toleration is allowed', podWith({ nodeName: 'node-1', tolerations: [{ key: 'a', operator: 'Exists' }, { key: 'b', operator: 'Exists' }] }, { ports: [{ containerPort: 80 }] }), []],
    ['adding a container', podWith({ nodeName: 'node-1', containers: [{ name: 'web', image: 'x' }, { name: 'b', image: 'y' }] }), ['spec.containers: Forbidden: pod updates may not add or remove containers']],
  ])('%s', (_t, obj, expected) => {
    expect(causes(podUpdateRule, obj, old)).toEqual(expected);
  });

  it('forbids a port change with the long message', () => {
    const next = podWith({ nodeName: 'node-1', tolerations: [{ key: 'a', operator: 'Exists' }] }, { ports: [{ containerPort: 81 }] });
    const [cause] = causes(podUpdateRule, next, old);
    expect(cause).toMatch(/^spec: Forbidden: pod updates may not change fields other than `spec\.containers\[\*\]\.image`,/);
    expect(cause).toContain('core.PodSpec');
  });
  it('does nothing on create', () => {
    expect(causes(podUpdateRule, podWith())).toEqual([]);
  });
});
