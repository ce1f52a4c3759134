import { describe, it, expect } from 'vitest';
import { applyDefaults } from './defaults.ts';

const pod = (container: Record<string, unknown>, spec: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'c', ...container }], ...spec },
});

describe('applyDefaults: Pod', () => {
  it.each([
    ['nginx', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    [`nginx@sha256:${'b'.repeat(64)}`, 'IfNotPresent'],
    [`nginx:latest@sha256:${'b'.repeat(64)}`, 'IfNotPresent'],
    ['Not A Valid Ref', 'IfNotPresent'],
  ])('image %s → imagePullPolicy %s', (image, policy) => {
    expect(applyDefaults(pod({ image })).spec.containers[0].imagePullPolicy).toBe(policy);
  });

  it('keeps an explicit imagePullPolicy and fills the pod and container defaults', () => {
    const out = applyDefaults(pod({ image: 'nginx', imagePullPolicy: 'Never', ports: [{ containerPort: 80 }] }));
    expect(out.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      securityContext: {},
      enableServiceLinks: true,
    });
    expect(out.spec.containers[0]).toEqual({
      name: 'c',
      image: 'nginx',
      imagePullPolicy: 'Never',
      ports: [{ containerPort: 80, protocol: 'TCP' }],
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
  });

  it('defaults probes, requests := limits, and hostPort for hostNetwork', () => {
    const out = applyDefaults(
      pod(
        {
          image: 'nginx:1',
          readinessProbe: { httpGet: { port: 80 } },
          livenessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
          resources: { limits: { cpu: '500m', memory: '128Mi' }, requests: { cpu: '100m' } },
          ports: [{ containerPort: 8080 }],
        },
        { hostNetwork: true },
      ),
    );
    const c = out.spec.containers[0];
    expect(c.readinessProbe).toEqual({ httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
    expect(c.livenessProbe.periodSeconds).toBe(5);
    expect(c.resources.requests).toEqual({ cpu: '100m', memory: '128Mi' });
    expect(c.ports[0].hostPort).toBe(8080);
  });

  it('does not mutate its input and survives hostile shapes', () => {
    const input = pod({ image: 'nginx' });
    applyDefaults(input);
    expect(input.spec.containers[0]).toEqual({ name: 'c', image: 'nginx' });
    for (const spec of [null, 'x', { containers: 'nope' }, { containers: [null, 5, { ports: 'x', resources: { limits: [] } }] }]) {
      expect(() => applyDefaults({ apiVersion: 'v1', kind: 'Pod', metadata: {}, spec })).not.toThrow();
    }
  });
});

describe('applyDefaults: Service, Deployment, ReplicaSet', () => {
  it('defaults a NodePort Service', () => {
    const out = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { type: 'NodePort', ports: [{ port: 80 }, { port: 53, protocol: 'UDP', targetPort: 0 }] } });
    expect(out.spec).toEqual({
      type: 'NodePort',
      sessionAffinity: 'None',
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { port: 53, protocol: 'UDP', targetPort: 53 },
      ],
    });
  });

  it.each([
    [{}, { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster' }],
    [{ sessionAffinity: 'ClientIP' }, { sessionAffinityConfig: { clientIP: { timeoutSeconds: 10800 } } }],
    [{ type: 'LoadBalancer' }, { allocateLoadBalancerNodePorts: true, externalTrafficPolicy: 'Cluster' }],
    [{ type: 'ExternalName', externalName: 'example.com' }, { type: 'ExternalName', sessionAffinity: 'None' }],
  ] as [Record<string, unknown>, Record<string, unknown>][])('Service spec %j', (spec, expected) => {
    const out = applyDefaults({ apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec });
    expect(out.spec).toMatchObject(expected);
    if (spec.type === 'ExternalName') expect(out.spec.internalTrafficPolicy).toBeUndefined();
  });

  it('defaults a Deployment and its template without Pod-only defaults', () => {
    const out = applyDefaults({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx', resources: { limits: { cpu: '1' } } }] } } },
    });
    expect(out.spec).toMatchObject({ replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } }, revisionHistoryLimit: 10, progressDeadlineSeconds: 600 });
    const tpl = out.spec.template.spec;
    expect(tpl.restartPolicy).toBe('Always');
    expect(tpl.enableServiceLinks).toBeUndefined();
    expect(tpl.containers[0].imagePullPolicy).toBe('Always');
    expect(tpl.containers[0].resources.requests).toBeUndefined();
    const recreate = applyDefaults({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'w' }, spec: { strategy: { type: 'Recreate' } } });
    expect(recreate.spec.strategy).toEqual({ type: 'Recreate' });
    const rs = applyDefaults({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec: { containers: [] } } } });
    expect(rs.spec.replicas).toBe(1);
    expect(rs.spec.template.spec.dnsPolicy).toBe('ClusterFirst');
  });
});
