import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

const BAD_POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  containers:\n  - name: c\n';
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\ndata:\n  a: "1"\n';

describe('kubectl apply', () => {
  it.each([
    ['apply -f pod.yml', { 'pod.yml': HELLO_POD }, ['pod/hello-pod created\n', '', 0]],
    ['apply -f ./pod.yml', { 'pod.yml': HELLO_POD }, ['pod/hello-pod created\n', '', 0]],
    ['apply -f k8s', { 'k8s/b.yml': HELLO_POD, 'k8s/a.yml': CONFIG }, ['configmap/cfg created\npod/hello-pod created\n', '', 0]],
    ['apply -f all.yml', { 'all.yml': `${HELLO_POD}---\n${BAD_POD}---\n${CONFIG}` }, ['pod/hello-pod created\nconfigmap/cfg created\n', 'The Pod "bad" is invalid: spec.containers[0].image: Required value\n', 1]],
    ['apply -f nope.yml', {}, ['', 'error: the path "nope.yml" does not exist\n', 1]],
    ['apply -f x.yml', { 'x.yml': 'metadata:\n  name: x\n' }, ['', 'error: error validating "x.yml": error validating data: kind not set; if you choose to ignore these errors, turn validation off with --validate=false\n', 1]],
    ['apply -f x.yml', { 'x.yml': 'kind: Pod\nmetadata:\n  name: x\n' }, ['', 'error: error validating "x.yml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n', 1]],
    ['apply', {}, ['', 'error: must specify one of -f and -k\n', 1]],
  ] as const)('%s', (line, files, expected) => {
    const h = scriptHarness({ ...files });
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
  });

  it('prints unchanged on a re-apply and configured after the file changed, keeping the object', () => {
    const files: Record<string, string> = { 'pod.yml': HELLO_POD };
    const h = scriptHarness(files);
    const first = h.run('kubectl apply -f pod.yml', 'kubectl apply -f pod.yml');
    expect(first.commands.map((c) => c.stdout)).toEqual(['pod/hello-pod created\n', 'pod/hello-pod unchanged\n']);
    files['pod.yml'] = HELLO_POD.replace('app: web', 'app: web\n    tier: fe');
    expect(outputOf(h.run('kubectl apply -f pod.yml'), 0)).toEqual(['pod/hello-pod configured\n', '', 0]);
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })?.metadata.labels).toEqual({ app: 'web', tier: 'fe' });
  });

  it('stores the valid objects of a file even when another object in it is rejected', () => {
    const h = scriptHarness({ 'all.yml': `${BAD_POD}---\n${CONFIG}` });
    const run = h.run('kubectl apply -f all.yml');
    expect(h.cluster.get({ kind: 'ConfigMap', namespace: 'default', name: 'cfg' })).toBeDefined();
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'bad' })).toBeUndefined();
    expect(run.issues).toMatchObject([{ code: 'script/command-failed', line: 1, column: 1, file: 'commands.sh', message: 'The Pod "bad" is invalid: spec.containers[0].image: Required value' }]);
  });

  it('refuses a file that does not parse, sending nothing', () => {
    const h = scriptHarness({ 'pod.yml': `${HELLO_POD}---\nkind: [unclosed\n` });
    const [stdout, stderr, code] = outputOf(h.run('kubectl apply -f pod.yml'), 0);
    expect([stdout, code]).toEqual(['', 1]);
    expect(stderr).toMatch(/^error: error parsing pod\.yml: /);
    expect(h.cluster.list('Pod', 'default')).toEqual([]);
  });

  it('puts objects without a namespace into the -n namespace', () => {
    const h = scriptHarness({ 'ns.yml': 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dev\n', 'cm.yml': CONFIG });
    const run = h.run('kubectl apply -f ns.yml', 'kubectl apply -f cm.yml -n dev');
    expect(run.commands.map((c) => c.stdout)).toEqual(['namespace/dev created\n', 'configmap/cfg created\n']);
    expect(h.cluster.get({ kind: 'ConfigMap', namespace: 'dev', name: 'cfg' })).toBeDefined();
  });

  it('refuses an object whose namespace differs from -n, sending nothing', () => {
    const h = scriptHarness({ 'cm.yml': CONFIG.replace('  name: cfg\n', '  name: cfg\n  namespace: prod\n') });
    expect(outputOf(h.run('kubectl apply -f cm.yml -n dev'), 0)).toEqual([
      '',
      'error: the namespace from the provided object "prod" does not match the namespace "dev". You must pass \'--namespace=prod\' to perform this operation.\n',
      1,
    ]);
  });

  it.each(['apply -f https://k8s.io/examples/pod.yaml', 'apply -f pod.yml --server-side', 'apply -f pod.yml --dry-run=client', 'apply -f pod.yml --prune -l app=web'])(
    'does not run %s',
    (line) => {
      const h = scriptHarness({ 'pod.yml': HELLO_POD });
      const run = h.run(`kubectl ${line}`);
      expect(run.commands[0]).toMatchObject({ unsupported: true });
      expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })).toBeUndefined();
    },
  );
});
