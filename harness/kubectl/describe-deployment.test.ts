import { describe, expect, it } from 'vitest';
import { deploymentReplicaSets, describeDeployment, describeReplicaSet, podTemplateText, replicaSetsCreated } from './describe-deployment.ts';

const now = '2026-01-01T00:10:00Z';
const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: 'web', ...(hash ? { 'pod-template-hash': hash } : {}) } },
  spec: { containers: [{ name: 'web', image }] },
});
const deploy = {
  metadata: { name: 'web', namespace: 'default', uid: 'd1', creationTimestamp: '2026-01-01T00:00:00Z' },
  spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 1 } }, template: template('nginx:1.27') },
  status: { replicas: 4, updatedReplicas: 1, availableReplicas: 3, unavailableReplicas: 1 },
};
const rs = (name: string, image: string, created: string, replicas: number, extra: Record<string, unknown> = {}) => ({
  metadata: { name, namespace: 'default', uid: `u-${name}`, creationTimestamp: created, labels: { app: 'web' }, ownerReferences: [{ kind: 'Deployment', name: 'web', uid: 'd1', controller: true }], ...extra },
  spec: { replicas, template: template(image, name.slice(4)) },
  status: { replicas },
});

describe('deploymentReplicaSets', () => {
  it('finds the new ReplicaSet by template and lists the other owned ones oldest first', () => {
    const found = deploymentReplicaSets(deploy, [
      rs('web-7c5ddbdf54', 'nginx:1.27', '2026-01-01T00:05:00Z', 1),
      rs('web-66b6c48dd5', 'nginx:1.25', '2026-01-01T00:01:00Z', 0),
      rs('web-5d59d67564', 'nginx:1.26', '2026-01-01T00:00:00Z', 3),
      rs('web-9f8b7c6d5', 'nginx:1.24', '2026-01-01T00:00:00Z', 2, { ownerReferences: [{ kind: 'Deployment', name: 'other', uid: 'd2', controller: true }] }),
      rs('web-4b5c6d7f8', 'nginx:1.23', '2026-01-01T00:00:00Z', 2, { labels: { app: 'api' } }),
    ]);
    expect(found.newRS && (found.newRS.metadata as { name: string }).name).toBe('web-7c5ddbdf54');
    expect(found.oldRSs.map((r) => (r.metadata as { name: string }).name)).toEqual(['web-5d59d67564', 'web-66b6c48dd5']);
    expect(replicaSetsCreated(found.oldRSs)).toBe('web-5d59d67564 (3/3 replicas created), web-66b6c48dd5 (0/0 replicas created)');
    expect(replicaSetsCreated([])).toBe('<none>');
  });

  it.each([null, 3, 'x', { spec: { selector: null } }, { metadata: { uid: 'd1' }, spec: { selector: { matchLabels: { app: 'web' } } } }])('finds nothing for %j without throwing', (d) => {
    expect(deploymentReplicaSets(d, [null, 'rs', rs('web-1', 'x', '', 1)]).newRS).toBeUndefined();
  });
});

describe('describeDeployment', () => {
  it('prints the replicas line, the strategy and the ReplicaSets', () => {
    const out = describeDeployment(deploy, [rs('web-7c5ddbdf54', 'nginx:1.27', '2026-01-01T00:05:00Z', 1), rs('web-5d59d67564', 'nginx:1.26', '2026-01-01T00:00:00Z', 3)], [], { now }).stdout;
    expect(out).toContain('Replicas:               3 desired | 1 updated | 4 total | 3 available | 1 unavailable\n');
    expect(out).toContain('RollingUpdateStrategy:  25% max unavailable, 1 max surge\n');
    // Without conditions these lines align with the pod template's last lines (one tabwriter block).
    expect(out).toMatch(/\nOldReplicaSets: +web-5d59d67564 \(3\/3 replicas created\)\nNewReplicaSet: +web-7c5ddbdf54 \(1\/1 replicas created\)\nEvents: +<none>\n$/);
    expect(out).toContain('  Containers:\n   web:\n    Image:         nginx:1.27\n');
  });

  it('leaves out RollingUpdateStrategy for Recreate and the ReplicaSet lines when there are none', () => {
    const out = describeDeployment({ ...deploy, spec: { ...deploy.spec, strategy: { type: 'Recreate' } } }, [], [], { now }).stdout;
    expect(out).toContain('StrategyType:       Recreate\n');
    expect(out).not.toContain('RollingUpdateStrategy');
    expect(out).not.toContain('NewReplicaSet');
  });

  it.each([null, 'x', [], { metadata: null, spec: { template: null, strategy: 'x', replicas: '2' }, status: [] }])('never throws on %j', (d) => {
    expect(() => describeDeployment(d, [null, 1], [null], { now })).not.toThrow();
    expect(() => describeReplicaSet(d, [null, 'p'], [7], { now })).not.toThrow();
    expect(() => podTemplateText(d)).not.toThrow();
  });
});

describe('podTemplateText', () => {
  it('writes raw tabs, as kubectl rollout history --revision does (no tabwriter)', () => {
    expect(podTemplateText(template('nginx', '5d59d67564'))).toBe(
      'Pod Template:\n  Labels:\tapp=web\n\tpod-template-hash=5d59d67564\n  Containers:\n   web:\n    Image:\tnginx\n    Port:\t<none>\n    Host Port:\t<none>\n' +
        '    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    );
  });
});
