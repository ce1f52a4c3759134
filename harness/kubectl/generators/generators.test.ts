import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { createDeployment, exposeObject, exposeTarget, generateObjects, runPod } from './index.ts';
import type { GeneratorInput } from './types.ts';

// These pin outputs verified against kubectl v1.34 so they still guard behaviour where the oracle is unavailable.
const input = (verb: string, args: string[], flags: Record<string, string[]> = {}): GeneratorInput => ({
  verb,
  args,
  flags: new Map(Object.entries(flags)),
});

describe('generators without the oracle', () => {
  it('builds the kubectl run pod with run=<name> and ClusterFirst', () => {
    expect(runPod(input('run', ['web'], { image: ['nginx'] }))).toEqual({
      ok: true,
      objects: [
        {
          kind: 'Pod',
          apiVersion: 'v1',
          metadata: { name: 'web', labels: { run: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx', resources: {} }], restartPolicy: 'Always', dnsPolicy: 'ClusterFirst' },
          status: {},
        },
      ],
    });
  });

  it('adds an unlabelled ClusterIP Service first for run --expose', () => {
    const r = runPod(input('run', ['web'], { image: ['nginx'], port: ['80'], expose: ['true'] }));
    expect(r.ok && r.objects.map((o) => o.kind)).toEqual(['Service', 'Pod']);
    expect(r.ok && r.objects[0]).toEqual({
      kind: 'Service',
      apiVersion: 'v1',
      metadata: { name: 'web' },
      spec: { ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], selector: { run: 'web' } },
      status: { loadBalancer: {} },
    });
  });

  it('derives deterministic container names where kubectl adds a random suffix', () => {
    const a = createDeployment(input('create deployment', ['web'], { image: ['my.app:1'] }));
    const b = createDeployment(input('create deployment', ['web'], { image: ['my.app:1'] }));
    const name = a.ok ? a.objects[0]!.spec.template.spec.containers[0].name : '';
    expect(name).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(b.ok && b.objects[0]!.spec.template.spec.containers[0].name).toBe(name);
  });

  it('refuses --from-file because files named in commands are never read', () => {
    const r = generateObjects(input('create configmap', ['cfg'], { 'from-file': ['app.properties'] }));
    expect(r).toMatchObject({ ok: false });
    expect(r && !r.ok && r.error).toMatch(/app\.properties was not read/);
  });

  it.each([
    ['pod without labels', { kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ ports: [{ containerPort: 80 }] }] } }, "error: couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed"],
    ['pod without ports', { kind: 'Pod', metadata: { name: 'p', labels: { a: 'b' } }, spec: { containers: [{}] } }, "error: couldn't find port via --port flag or introspection"],
    ['service without selector', { kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } }, "error: couldn't retrieve selectors via --selector flag or introspection: the service has no pod selector set"],
  ])('reports kubectl expose errors: %s', (_title, source, error) => {
    expect(exposeObject(input('expose', []), source as unknown as KubeObject)).toEqual({ ok: false, error });
  });

  it.each([
    [[], 'You must provide one or more resources'],
    [['pod'], 'error: resource(s) were provided, but no name was specified'],
    [['widget', 'x'], 'error: the server doesn\'t have a resource type "widget"'],
  ])('reports bad expose targets %j', (args, error) => {
    const r = exposeTarget(args);
    expect('error' in r && r.error).toContain(error);
  });

  it('resolves expose targets written TYPE NAME or TYPE/NAME', () => {
    expect(exposeTarget(['deploy', 'web'])).toEqual({ kind: 'Deployment', name: 'web' });
    expect(exposeTarget(['rs/web-1'])).toEqual({ kind: 'ReplicaSet', name: 'web-1' });
  });

  it('never throws on hostile source objects or flags', () => {
    const anyJson = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(
        fc.constantFrom('Pod', 'Service', 'Deployment', 'ReplicaSet', 'Job'),
        anyJson,
        anyJson,
        fc.dictionary(fc.constantFrom('port', 'target-port', 'protocol', 'labels', 'selector', 'name', 'type'), fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 })),
        (kind, metadata, spec, flags) => {
          const source = { kind, apiVersion: 'v1', metadata, spec } as unknown as KubeObject;
          const r = exposeObject(input('expose', [], flags), source);
          expect(typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(
        fc.constantFrom('create deployment', 'create service clusterip', 'create service nodeport', 'create configmap', 'run'),
        fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
        fc.dictionary(fc.constantFrom('image', 'port', 'replicas', 'tcp', 'node-port', 'from-literal', 'labels', 'env', 'restart', 'expose', 'clusterip'), fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 })),
        (verb, args, flags) => {
          const r = generateObjects(input(verb, args, flags));
          expect(r && typeof r.ok).toBe('boolean');
        },
      ),
      { numRuns: 300 },
    );
  });
});
