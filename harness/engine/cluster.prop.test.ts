import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createCluster } from './cluster.ts';
import { podManifest, testCatalog } from './testing-helpers.ts';
import { cpuMillis, wholeUnits } from './quantity.ts';
import { podRequests } from './qos.ts';
import type { KubeObject } from '../core/kube.ts';

const catalog = testCatalog();

describe('cluster properties', () => {
  it('property: random small pod sets always settle and every scheduled pod fits its node', () => {
    const podArb = fc.record({
      cpu: fc.constantFrom(undefined, '100m', '500m', '1', '1500m', '3'),
      memory: fc.constantFrom(undefined, '64Mi', '1Gi', '3Gi', '5Gi'),
      zone: fc.constantFrom(undefined, 'a', 'b', 'z'),
      image: fc.constantFrom('nginx:1.27', 'nginxx:1', 'busybox', 'Nginx'),
    });
    fc.assert(
      fc.property(fc.array(podArb, { maxLength: 8 }), fc.integer({ min: 1, max: 1000 }), (specs, seed) => {
        const c = createCluster({
          images: catalog,
          seed,
          nodes: [
            { name: 'node-1', labels: { zone: 'a' } },
            { name: 'node-2', labels: { zone: 'b' }, cpu: '1', memory: '2Gi' },
            { name: 'node-3', labels: { zone: 'a' }, pods: 2 },
          ],
        });
        specs.forEach((s, i) => {
          const requests: Record<string, string> = {};
          if (s.cpu) requests.cpu = s.cpu;
          if (s.memory) requests.memory = s.memory;
          c.apply(podManifest(`p${i}`, { image: s.image, resources: { requests } }, { restartPolicy: 'Never', ...(s.zone ? { nodeSelector: { zone: s.zone } } : {}) }));
        });
        const result = c.runUntilSettled({ horizonSeconds: 600 });
        expect(['settled', 'horizon']).toContain(result.reason);
        const pods: KubeObject[] = c.list('Pod');
        for (const node of c.list('Node')) {
          // Succeeded/Failed pods no longer hold resources (the scheduler reuses them).
          const bound = pods.filter((p) => p.spec.nodeName === node.metadata.name && !['Succeeded', 'Failed'].includes(p.status.phase));
          const cpu = bound.reduce((sum, p) => sum + podRequests(p).cpu, 0);
          const mem = bound.reduce((sum, p) => sum + podRequests(p).memory, 0);
          expect(cpu).toBeLessThanOrEqual(cpuMillis(node.status.allocatable.cpu));
          expect(mem).toBeLessThanOrEqual(wholeUnits(node.status.allocatable.memory));
          expect(bound.length).toBeLessThanOrEqual(Number(node.status.allocatable.pods));
          for (const p of bound) if (p.spec.nodeSelector) expect(node.metadata.labels?.zone).toBe(p.spec.nodeSelector.zone);
        }
      }),
      { numRuns: 60 },
    );
  });
});
