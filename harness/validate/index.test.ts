import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseManifestText } from '../load/index.ts';
import type { ManifestDocument } from '../load/types.ts';
import { notSimulatedIssues, validateDocuments } from './index.ts';

function docs(text: string, file = 'pod.yaml'): ManifestDocument[] {
  return parseManifestText(file, text).documents;
}
function run(text: string, file?: string) {
  return validateDocuments(docs(text, file));
}

const COURSE_BROKEN_POD = `apiVersion: v1
kind: Pod
metadata:
name: hello-pod
labels:
app: web
spec:
containers:
- name: web-ctr
image: nigelpulton/getting-started-k8s:1.0
ports:
- containerPort: 8080
`;

describe('validateDocuments', () => {
  it('accepts the course Pod and returns it as a resource', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
  labels:
    app: web
spec:
  containers:
  - name: web-ctr
    image: nigelpulton/getting-started-k8s:1.0
    ports:
    - containerPort: 8080
`);
    expect(r.issues).toEqual([]);
    expect(r.resources.map((x) => x.object.metadata.name)).toEqual(['hello-pod']);
  });

  it('explains the course notes Pod whose indentation was lost, without unknown-field noise', () => {
    const r = run(COURSE_BROKEN_POD);
    expect(r.resources).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['validate/lost-indentation', 'validate/lost-indentation']);
    const [meta, spec] = r.issues;
    expect(meta).toMatchObject({
      line: 3,
      column: 1,
      pointer: '/metadata',
      message: 'metadata is empty and name, labels are at the top level: the indentation was lost (this happens when YAML is copied from a web page)',
    });
    expect(meta!.hint).toContain('metadata:\n  name: hello-pod');
    expect(spec).toMatchObject({ line: 7, pointer: '/spec' });
    expect(spec!.message).toContain('spec is empty and containers is at the top level');
  });

  it('finds container keys that ended up beside containers:', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: web
  image: nginx
`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'validate/lost-indentation', line: 6, column: 3, pointer: '/spec/containers' });
    expect(r.issues[0]!.message).toContain('image is beside containers');
  });

  it('finds label keys that ended up beside an empty labels:', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: x
  labels:
  app: web
spec:
  containers: [{name: web, image: nginx}]
`);
    expect(r.issues.map((i) => [i.code, i.line, i.message])).toEqual([
      ['validate/lost-indentation', 5, 'labels is empty and app is at the same level as labels: the indentation was lost (this happens when YAML is copied from a web page)'],
    ]);
  });

  it('reports API-server causes as kubectl lines with positions', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: hello-pod
spec:
  containers:
  - name: web
    ports:
    - containerPort: 0
`);
    expect(r.issues.map((i) => [i.code, i.message, i.line, i.column, i.field, i.pointer])).toEqual([
      ['validate/invalid', 'The Pod "hello-pod" is invalid: spec.containers[0].image: Required value', 7, 5, 'spec.containers[0].image', '/spec/containers/0/image'],
      ['validate/invalid', 'The Pod "hello-pod" is invalid: spec.containers[0].ports[0].containerPort: Required value', 9, 22, 'spec.containers[0].ports[0].containerPort', '/spec/containers/0/ports/0/containerPort'],
    ]);
  });

  it('points label errors at the key', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: x
  labels:
    app: web
    "my app": yes
spec:
  containers: [{name: web, image: nginx}]
`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'validate/invalid', line: 7, column: 5, field: 'metadata.labels' });
  });

  it('reports unknown fields at the key with a did-you-mean hint, and type errors at the value', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata:
  name: x
spec:
  containers:
  - name: web
    image: nginx
    imagePullpolicy: Always
    ports:
    - containerPort: "80"
`);
    expect(r.issues.map((i) => [i.code, i.message, i.hint, i.line, i.column])).toEqual([
      ['validate/unknown-field', 'unknown field "spec.containers[0].imagePullpolicy"', 'did you mean "imagePullPolicy"?', 9, 5],
      ['validate/wrong-type', 'json: cannot unmarshal string into Go struct field ContainerPort.spec.containers.ports.containerPort of type int32', 'spec.containers[0].ports[0].containerPort: expected int32, got string', 11, 22],
    ]);
  });

  it.each<[string, string, string, string | undefined]>([
    ['kind: pod', 'apiVersion: v1\nkind: pod\nmetadata: {name: x}\n', 'validate/unknown-kind', 'kind "pod" is not known: kinds are case-sensitive; did you mean "Pod"?'],
    ['misspelt kind', 'apiVersion: apps/v1\nkind: Deplyment\nmetadata: {name: x}\n', 'validate/unknown-kind', 'kind "Deplyment" is not known; did you mean "Deployment"?'],
    ['Ingress', 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: x}\n', 'validate/unsupported-kind', 'kubegrade does not simulate Ingress objects, so this document is not graded'],
    ['StatefulSet', 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: x}\n', 'validate/unsupported-kind', undefined],
    ['Pod in apps/v1', 'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: x}\n', 'validate/wrong-api-version', 'no matches for kind "Pod" in version "apps/v1"'],
    ['Deployment in v1', 'apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n', 'validate/wrong-api-version', 'no matches for kind "Deployment" in version "v1"'],
    ['Deployment in extensions/v1beta1', 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: x}\n', 'validate/wrong-api-version', 'no matches for kind "Deployment" in version "extensions/v1beta1"'],
    ['missing apiVersion', 'kind: Pod\nmetadata: {name: x}\n', 'validate/wrong-api-version', 'Object \'apiVersion\' is missing in \'{"kind":"Pod","metadata":{"name":"x"}}\''],
    ['missing kind', 'apiVersion: v1\nmetadata: {name: x}\n', 'validate/missing-kind', 'Object \'Kind\' is missing in \'{"apiVersion":"v1","metadata":{"name":"x"}}\''],
  ])('%s', (_t, text, code, message) => {
    const r = run(text);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]!.code).toBe(code);
    if (message !== undefined) expect(r.issues[0]!.message).toBe(message);
    expect(r.resources).toEqual([]);
  });

  it('gives the right apiVersion as a hint', () => {
    expect(run('apiVersion: v1\nkind: Deployment\nmetadata: {name: x}\n').issues[0]!.hint).toBe('a Deployment uses apiVersion: apps/v1');
  });

  it('reports a duplicate object at the second document and keeps the first', () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers: [{name: web, image: nginx}]\n';
    const r = run(`${pod}---\n${pod}`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ code: 'validate/duplicate-object', line: 11, pointer: '/metadata/name' });
    expect(r.issues[0]!.message).toBe('Pod "web" in namespace "default" is defined twice (first at pod.yaml:4)');
    expect(r.resources).toHaveLength(1);
  });

  it('does not call objects in different namespaces duplicates', () => {
    const pod = (ns: string) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: ${ns}}\nspec:\n  containers: [{name: web, image: nginx}]\n`;
    expect(run(`${pod('a')}---\n${pod('b')}`).resources).toHaveLength(2);
  });

  it('turns warnings into warning issues and keeps the document', () => {
    const r = run(`apiVersion: v1
kind: Pod
metadata: {name: x}
spec:
  containers:
  - {name: a, image: nginx, ports: [{containerPort: 80}]}
  - {name: b, image: nginx, ports: [{containerPort: 80}]}
`);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({
      code: 'validate/warning',
      severity: 'warning',
      message: 'Warning: spec.containers[1].ports[0]: duplicate port definition with spec.containers[0].ports[0]',
      line: 7,
    });
    expect(r.resources).toHaveLength(1);
  });

  it('validates the defaulted object (template restartPolicy defaults to Always)', () => {
    const r = run(`apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers: [{name: web, image: nginx}]
`);
    expect(r.issues).toEqual([]);
  });

  it('never throws on arbitrary JSON values (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), fc.jsonValue(), (metadata, spec, extra) => {
        const value = { apiVersion: 'v1', kind: 'Pod', metadata, spec, extra };
        const doc: ManifestDocument = {
          file: 'x.yaml',
          index: 0,
          format: 'yaml',
          value,
          start: { file: 'x.yaml', line: 1, column: 1 },
          positionOf: () => ({ file: 'x.yaml', line: 1, column: 1 }),
          keyPositionOf: () => undefined,
          source: '',
        };
        const r = validateDocuments([doc, { ...doc, value: { apiVersion: 'apps/v1', kind: 'Deployment', metadata, spec } }, { ...doc, value: spec }]);
        expect(Array.isArray(r.issues)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('fields the simulation does not model', () => {
  const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      topologySpreadConstraints:
        - { maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule, labelSelector: { matchLabels: { app: web } } }
      affinity:
        podAntiAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            - { labelSelector: { matchLabels: { app: web } }, topologyKey: kubernetes.io/hostname }
      containers:
        - { name: web, image: nginx:1.27 }
`;

  it('no longer flags topologySpreadConstraints or pod anti-affinity: the scheduler models them', () => {
    const result = validateDocuments(docs(text, 'deploy.yml'));
    expect(result.resources).toHaveLength(1);
    expect(result.issues.filter((i) => i.code === 'validate/not-simulated')).toEqual([]);
  });

  it('says so in an info diagnostic at a listed field, in a Pod template too', () => {
    const doc = docs(text, 'deploy.yml')[0]!;
    const notices = notSimulatedIssues(doc, doc.value, [{ field: 'affinity.podAntiAffinity', what: 'podAntiAffinity' }]);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ severity: 'info', file: 'deploy.yml', line: 15, field: 'spec.template.spec.affinity.podAntiAffinity' });
    expect(notices[0]?.message).toMatch(/does not model podAntiAffinity/);
  });

  it('steps into list items with [] and words what the field does not change', () => {
    const doc = docs(text, 'deploy.yml')[0]!;
    const notices = notSimulatedIssues(doc, doc.value, [{ field: 'affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[].labelSelector', what: 'labelSelector', effect: 'nothing else' }]);
    expect(notices.map((n) => [n.field, n.line])).toEqual([['spec.template.spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector', 17]]);
    expect(notices[0]?.message).toMatch(/but nothing else$/);
  });
});
