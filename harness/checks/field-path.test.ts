import { describe, expect, it } from 'vitest';
import { evaluateFieldPath, parseFieldPath } from './field-path.ts';

const pod = {
  metadata: { labels: { app: 'web', 'app.kubernetes.io/name': 'hello' } },
  spec: {
    containers: [
      { name: 'side', ports: [{ containerPort: 9100 }] },
      { name: 'web-ctr', ports: [{ containerPort: 80 }, { containerPort: 8080 }] },
    ],
  },
};

describe('field paths', () => {
  it.each([
    ['metadata.labels.app', ['web'], ['metadata.labels.app']],
    ['metadata.labels["app.kubernetes.io/name"]', ['hello'], ['metadata.labels["app.kubernetes.io/name"]']],
    ['spec.containers[1].name', ['web-ctr'], ['spec.containers[1].name']],
    ['spec.containers[name=web-ctr].ports[*].containerPort', [80, 8080], ['spec.containers[1].ports[0].containerPort', 'spec.containers[1].ports[1].containerPort']],
    ['spec.containers[name=nope].name', [], []],
    ['metadata.annotations.x', [], []],
  ])('%s', (path, values, fields) => {
    const matches = evaluateFieldPath(pod, parseFieldPath(path));
    expect(matches.map((m) => m.value)).toEqual(values);
    expect(matches.map((m) => m.field)).toEqual(fields);
  });

  it('gives JSON pointers with escaping', () => {
    const [m] = evaluateFieldPath(pod, parseFieldPath('metadata.labels["app.kubernetes.io/name"]'));
    expect(m?.pointer).toBe('/metadata/labels/app.kubernetes.io~1name');
  });

  it.each(['', 'a..b', 'a[', 'a[x y]', '.a'])('rejects %j with a message naming the path', (bad) => {
    expect(() => parseFieldPath(bad)).toThrow(/invalid field path/);
  });

  it('never walks into prototype properties', () => {
    expect(evaluateFieldPath({}, parseFieldPath('constructor.name'))).toEqual([]);
  });
});

describe('deepestField', () => {
  it('points at the deepest existing parent of a missing field', async () => {
    const { deepestField } = await import('./field-path.ts');
    expect(deepestField(pod, parseFieldPath('spec.containers[name=web-ctr].ports[*].hostPort'))).toBe('spec.containers[1].ports[0]');
    expect(deepestField(pod, parseFieldPath('spec.containers[name=nope].ports'))).toBe('spec.containers');
  });
});
