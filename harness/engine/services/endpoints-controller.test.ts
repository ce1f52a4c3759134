import { describe, it, expect } from 'vitest';
import { createCluster } from '../cluster.ts';
import { podManifest, testCatalog } from '../testing-helpers.ts';

const catalog = testCatalog();
const ref = (name: string) => ({ kind: 'Endpoints', namespace: 'default', name });

describe('Endpoints controller', () => {
  it('recreates the Endpoints of a selector Service when someone deletes them', () => {
    const c = createCluster({ images: catalog });
    const pod = podManifest('web-1', { image: 'nigelpoulton/getting-started-k8s:1.0' });
    pod.metadata.labels = { app: 'web' };
    c.apply(pod);
    c.apply({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } });
    c.runUntilSettled();
    const before = c.get(ref('web'))!;
    expect(c.delete(ref('web')).ok).toBe(true);
    c.runUntilSettled();
    const after = c.get(ref('web'))!;
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(after.subsets).toEqual(before.subsets);
  });

  it('leaves an Endpoints object without a Service alone', () => {
    const c = createCluster({ images: catalog });
    c.apply({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'legacy' }, subsets: [{ addresses: [{ ip: '10.1.0.9' }], ports: [{ port: 8080 }] }] });
    c.runUntilSettled();
    expect(c.get(ref('legacy'))?.subsets).toEqual([{ addresses: [{ ip: '10.1.0.9' }], ports: [{ port: 8080, protocol: 'TCP' }] }]);
  });
});
