import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

const NO_LABELS = HELLO_POD.replace('  labels:\n    app: web\n', '');
const NO_PORTS = HELLO_POD.replace('    ports:\n    - containerPort: 8080\n', '');

describe('kubectl expose', () => {
  it.each([
    ['expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort', ['service/hello-svc exposed\n', '', 0]],
    ['expose pod/hello-pod --port=80 --target-port=8080', ['service/hello-pod exposed\n', '', 0]],
    ['expose po hello-pod --port=80 --dry-run=client -o name', ['service/hello-pod\n', '', 0]],
    ['expose pod nope --port=80', ['', 'Error from server (NotFound): pods "nope" not found\n', 1]],
    ['expose deployment web --port=80', ['', 'Error from server (NotFound): deployments.apps "web" not found\n', 1]],
    ['expose pod', ['', 'error: resource(s) were provided, but no name was specified\n', 1]],
    ['expose pizza x', ['', 'error: the server doesn\'t have a resource type "pizza"\n', 1]],
    ['expose pod hello-pod --type=nodeport', ['', 'The Service "hello-pod" is invalid: spec.type: Unsupported value: "nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"\n', 1]],
  ] as const)('%s', (line, expected) => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    h.run('kubectl apply -f pod.yml');
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
  });

  it('creates a NodePort Service selecting the Pod by all its labels, with an allocated nodePort', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    h.run('kubectl apply -f pod.yml', 'kubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort');
    const svc = h.cluster.get({ kind: 'Service', namespace: 'default', name: 'hello-svc' })!;
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.spec.type).toBe('NodePort');
    expect(svc.spec.ports).toHaveLength(1);
    expect(svc.spec.ports[0]).toMatchObject({ port: 8080, targetPort: 8080, protocol: 'TCP' });
    expect(svc.spec.ports[0].nodePort).toBeGreaterThanOrEqual(30000);
    expect(svc.spec.ports[0].nodePort).toBeLessThanOrEqual(32767);
  });

  it.each([
    [NO_LABELS, "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed\n"],
    [NO_PORTS, "error: couldn't find port via --port flag or introspection\n"],
  ])('fails like kubectl when introspection finds nothing (%#)', (pod, stderr) => {
    const h = scriptHarness({ 'pod.yml': pod });
    h.run('kubectl apply -f pod.yml');
    expect(outputOf(h.run('kubectl expose pod hello-pod'), 0)).toEqual(['', stderr, 1]);
    expect(h.cluster.list('Service', 'default').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });

  it('exposes a Deployment with its matchLabels as the selector', () => {
    const h = scriptHarness();
    const run = h.run('kubectl create deployment web --image=nginx --port=80', 'kubectl expose deployment web --port=80 --type=NodePort');
    expect(outputOf(run, 1)).toEqual(['service/web exposed\n', '', 0]);
    const svc = h.cluster.get({ kind: 'Service', namespace: 'default', name: 'web' })!;
    expect(svc.spec.selector).toEqual({ app: 'web' });
    expect(svc.metadata.labels).toEqual({ app: 'web' });
  });
});
