// Oracle: the real kubectl v1.34 describes Deployments and ReplicaSets produced by our engine (served by the
// fake API server) and our describers must print the same bytes. The cluster starts in 2099 so every age is
// "<invalid>" for kubectl whatever the wall clock says; our side is given a `now` before that.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { kubectlBinary } from './generators/kubectl-oracle.ts';
import { runKubectl, startOracleServer } from './oracle-server.ts';
import type { OracleServer } from './oracle-server.ts';
import { describeDeployment, describeReplicaSet } from './describe-deployment.ts';
import type { PrinterOutput } from './types.ts';
import type { KubeObject } from '../core/kube.ts';
import { createCluster } from '../engine/index.ts';
import { testCatalog } from '../engine/testing-helpers.ts';
import { findCommand } from '../script/commands/registry.ts';
import { parseKubectlArgs } from '../script/kubectl-args.ts';
import type { ScriptContext } from '../script/commands/types.ts';

const binary = kubectlBinary();
const now = '2026-01-01T00:00:00Z';

const webDeploy = (image: string, cause: string): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web-deploy', labels: { app: 'web', tier: 'front' }, annotations: { 'kubernetes.io/change-cause': cause } },
  spec: {
    replicas: 5,
    minReadySeconds: 5,
    selector: { matchLabels: { app: 'web' } },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    template: {
      metadata: { labels: { app: 'web' }, annotations: { team: 'blue' } },
      spec: {
        containers: [{ name: 'web-ctr', image, ports: [{ containerPort: 8080, name: 'http' }], readinessProbe: { httpGet: { path: '/', port: 8080 } }, env: [{ name: 'MODE', value: 'prod' }, { name: 'POD', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } }], resources: { limits: { memory: '128Mi' }, requests: { cpu: '100m' } } }],
        volumes: [{ name: 'cache', emptyDir: {} }],
        nodeSelector: { disk: 'ssd' },
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
      },
    },
  },
});

const recreate: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'default' },
  spec: {
    replicas: 2,
    selector: { matchLabels: { app: 'api' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['b', 'a'] }] },
    strategy: { type: 'Recreate' },
    template: { metadata: { labels: { app: 'api', tier: 'a' } }, spec: { containers: [{ name: 'api', image: 'nginx:1.27' }, { name: 'side', image: 'busybox' }] } },
  },
};

const extras: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'extras', annotations: { note: 'x'.repeat(150) } },
  spec: {
    replicas: 1,
    paused: true,
    selector: { matchLabels: { app: 'extras' } },
    template: {
      metadata: { labels: { app: 'extras' } },
      spec: {
        serviceAccountName: 'default',
        initContainers: [{ name: 'init', image: 'busybox', command: ['sh', '-c', 'echo hi'] }],
        containers: [{ name: 'app', image: 'nginx', args: ['--port', '80'], ports: [{ containerPort: 80 }, { containerPort: 443, hostPort: 8443 }], livenessProbe: { tcpSocket: { port: 80 } } }],
        topologySpreadConstraints: [
          { maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: { app: 'extras' } } },
          { maxSkew: 2, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 }, { operator: 'Exists' }],
        volumes: [{ name: 'cfg', configMap: { name: 'cfg' } }, { name: 'data', hostPath: { path: '/data' } }],
      },
    },
  },
};

/** Builds the cluster: web-deploy mid-rollout from 1.0 to 2.0 (after a finished first revision) and a Recreate Deployment. */
function build() {
  const cluster = createCluster({ images: testCatalog(), startTime: '2099-01-01T00:00:00Z' });
  cluster.apply(webDeploy('nigelpoulton/getting-started-k8s:1.0', 'first'));
  cluster.apply(recreate);
  cluster.apply(extras);
  cluster.runUntilSettled();
  cluster.apply(webDeploy('nigelpoulton/getting-started-k8s:2.0', 'second'));
  cluster.advance(9);
  return { cluster, all: ['Deployment', 'ReplicaSet', 'Pod'].flatMap((k) => cluster.list(k)).concat(cluster.events()) };
}

function kubectl(server: string, args: string[]): Promise<PrinterOutput> {
  return runKubectl(binary as string, server, args);
}

describe('kubectl v1.34 oracle: describe deployment / replicaset, rollout history', () => {
  it('has the kubectl binary', () => expect(binary).not.toBeNull());
  const { cluster, all } = build();
  const of = (kind: string) => all.filter((o) => o.kind === kind);
  const events = of('Event');
  let server: OracleServer;
  beforeAll(async () => {
    server = await startOracleServer(all);
  });
  afterAll(async () => {
    await server.close();
  });

  it('the fixture is mid-rollout with two ReplicaSets for web-deploy', () => {
    expect(of('ReplicaSet').filter((rs) => rs.metadata.name?.startsWith('web-deploy-'))).toHaveLength(2);
  });

  it.each(['web-deploy', 'api', 'extras'])('describe deployment %s', async (name) => {
    const d = of('Deployment').find((o) => o.metadata.name === name);
    expect(describeDeployment(d, of('ReplicaSet'), events, { now })).toEqual(await kubectl(server.url, ['describe', 'deployment', name]));
  });

  it('describe replicaset (each one)', async () => {
    for (const rs of of('ReplicaSet')) {
      expect(describeReplicaSet(rs, of('Pod'), events, { now })).toEqual(await kubectl(server.url, ['describe', 'rs', rs.metadata.name as string]));
    }
  });

  // Commands that only read (the fake API server accepts no writes): history, and undo when it changes nothing.
  it.each([
    'rollout history deployment/web-deploy',
    'rollout history deployment/web-deploy --revision=1',
    'rollout history deployment/web-deploy --revision=2',
    'rollout history deployment/web-deploy --revision=3',
    'rollout history deployment/extras',
    'rollout history deployment',
    'rollout history deployment/nope',
    'rollout undo deployment/web-deploy --to-revision=2',
    'rollout undo deployment/web-deploy --to-revision=9',
    'rollout undo deployment/web-deploy --dry-run=client',
    'rollout undo deployment/extras',
  ])('%s', async (line) => {
    const ctx: ScriptContext = { cluster, readManifests: () => ({ error: 'no files' }), settle: () => undefined };
    const parsed = parseKubectlArgs(line.split(' '));
    if (!parsed.ok) throw new Error(parsed.error);
    const ours = findCommand(parsed.command.verb)!(parsed.command, ctx);
    const real = await kubectl(server.url, line.split(' '));
    expect({ stdout: ours.stdout, stderr: ours.stderr }).toEqual(real);
  });
});
