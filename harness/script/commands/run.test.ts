import { describe, expect, it } from 'vitest';
import { outputOf, scriptHarness } from './testing.ts';

describe('kubectl run', () => {
  it.each([
    ['run web --image=nginx', ['pod/web created\n', '', 0]],
    ['run web --image=nginx --port=80 --expose', ['service/web created\npod/web created\n', '', 0]],
    ['run web --image=nginx --labels=app=web,tier=fe', ['pod/web created\n', '', 0]],
    ['run web', ['', 'error: required flag(s) "image" not set\n', 1]],
    ['run web --image=nginx --expose', ['', "error: --port must be set when exposing a service\nSee 'kubectl run -h' for help and examples\n", 1]],
    ['run web --image=nginx --restart=Sometimes', ['', "error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n", 1]],
    ['run web --image=nginx --dry-run', ['pod/web created (dry run)\n', '--dry-run is deprecated and can be replaced with --dry-run=client.\n', 0]],
  ] as const)('%s', (line, expected) => {
    expect(outputOf(scriptHarness().run(`kubectl ${line}`), 0)).toEqual(expected);
  });

  it('creates a Pod labelled run=<name> that the cluster then runs', () => {
    const h = scriptHarness();
    h.run('kubectl run web --image=nginx --port=80');
    const pod = h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'web' })!;
    expect(pod.metadata.labels).toEqual({ run: 'web' });
    expect(pod.spec.containers[0]).toMatchObject({ name: 'web', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] });
    expect(pod.status.phase).toBe('Running');
  });

  it('does not run interactive forms and reports them as unsupported', () => {
    const h = scriptHarness();
    const run = h.run('kubectl run -it box --image=busybox --rm -- sh');
    expect(run.commands[0]).toMatchObject({ stdout: '', stderr: '', unsupported: true });
    expect(run.issues).toMatchObject([{ code: 'script/unsupported', line: 1 }]);
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'box' })).toBeUndefined();
  });
});
