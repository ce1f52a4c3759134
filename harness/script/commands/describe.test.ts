import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

const DESCRIBE_SVC = `Name:                     hello-svc
Namespace:                default
Labels:                   app=web
Annotations:              <none>
Selector:                 app=web
Type:                     NodePort
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.152.183.98
IPs:                      10.152.183.98
Port:                     <unset>  8080/TCP
TargetPort:               8080/TCP
NodePort:                 <unset>  31310/TCP
Endpoints:                10.1.159.95:8080
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:                   <none>
`;

describe('kubectl describe (pinned seed 1)', () => {
  it.each([
    ['describe svc hello-svc', [DESCRIBE_SVC, '', 0]],
    ['describe service/hello-svc', [DESCRIBE_SVC, '', 0]],
    ['describe svc nope', ['', 'Error from server (NotFound): services "nope" not found\n', 1]],
    ['describe pizza x', ['', 'error: the server doesn\'t have a resource type "pizza"\n', 1]],
  ] as const)('%s', (line, expected) => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    h.run('kubectl apply -f pod.yml', 'kubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort');
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
  });

  it('describes a Pod with the shared describe printer, and every Service of the namespace separated by a blank line', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const run = h.run('kubectl apply -f pod.yml', 'kubectl expose pod hello-pod --name=hello-svc --port=80 --target-port=8080', 'kubectl describe pod hello-pod', 'kubectl describe svc');
    expect(run.commands[2]!.stdout).toMatch(/^Name:\s+hello-pod\nNamespace:\s+default\n/);
    expect(run.commands[2]!.stdout).toContain('Events:');
    const both = run.commands[3]!.stdout.split('\n\n\n');
    expect(both.map((t) => /^Name:\s+(\S+)/.exec(t)?.[1])).toEqual(['hello-svc', 'kubernetes']);
  });

  it('does not run describe for kinds without a describer', () => {
    const h = scriptHarness();
    const run = h.run('kubectl create configmap web --from-literal=a=b', 'kubectl describe cm web');
    expect(run.commands[1]).toMatchObject({ unsupported: true });
    expect(run.issues).toMatchObject([{ code: 'script/unsupported', line: 2 }]);
  });
});
