import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCluster } from './cluster.ts';
import { testCatalog } from './testing-helpers.ts';

const catalog = testCatalog();

describe('hostile learner input', () => {
  it.each([
    [{ containers: null }],
    [{ containers: [null, 5, 'x'] }],
    [{ containers: [{ name: 'c', image: 42 }] }],
    [{ containers: [{ name: 'c', image: 'nginx', ports: 'eighty', env: { A: 1 }, resources: { requests: { cpu: [], memory: 'lots' } } }] }],
    [{ containers: [{ name: 'c', image: 'nginx', readinessProbe: { httpGet: { port: 'http' }, periodSeconds: '5' } }], nodeSelector: [] }],
    [{ containers: [{ name: 'c', image: 'nginx', livenessProbe: { periodSeconds: -4 } }], tolerations: 'all', volumes: {} }],
    [{ containers: [{ name: 'c', image: 'nginx' }], affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 5, operator: 'Gt', values: 'x' }] }] } } } }],
    [{ containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '1e400' } } }], restartPolicy: 7, nodeName: 12 }],
  ])('never throws for spec %j', (spec) => {
    const c = createCluster({ images: catalog });
    expect(() => {
      c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec });
      c.runUntilSettled({ horizonSeconds: 120 });
      c.request({ from: { pod: 'p' } }, 'http://localhost:80/');
      c.delete({ kind: 'Pod', namespace: 'default', name: 'p' });
      c.runUntilSettled({ horizonSeconds: 120 });
    }).not.toThrow();
  });

  it('property: any JSON as a pod spec or metadata never throws', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), (spec, labels) => {
        const c = createCluster({ images: catalog, nodes: 1 });
        c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: labels as Record<string, string> }, spec });
        c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', ...(typeof spec === 'object' && spec !== null ? spec : {}) }] } });
        c.runUntilSettled({ horizonSeconds: 60 });
        c.apply({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'q' }, spec });
        c.runUntilSettled({ horizonSeconds: 60 });
      }),
      { numRuns: 150 },
    );
  });
});
