import { describe, expect, it } from 'vitest';
import { HELLO_POD, outputOf, scriptHarness } from './testing.ts';

describe('kubectl scale', () => {
  it.each([
    ['scale --replicas=3 deployment/web', ['deployment.apps/web scaled\n', '', 0], 3],
    ['scale deploy web --replicas=0', ['deployment.apps/web scaled\n', '', 0], 0],
    ['scale deploy web --replicas=3 --current-replicas=2', ['deployment.apps/web scaled\n', '', 0], 3],
    ['scale deploy web --replicas=3 --current-replicas=5', ['', 'error: Expected replicas to be 5, was 2\n', 1], 2],
    ['scale deploy web', ['', 'error: required flag(s) "replicas" not set\n', 1], 2],
    ['scale deploy web --replicas=-1', ['', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n', 1], 2],
    ['scale deploy nope --replicas=1', ['', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1], 2],
    ['scale pod hello-pod --replicas=2', ['', 'error: no scaler has been implemented for {"" "Pod"}\n', 1], 2],
  ] as const)('%s', (line, expected, replicas) => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    h.run('kubectl apply -f pod.yml', 'kubectl create deployment web --image=nginx --replicas=2');
    expect(outputOf(h.run(`kubectl ${line}`), 0)).toEqual(expected);
    expect(h.cluster.get({ kind: 'Deployment', namespace: 'default', name: 'web' })?.spec.replicas).toBe(replicas);
  });
});
