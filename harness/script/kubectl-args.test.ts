import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lastFlag, parseKubectlArgs } from './kubectl-args.ts';

function ok(line: string) {
  const r = parseKubectlArgs(line.split(' '));
  if (!r.ok) throw new Error(r.error);
  return { verb: r.command.verb, args: r.command.args, flags: Object.fromEntries(r.command.flags), warnings: r.command.warnings };
}

describe('parseKubectlArgs', () => {
  it.each([
    ['get pods', 'get', ['pods'], {}],
    ['-n ns get pods', 'get', ['pods'], { namespace: ['ns'] }],
    ['get pods -nns', 'get', ['pods'], { namespace: ['ns'] }],
    ['get pods -n=ns', 'get', ['pods'], { namespace: ['ns'] }],
    ['get pods --namespace ns -o yaml', 'get', ['pods'], { namespace: ['ns'], output: ['yaml'] }],
    ['get pods -oyaml', 'get', ['pods'], { output: ['yaml'] }],
    ['get pods -o=wide --show-labels', 'get', ['pods'], { output: ['wide'], 'show-labels': ['true'] }],
    ['get pods -Aw', 'get', ['pods'], { 'all-namespaces': ['true'], watch: ['true'] }],
    ['apply -f a.yaml -f b.yaml', 'apply', [], { filename: ['a.yaml', 'b.yaml'] }],
    ['apply -fpod.yaml', 'apply', [], { filename: ['pod.yaml'] }],
    ['create deploy web --image=a --image b -r 3', 'create deployment', ['web'], { image: ['a', 'b'], replicas: ['3'] }],
    ['create svc nodeport web --tcp=80:8080 --node-port 30080', 'create service nodeport', ['web'], { tcp: ['80:8080'], 'node-port': ['30080'] }],
    ['create cm cfg --from-literal=a=b', 'create configmap', ['cfg'], { 'from-literal': ['a=b'] }],
    ['create -f x.yaml', 'create', [], { filename: ['x.yaml'] }],
    ['run web --image=nginx --expose --port 80', 'run', ['web'], { image: ['nginx'], expose: ['true'], port: ['80'] }],
    ['run web --image=nginx --expose=false', 'run', ['web'], { image: ['nginx'], expose: ['false'] }],
    ['run web --image=busybox -it --rm -- sh -c date', 'run', ['web', 'sh', '-c', 'date'], { image: ['busybox'], stdin: ['true'], tty: ['true'], rm: ['true'] }],
    ['set image deployment/web nginx=nginx:1.27', 'set image', ['deployment/web', 'nginx=nginx:1.27'], {}],
    ['scale deploy web --replicas=3', 'scale', ['deploy', 'web'], { replicas: ['3'] }],
    ['expose deployment web --port=80 --type=NodePort', 'expose', ['deployment', 'web'], { port: ['80'], type: ['NodePort'] }],
    ['delete pod web --now', 'delete', ['pod', 'web'], { now: ['true'] }],
    ['label pod web app=x --overwrite', 'label', ['pod', 'web', 'app=x'], { overwrite: ['true'] }],
    ['logs web -c app --tail=10', 'logs', ['web'], { container: ['app'], tail: ['10'] }],
    ['rollout status deployment/web', 'rollout status', ['deployment/web'], {}],
    ['rollout status deploy web -w=false --timeout 2m --revision=3000000000', 'rollout status', ['deploy', 'web'], { watch: ['false'], timeout: ['2m'], revision: ['3000000000'] }],
    ['rollout undo deployment/web --to-revision=2', 'rollout undo', ['deployment/web'], { 'to-revision': ['2'] }],
    ['rollout history deployment/web --revision 1', 'rollout history', ['deployment/web'], { revision: ['1'] }],
    ['rollout restart deploy/web', 'rollout restart', ['deploy/web'], {}],
    ['create deployment web -- --image=x', 'create deployment', ['web', '--image=x'], {}],
    ['get pods -', 'get', ['pods', '-'], {}],
  ])('%s', (line, verb, args, flags) => {
    const r = ok(line);
    expect(r.verb).toBe(verb);
    expect(r.args).toEqual(args);
    expect(r.flags).toEqual(flags);
  });

  it('reads bare --dry-run as the deprecated "unchanged" (client) and warns like kubectl', () => {
    const r = ok('create deployment web --image=x --dry-run client');
    expect(r.flags['dry-run']).toEqual(['unchanged']);
    // A flag with an optional value never takes the next word.
    expect(r.args).toEqual(['web', 'client']);
    expect(r.warnings).toEqual(['--dry-run is deprecated and can be replaced with --dry-run=client.']);
    expect(ok('create deployment web --image=x --dry-run=server').warnings).toEqual([]);
  });

  it('keeps every value of a repeated flag and lastFlag reads the last', () => {
    const r = parseKubectlArgs(['create', 'deployment', 'web', '--image=x', '--replicas=2', '--replicas=5']);
    expect(r.ok && lastFlag(r.command.flags, 'replicas')).toBe('5');
    expect(r.ok && lastFlag(r.command.flags, 'port')).toBeUndefined();
  });

  it.each([
    ['fly', 'error: unknown command "fly" for "kubectl"'],
    ['gte pods', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget'],
    ['get --foo', "error: unknown flag: --foo\nSee 'kubectl get --help' for usage."],
    ['rollout status deployment/web --to-revision=1', "error: unknown flag: --to-revision\nSee 'kubectl rollout status --help' for usage."],
    ['get pods -x', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage."],
    ['get pods -Ax', "error: unknown shorthand flag: 'x' in -x\nSee 'kubectl get --help' for usage."],
    ['get pods -n', "error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage."],
    ['run x --image', "error: flag needs an argument: --image\nSee 'kubectl run --help' for usage."],
    ['create deployment web --image=x --expose', "error: unknown flag: --expose\nSee 'kubectl create deployment --help' for usage."],
    ['create deployment web --replicas=two', 'error: invalid argument "two" for "-r, --replicas" flag: strconv.ParseInt: parsing "two": invalid syntax\nSee \'kubectl create deployment --help\' for usage.'],
    ['create deployment web --replicas=3000000000', 'error: invalid argument "3000000000" for "-r, --replicas" flag: strconv.ParseInt: parsing "3000000000": value out of range\nSee \'kubectl create deployment --help\' for usage.'],
    ['run x --expose=yes', 'error: invalid argument "yes" for "--expose" flag: strconv.ParseBool: parsing "yes": invalid syntax\nSee \'kubectl run --help\' for usage.'],
    ['create foo x', "error: Unexpected args: [foo x]\nSee 'kubectl create -h' for help and examples"],
    ['create service foo web', 'error: unknown command "foo web"\nSee \'kubectl create service -h\' for help and examples'],
    ['set foo', 'error: unknown command "foo"\nSee \'kubectl set -h\' for help and examples'],
    ['--foo get pods', 'Error: flags cannot be placed before plugin name: --foo'],
    ['-n ns --foo get', "error: unknown flag: --foo\nSee 'kubectl --help' for usage."],
  ])('%s → kubectl error', (line, error) => {
    expect(parseKubectlArgs(line.split(' '))).toEqual({ ok: false, kind: 'kubectl', error });
  });

  it.each(['', 'exec web -- ls', 'create service', 'version'])('%j is a real command this grader does not run', (line) => {
    const r = parseKubectlArgs(line === '' ? [] : line.split(' '));
    expect(r).toMatchObject({ ok: false, kind: 'unsupported' });
  });

  it('never throws on arbitrary argv', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('-', '--', '-n', '--image', 'create', 'service', 'get', 'run', '-o=', '--dry-run')), { maxLength: 8 }), (argv) => {
        const r = parseKubectlArgs(argv);
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });
});
