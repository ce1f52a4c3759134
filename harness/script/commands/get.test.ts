import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

/** The course scenario plus a Deployment: hello-pod, NodePort hello-svc, Deployment web with 2 replicas (seed 1). */
function scenario(...lines: string[]) {
  const h = scriptHarness({ 'pod.yml': HELLO_POD });
  h.run(
    'kubectl apply -f pod.yml',
    'kubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort',
    'kubectl create deployment web --image=nginx --replicas=2',
  );
  return { h, run: h.run(...lines) };
}

const PODS = `NAME                   READY   STATUS    RESTARTS   AGE
hello-pod              1/1     Running   0          8s
web-7957885594-bfwkk   1/1     Running   0          4s
web-7957885594-c66b9   1/1     Running   0          4s
`;

const ALL = `NAME                       READY   STATUS    RESTARTS   AGE
pod/hello-pod              1/1     Running   0          8s
pod/web-7957885594-bfwkk   1/1     Running   0          4s
pod/web-7957885594-c66b9   1/1     Running   0          4s

NAME                 TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE
service/hello-svc    NodePort    10.152.183.98   <none>        8080:31310/TCP   4s
service/kubernetes   ClusterIP   10.152.183.1    <none>        443/TCP          8s

NAME                  READY   UP-TO-DATE   AVAILABLE   AGE
deployment.apps/web   2/2     2            2           4s

NAME                             DESIRED   CURRENT   READY   AGE
replicaset.apps/web-7957885594   2         2         2       4s
`;

const SERVICES_WIDE = `NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE   SELECTOR
hello-svc    NodePort    10.152.183.98   <none>        8080:31310/TCP   4s    app=web
kubernetes   ClusterIP   10.152.183.1    <none>        443/TCP          8s    <none>
`;

describe('kubectl get (pinned seed 1)', () => {
  it.each([
    ['get pods', [PODS, '', 0]],
    ['get po -l app=web', [PODS, '', 0]],
    ['get all', [ALL, '', 0]],
    ['get svc -o wide', [SERVICES_WIDE, '', 0]],
    ['get deploy -o wide', ['NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES   SELECTOR\nweb    2/2     2            2           4s    nginx        nginx    app=web\n', '', 0]],
    ['get rs', ['NAME             DESIRED   CURRENT   READY   AGE\nweb-7957885594   2         2         2       4s\n', '', 0]],
    ['get ep hello-svc', ['NAME        ENDPOINTS                                              AGE\nhello-svc   10.1.156.233:8080,10.1.159.95:8080,10.1.194.216:8080   4s\n', 'Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n', 0]],
    ['get pods --show-labels -l run', ['', 'No resources found in default namespace.\n', 0]],
    ['get pod hello-pod nope', ['NAME        READY   STATUS    RESTARTS   AGE\nhello-pod   1/1     Running   0          8s\n', 'Error from server (NotFound): pods "nope" not found\n', 1]],
    ['get pod nope --ignore-not-found', ['', '', 0]],
    ['get svc/hello-svc pod/hello-pod', ['NAME                TYPE       CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE\nservice/hello-svc   NodePort   10.152.183.98   <none>        8080:31310/TCP   4s\n\nNAME            READY   STATUS    RESTARTS   AGE\npod/hello-pod   1/1     Running   0          8s\n', '', 0]],
    ['get pods,svc -o name', ['pod/hello-pod\npod/web-7957885594-bfwkk\npod/web-7957885594-c66b9\nservice/hello-svc\nservice/kubernetes\n', '', 0]],
    ['get pod hello-pod -A', ['', 'error: a resource cannot be retrieved by name across all namespaces\n', 1]],
    ['get cm -n dev', ['', 'No resources found in dev namespace.\n', 0]],
    ['get pizza', ['', 'error: the server doesn\'t have a resource type "pizza"\n', 1]],
    ['get pods -o foo', ['', 'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n', 1]],
  ] as const)('%s', (line, expected) => {
    expect(outputOf(scenario(`kubectl ${line}`).run, 0)).toEqual(expected);
  });

  it('prints one object as key-sorted JSON with 4-space indent, and a List for several', () => {
    const { run } = scenario('kubectl get svc hello-svc -o json', 'kubectl get svc -o json');
    const one = JSON.parse(run.commands[0]!.stdout);
    expect(run.commands[0]!.stdout.startsWith('{\n    "apiVersion": "v1",\n    "kind": "Service",\n    "metadata": {\n        "creationTimestamp"')).toBe(true);
    expect(one.spec.ports).toEqual([{ nodePort: 31310, port: 8080, protocol: 'TCP', targetPort: 8080 }]);
    const list = JSON.parse(run.commands[1]!.stdout);
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
    expect(list.items.map((s: { metadata: { name: string } }) => s.metadata.name)).toEqual(['hello-svc', 'kubernetes']);
  });

  it('prints YAML with sorted keys, unindented sequences and quoted timestamps like kubectl', () => {
    const { run } = scenario('kubectl get cm -o yaml', 'kubectl create cm cfg --from-literal=on=yes', 'kubectl get cm cfg -o yaml');
    expect(run.commands[0]!.stdout).toBe('apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n');
    expect(run.commands[2]!.stdout).toMatch(/^apiVersion: v1\ndata:\n {2}"on": "yes"\nkind: ConfigMap\nmetadata:\n {2}creationTimestamp: "2026-01-01T00:00:\d\dZ"\n/);
  });

  it.each([
    ['get pods -w', 'it watches until stopped'],
    ['get pods -o jsonpath={.items}', '-o jsonpath output is not simulated'],
    ['get pods --no-headers', 'get --no-headers is not simulated'],
    ['get pods --sort-by=.metadata.name', 'get --sort-by is not simulated'],
  ])('does not run %s', (line, reason) => {
    const { run } = scenario(`kubectl ${line}`);
    expect(run.commands[0]).toMatchObject({ unsupported: true, stdout: '', stderr: '' });
    expect(run.issues[0]!.message).toBe(`line 1: kubegrade does not run \`kubectl ${line}\` (${reason}); this line was skipped`);
  });
});
