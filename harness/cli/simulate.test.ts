import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HELLO_POD_YAML } from '../testing/manifests.ts';
import { runCliCaptured } from '../testing/run-cli.ts';
import { parseSimulateArgs } from './simulate-command.ts';

const root = resolve(import.meta.dirname, '..', '..');

const pod = HELLO_POD_YAML;

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'kubegrade-sim-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('simulate arguments', () => {
  it('splits --then groups and reads options anywhere', () => {
    expect(parseSimulateArgs(['a.yml', '--nodes', '2', 'b/', '--then', 'c.yml', '--until=60', '--watch', '--format', 'json'])).toMatchObject({
      groups: [['a.yml', 'b/'], ['c.yml']],
      nodes: 2,
      until: 60,
      watch: true,
      format: 'json',
    });
  });

  it.each([
    [['--then', 'a.yml'], /every group needs at least one PATH/],
    [['a.yml', '--nodes', 'many'], /--nodes must be a whole number/],
    [['a.yml', '--format'], /--format needs a value/],
    [['a.yml', '--fast'], /unknown option --fast/],
  ])('%j is a usage error', async (argv, message) => {
    const run = await runCliCaptured(['simulate', ...argv], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});

describe('kubegrade simulate', () => {
  it('runs a Pod to Running and prints kubectl-like tables', async () => {
    const dir = folder({ 'pod.yml': pod });
    const run = await runCliCaptured(['simulate', join(dir, 'pod.yml')], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('pod/hello-pod created');
    expect(run.stdout).toMatch(/hello-pod\s+1\/1\s+Running\s+0/);
    expect(run.stdout).toMatch(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
    expect(run.stdout).toContain('Started container web-ctr');
  });

  it('prints the JSON contract, with the watch log, byte-identical across runs', async () => {
    const dir = folder({ 'pod.yml': pod });
    const args = ['simulate', 'pod.yml', '--format', 'json', '--watch', '--seed', '3'];
    const a = await runCliCaptured(args, dir);
    const b = await runCliCaptured(args, dir);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const out = JSON.parse(a.stdout) as {
      schemaVersion: number;
      settled: boolean;
      time: string;
      objects: { kind: string; metadata: { name: string }; status?: { phase?: string } }[];
      events: { type: string; reason: string; involvedObject: { kind: string; name: string }; count: number; firstTimestamp: string }[];
      watch: { time: string; type: string; object: { kind: string } }[];
    };
    expect(out.schemaVersion).toBe(1);
    expect(out.settled).toBe(true);
    expect(out.time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const p = out.objects.find((o) => o.kind === 'Pod' && o.metadata.name === 'hello-pod');
    expect(p?.status?.phase).toBe('Running');
    expect(out.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name)).toEqual(['node-1', 'node-2', 'node-3']);
    expect(out.events.map((e) => e.reason)).toEqual(expect.arrayContaining(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']));
    expect(out.watch.some((w) => w.type === 'ADDED' && w.object.kind === 'Pod')).toBe(true);
    expect(out.watch.every((w) => /Z$/.test(w.time))).toBe(true);
  });

  it('applies --then groups after the previous group settled', async () => {
    const dir = folder({ 'pod.yml': pod, 'pod2.yml': pod.replace('hello-pod', 'second-pod') });
    const run = await runCliCaptured(['simulate', 'pod.yml', '--then', 'pod2.yml', '--format', 'json'], dir);
    const out = JSON.parse(run.stdout) as { objects: { kind: string; metadata: { name: string; creationTimestamp: string } }[] };
    const pods = out.objects.filter((o) => o.kind === 'Pod');
    expect(pods.map((p) => p.metadata.name)).toEqual(['hello-pod', 'second-pod']);
    expect(pods[1]!.metadata.creationTimestamp > pods[0]!.metadata.creationTimestamp).toBe(true);
  });

  it('reports a rejected manifest as kubectl would and exits 1', async () => {
    const dir = folder({ 'pod.yml': pod.replace('      image: nigelpoulton/getting-started-k8s:1.0\n', '') });
    const run = await runCliCaptured(['simulate', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('The Pod "hello-pod" is invalid: spec.containers[0].image: Required value');
  });
});

describe('kubegrade simulate with command scripts and requests', () => {
  it('runs the course notes\' scenario: a Pod, kubectl expose, then a request to any node\'s NodePort', async () => {
    const dir = folder({ 'pod.yml': pod, 'commands.sh': 'kubectl apply -f pod.yml\nkubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort\n' });
    const run = await runCliCaptured(
      ['simulate', 'commands.sh', '--format', 'json', '--request', 'http://node-1:{nodePort:hello-svc}/', '--request', 'outside=http://node-3:{nodePort:hello-svc}/', '--request', 'pod/hello-pod=http://localhost:8080/'],
      dir,
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as {
      objects: { kind: string; metadata: { name: string }; spec?: { type?: string; clusterIP?: string; ports?: { nodePort?: number; targetPort?: number }[] } }[];
      commands: { file: string; line: number; command: string; output: string; exitCode: number }[];
      requests: { from: string; url: string; ok: boolean; status?: number; body?: string; servedBy?: { pod: string; container: string } }[];
    };
    expect(out.commands.map((c) => [c.line, c.output, c.exitCode])).toEqual([
      [1, 'pod/hello-pod created\n', 0],
      [2, 'service/hello-svc exposed\n', 0],
    ]);
    const svc = out.objects.find((o) => o.kind === 'Service' && o.metadata.name === 'hello-svc')!;
    expect(svc.spec?.type).toBe('NodePort');
    expect(svc.spec?.clusterIP).toMatch(/^10\.152\.183\.\d+$/);
    const nodePort = svc.spec!.ports![0]!.nodePort!;
    expect(nodePort).toBeGreaterThanOrEqual(30000);
    expect(nodePort).toBeLessThanOrEqual(32767);
    expect(svc.spec!.ports![0]!.targetPort).toBe(8080);
    expect(out.requests.map((r) => [r.from, r.url, r.ok, r.status, r.servedBy?.pod])).toEqual([
      ['outside', `http://node-1:${nodePort}/`, true, 200, 'hello-pod'],
      ['outside', `http://node-3:${nodePort}/`, true, 200, 'hello-pod'],
      ['pod/hello-pod', 'http://localhost:8080/', true, 200, 'hello-pod'],
    ]);
  });

  it('rejects a malformed --request', async () => {
    const run = await runCliCaptured(['simulate', 'x.yml', '--request', 'pod/=ftp://x'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--request needs \[FROM=\]URL/);
  });
});
