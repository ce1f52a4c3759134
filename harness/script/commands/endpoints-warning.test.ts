import { describe, expect, it } from 'vitest';
import { outputOf, scriptHarness } from './testing.ts';

const ENDPOINTS = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: legacy\nsubsets:\n  - addresses:\n      - ip: 10.1.0.9\n    ports:\n      - port: 8080\n';

describe('kubectl apply of v1 Endpoints', () => {
  it('creates the object and prints the 1.33+ deprecation warning on stderr', () => {
    const h = scriptHarness({ 'ep.yml': ENDPOINTS });
    expect(outputOf(h.run('kubectl apply -f ep.yml'), 0)).toEqual(['endpoints/legacy created\n', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n', 0]);
    expect(h.cluster.get({ kind: 'Endpoints', namespace: 'default', name: 'legacy' })).toBeDefined();
  });
});
