import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

function labelsAfter(line: string): [ReturnType<typeof outputOf>, unknown, unknown] {
  const h = scriptHarness({ 'pod.yml': HELLO_POD.replace('  labels:\n', '  annotations:\n    note: old\n  labels:\n') });
  h.run('kubectl apply -f pod.yml');
  const out = outputOf(h.run(`kubectl ${line}`), 0);
  const pod = h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' });
  return [out, pod?.metadata.labels, pod?.metadata.annotations];
}

describe('kubectl label', () => {
  it.each([
    ['label pod hello-pod tier=fe', ['pod/hello-pod labeled\n', '', 0], { app: 'web', tier: 'fe' }],
    ['label pods/hello-pod tier=fe env=dev', ['pod/hello-pod labeled\n', '', 0], { app: 'web', env: 'dev', tier: 'fe' }],
    ['label pod hello-pod app=web', ['pod/hello-pod not labeled\n', '', 0], { app: 'web' }],
    ['label pod hello-pod app=api', ['', "error: 'app' already has a value (web), and --overwrite is false\n", 1], { app: 'web' }],
    ['label pod hello-pod app=api --overwrite', ['pod/hello-pod labeled\n', '', 0], { app: 'api' }],
    ['label pod hello-pod app-', ['pod/hello-pod labeled\n', '', 0], undefined],
    ['label pod hello-pod app- app=x', ['', 'error: can not both modify and remove a label in the same command\n', 1], { app: 'web' }],
    ['label pod hello-pod a=b=c', ['', 'error: invalid label spec: a=b=c\n', 1], { app: 'web' }],
    ['label pod hello-pod', ['', 'error: at least one label update is required\n', 1], { app: 'web' }],
    ['label pod nope a=b', ['', 'Error from server (NotFound): pods "nope" not found\n', 1], { app: 'web' }],
    ['label pod a=b hello-pod', ['', 'error: all resources must be specified before label changes: hello-pod\n', 1], { app: 'web' }],
  ] as const)('%s', (line, expected, labels) => {
    const [out, after] = labelsAfter(line);
    expect(out).toEqual(expected);
    expect(after).toEqual(labels);
  });
});

describe('kubectl annotate', () => {
  it.each([
    ['annotate pod hello-pod owner=ana', ['pod/hello-pod annotated\n', '', 0], { note: 'old', owner: 'ana' }],
    ['annotate pod hello-pod note=new', ['', "error: 'note' already has a value (old), and --overwrite is false\n", 1], { note: 'old' }],
    ['annotate pod hello-pod note=new --overwrite', ['pod/hello-pod annotated\n', '', 0], { note: 'new' }],
    ['annotate pod hello-pod url=a=b', ['pod/hello-pod annotated\n', '', 0], { note: 'old', url: 'a=b' }],
    ['annotate pod hello-pod note-', ['pod/hello-pod annotated\n', '', 0], undefined],
  ] as const)('%s', (line, expected, annotations) => {
    const [out, , after] = labelsAfter(line);
    expect(out).toEqual(expected);
    expect(after).toEqual(annotations);
  });
});
