import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

describe('kubectl create', () => {
  it.each([
    ['create -f pod.yml', ['pod/hello-pod created\n', '', 0]],
    ['create deployment web --image=nginx --replicas=2', ['deployment.apps/web created\n', '', 0]],
    ['create deploy web --image=nginx', ['deployment.apps/web created\n', '', 0]],
    ['create configmap cfg --from-literal=a=b --from-literal=c=d', ['configmap/cfg created\n', '', 0]],
    ['create namespace dev', ['namespace/dev created\n', '', 0]],
    ['create deployment web', ['', 'error: required flag(s) "image" not set\n', 1]],
    ['create deployment --image=nginx', ['', "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n", 1]],
    ['create deployment Web --image=nginx', ['', 'The Deployment "Web" is invalid: ', 1]],
    ['create deployment web --image=nginx --dry-run=client', ['deployment.apps/web created (dry run)\n', '', 0]],
    ['create deployment web --image=nginx --dry-run=server', ['deployment.apps/web created (server dry run)\n', '', 0]],
    ['create deployment web --image=nginx --dry-run=later', ['', 'error: Invalid dry-run value (later). Must be "none", "server", or "client".\n', 1]],
    ['create deployment web --image=nginx -o name', ['deployment.apps/web\n', '', 0]],
  ] as const)('%s', (line, [stdout, stderr, code]) => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const [out, err, exit] = outputOf(h.run(`kubectl ${line}`), 0);
    expect(out).toBe(stdout);
    // Invalid errors list several causes; only their head line is fixed here.
    expect(stderr.endsWith(': ') ? err.startsWith(stderr) : err === stderr).toBe(true);
    expect(exit).toBe(code);
  });

  // Skipped until harness/validate/rules/service.ts checks Service port names as DNS-1123 labels, as
  // Kubernetes does (validateServicePort); it checks DNS-1035 today, which rejects kubectl's `80` / `80-8080` names.
  it.each(['create service clusterip web --tcp=80', 'create svc loadbalancer web --tcp=80:8080'])('%s', (line) => {
    const h = scriptHarness();
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(['service/web created\n', '', 0]);
  });

  it('creates a Deployment without the dry-run-only fields and lets the API server default them', () => {
    const h = scriptHarness();
    h.run('kubectl create deployment web --image=nginx --replicas=2');
    const d = h.cluster.get({ kind: 'Deployment', namespace: 'default', name: 'web' })!;
    expect(d.spec.replicas).toBe(2);
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } });
    expect(d.spec.template.spec.containers[0]).toMatchObject({ name: 'nginx', image: 'nginx', resources: {} });
  });

  it('stores nothing on --dry-run and prints the generated object for -o yaml in kubectl\'s struct order', () => {
    const h = scriptHarness();
    const run = h.run('kubectl create configmap cfg --from-literal=a=b --dry-run=client -o yaml');
    expect(outputOf(run, 0)).toEqual(['kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: cfg\ndata:\n  a: b\n', '', 0]);
    expect(h.cluster.list('ConfigMap', 'default').filter((c) => c.metadata.name === 'cfg')).toEqual([]);
  });

  it('reports AlreadyExists with the file name on a second create -f', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const run = h.run('kubectl create -f pod.yml', 'kubectl create -f pod.yml');
    expect(outputOf(run, 1)).toEqual(['', 'Error from server (AlreadyExists): error when creating "pod.yml": pods "hello-pod" already exists\n', 1]);
  });
});
