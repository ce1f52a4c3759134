import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

describe('kubectl set image', () => {
  it.each([
    ['set image deployment/web nginx=nginx:1.27', ['deployment.apps/web image updated\n', '', 0], 'nginx:1.27'],
    ['set image deploy web nginx=nginx:1.27', ['deployment.apps/web image updated\n', '', 0], 'nginx:1.27'],
    ['set image deployment/web *=nginx:1.27', ['deployment.apps/web image updated\n', '', 0], 'nginx:1.27'],
    ['set image deployment/web app=nginx:1.27', ['', 'error: unable to find container named "app"\n', 1], 'nginx'],
    ['set image deployment/nope nginx=nginx:1.27', ['', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1], 'nginx'],
    ['set image deployment/web', ['', "error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n", 1], 'nginx'],
  ] as const)('%s', (line, expected, image) => {
    const h = scriptHarness();
    h.run('kubectl create deployment web --image=nginx');
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
    expect(h.cluster.get({ kind: 'Deployment', namespace: 'default', name: 'web' })?.spec.template.spec.containers[0].image).toBe(image);
  });

  it('updates a Pod container image in place', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const run = h.run('kubectl apply -f pod.yml', 'kubectl set image pod/hello-pod web-ctr=nigelpoulton/getting-started-k8s:2.0');
    expect(outputOf(run, 1)).toEqual(['pod/hello-pod image updated\n', '', 0]);
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })?.spec.containers[0].image).toBe('nigelpoulton/getting-started-k8s:2.0');
  });
});
