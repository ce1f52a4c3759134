import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

describe('kubectl delete', () => {
  it.each([
    ['delete pod hello-pod', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete po/hello-pod', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete pods hello-pod --now', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete -f pod.yml', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete cm cfg', ['configmap "cfg" deleted from default namespace\n', '', 0]],
    ['delete pod nope', ['', 'Error from server (NotFound): pods "nope" not found\n', 1]],
    ['delete pod nope --ignore-not-found', ['', '', 0]],
    ['delete pod nope hello-pod', ['pod "hello-pod" deleted from default namespace\n', 'Error from server (NotFound): pods "nope" not found\n', 1]],
    ['delete deploy web', ['', 'Error from server (NotFound): deployments.apps "web" not found\n', 1]],
    ['delete pod', ['', 'error: resource(s) were provided, but no name was specified\n', 1]],
    ['delete pods --all', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete svc --all -n dev', ['No resources found\n', '', 0]],
    ['delete pods -l app=web', ['pod "hello-pod" deleted from default namespace\n', '', 0]],
    ['delete pods -l app=api', ['No resources found\n', '', 0]],
    ['delete pizza x', ['', 'error: the server doesn\'t have a resource type "pizza"\n', 1]],
    ['delete', ['', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n", 1]],
  ] as const)('%s', (line, expected) => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD, 'cm.yml': CONFIG });
    h.run('kubectl apply -f pod.yml', 'kubectl apply -f cm.yml');
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
  });

  it('removes the Pod once the cluster settled after its grace period', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    h.run('kubectl apply -f pod.yml', 'kubectl delete pod hello-pod');
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })).toBeUndefined();
  });

  it('reports NotFound for -f objects with the file name', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    expect(outputOf(h.run('kubectl delete -f pod.yml'), 0)).toEqual(['', 'Error from server (NotFound): error when deleting "pod.yml": pods "hello-pod" not found\n', 1]);
  });
});
