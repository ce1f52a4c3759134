import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { parseKubectlArgs } from '../../script/kubectl-args.ts';
import { exposeObject, exposeTarget, generateObjects } from './index.ts';
import { startFakeApiServer, type FakeApiServer } from './fake-api-server.ts';
import { runKubectlAsync } from './kubectl-oracle.ts';

// kubectl run and kubectl expose need discovery (and expose the source object) even with --dry-run=client,
// so these rows run the real kubectl against a read-only fake API server serving the fixtures below.
const FIXTURES: KubeObject[] = [
  {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'web', namespace: 'default', labels: { tier: 'fe', run: 'web' } },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 53, protocol: 'UDP' }] }, { name: 'd', image: 'x', ports: [{ containerPort: 80 }] }] },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bare', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] } },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'noports', namespace: 'default', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
  {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'api', namespace: 'default', labels: { app: 'api', team: 'core' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'api' } },
      template: { metadata: { labels: { app: 'api' } }, spec: { containers: [{ name: 'a', image: 'api', ports: [{ containerPort: 8080 }, { containerPort: 9090, name: 'metrics' }] }] } },
    },
  },
  {
    apiVersion: 'apps/v1', kind: 'Deployment',
    metadata: { name: 'expr', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'expr' }, matchExpressions: [{ key: 'tier', operator: 'In', values: ['fe'] }] },
      template: { metadata: { labels: { app: 'expr', tier: 'fe' } }, spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }] } },
    },
  },
  {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'rs1', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'rs1' } }, template: { metadata: { labels: { app: 'rs1' } }, spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 3000, protocol: 'TCP' }] }] } } },
  },
  {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'svc1', namespace: 'default', labels: { app: 'svc1' } },
    spec: { selector: { app: 'svc1' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }] },
  },
  {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'two', namespace: 'default', labels: { a: 'b' } },
    spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, name: 'http' }, { containerPort: 443, protocol: 'TCP' }, { containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }] }] },
  },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's2', namespace: 'default' }, spec: { selector: { a: 'b' }, ports: [{ name: 'http', port: 80, targetPort: 8080, protocol: 'TCP' }, { name: 'dns', port: 53, protocol: 'UDP', targetPort: 'dns' }] } },
  { apiVersion: 'v1', kind: 'Service', metadata: { name: 's3', namespace: 'default' }, spec: { ports: [{ port: 80, protocol: 'TCP' }] } },
  {
    apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'multi', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'm' }, matchExpressions: [{ key: 'a', operator: 'In', values: ['x', 'y'] }, { key: 'b', operator: 'Exists' }] },
      template: { metadata: { labels: { app: 'm', a: 'x', b: '' } }, spec: { containers: [{ name: 'a', image: 'x', ports: [{ containerPort: 80 }] }] } },
    },
  },
  { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'other', labels: { app: 'o' } }, spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 8080 }] }] } },
];

const RUN = [
  'run web --image=nginx',
  'run web --image=nginx --port=80',
  'run web --image=nginx --labels=tier=fe,app=web',
  'run web --image=nginx --env=B=2 --env=A=1',
  'run job --image=busybox --restart=Never',
  'run job --image=busybox --restart=OnFailure -- sleep 3600',
  'run web --image=nginx --port=80 --expose',
  'run web -n dev --image=nginx --port=8080 --expose --labels=app=web',
  'run web --image=nginx --expose',
  'run web --image=nginx --restart=Sometimes',
  'run --image=nginx',
  'run job --image=busybox --restart=Never --command -- sleep 3600',
  'run web --image=nginx --image-pull-policy=IfNotPresent',
  'run web --image=nginx --serviceaccount=robot',
  'run web --image=nginx --annotations=b=2 --annotations=a=1',
  'run web --image=nginx --annotations=bad',
  'run web --image=nginx --labels=a=1,b=2 --labels=c=3',
  'run web --image=nginx --env=BAD',
  'run web --image=nginx --port=http',
  'run web --image=nginx --restart=Never --port=80 --expose --labels=app=x',
  'run web --image=nginx --labels=bad',
];

const EXPOSE = [
  'expose pod web',
  'expose pod web --port=8080',
  'expose pod/web --name=web-svc --target-port=8080 --type=NodePort',
  'expose pod web --protocol=UDP',
  'expose pod web --labels=x=y --selector=a=b',
  'expose pod bare',
  'expose pod noports',
  'expose deployment api',
  'expose deploy api --port=80 --target-port=8080 --type=LoadBalancer',
  'expose deployment expr',
  'expose rs rs1',
  'expose service svc1 --name=svc2 --port=443',
  'expose svc svc1 --name=svc3',
  'expose pod web --type=nodeport',
  'expose pod',
  'expose pod web --port=80',
  'expose pod two',
  'expose pod two --target-port=9000',
  'expose pod two --port=81,82',
  'expose pod two --port=53',
  'expose pod two --protocol=SCTP',
  'expose svc s2 --name=x',
  'expose svc s3 --name=y',
  'expose pod web --labels=bad',
  'expose pod web --selector=bad',
  'expose pod web --port=abc',
  'expose pod web --cluster-ip=None --session-affinity=ClientIP --external-ip=1.2.3.4 --type=ClusterIP',
  'expose deployment multi',
  'expose pod web -n other',
];

/** Runs our pipeline for one command line; expose reads its source from the fixtures. */
function ours(argv: string[]): { code: number; stdout: string; stderr: string } {
  const parsed = parseKubectlArgs(argv);
  if (!parsed.ok) return { code: 1, stdout: '', stderr: parsed.error };
  let result;
  if (parsed.command.verb === 'expose') {
    const target = exposeTarget(parsed.command.args);
    if ('error' in target) return { code: 1, stdout: '', stderr: target.error };
    const ns = parsed.command.flags.get('namespace')?.at(-1) ?? 'default';
    const source = FIXTURES.find((o) => o.kind === target.kind && o.metadata.name === target.name && o.metadata.namespace === ns);
    if (!source) throw new Error(`no fixture ${target.kind}/${target.name}`);
    result = exposeObject(parsed.command, source);
  } else {
    result = generateObjects(parsed.command);
  }
  if (!result) throw new Error(`no generator for ${parsed.command.verb}`);
  if (!result.ok) return { code: 1, stdout: '', stderr: result.error };
  return { code: 0, stdout: result.objects.map((o) => JSON.stringify(o, null, 4) + '\n').join(''), stderr: '' };
}

describe('run and expose agree with kubectl v1.34 (fake read-only API server)', () => {
  let server: FakeApiServer;
  beforeAll(async () => {
    server = await startFakeApiServer(FIXTURES);
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([...RUN, ...EXPOSE])('kubectl %s', async (line) => {
    const argv = line.split(' ');
    const dash = argv.indexOf('--');
    const flags = ['-s', server.url, '--dry-run=client', '-o', 'json'];
    const full = dash < 0 ? [...argv, ...flags] : [...argv.slice(0, dash), ...flags, ...argv.slice(dash)];
    const real = await runKubectlAsync(full);
    const mine = ours(full);
    expect(mine.stderr).toBe(real.stderr.trimEnd());
    expect(mine.stdout).toBe(real.stdout);
    expect(mine.code === 0).toBe(real.code === 0);
  });
});
