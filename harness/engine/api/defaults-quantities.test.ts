import { describe, it, expect } from 'vitest';
import { applyDefaults } from './defaults.ts';

const resources = { requests: { cpu: 0.5, memory: '1024Mi' }, limits: { cpu: '1000m', memory: '0.5Gi', 'nvidia.com/gpu': 1 } };

describe('applyDefaults: quantities in their canonical form', () => {
  it('rewrites a Pod container\'s requests and limits, pod overhead and emptyDir sizeLimit as the API server stores them', () => {
    const out = applyDefaults({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources }], overhead: { cpu: '0.25' }, volumes: [{ name: 'v', emptyDir: { sizeLimit: '2048Mi' } }] },
    });
    expect(out.spec.containers[0].resources).toEqual({ requests: { cpu: '500m', memory: '1Gi', 'nvidia.com/gpu': '1' }, limits: { cpu: '1', memory: '512Mi', 'nvidia.com/gpu': '1' } });
    expect(out.spec.overhead).toEqual({ cpu: '250m' });
    expect(out.spec.volumes[0].emptyDir.sizeLimit).toBe('2Gi');
  });

  it('rewrites a Deployment template and leaves an unreadable quantity for validation to report', () => {
    const out = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '2000m', memory: 'lots' } } }] } } },
    });
    expect(out.spec.template.spec.containers[0].resources.requests).toEqual({ cpu: '2', memory: 'lots' });
  });
});

describe('applyDefaults: downward API', () => {
  it('fills apiVersion v1 in an env fieldRef and keeps an explicit one', () => {
    const env = [
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
      { name: 'NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
      { name: 'PLAIN', value: 'x' },
    ];
    const out = applyDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', env }] } });
    expect(out.spec.containers[0].env).toEqual([
      { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
      { name: 'NS', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } } },
      { name: 'PLAIN', value: 'x' },
    ]);
  });
});
