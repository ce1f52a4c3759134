import { describe, expect, it } from 'vitest';
import { rolloutRestart, RESTARTED_AT } from './rollout-restart.ts';
import { rolloutStatus } from './rollout-status.ts';
import { parseKubectlArgs } from '../kubectl-args.ts';
import { outputOf, scriptHarness, webDeploy } from './testing.ts';

const V2 = 'nigelpoulton/getting-started-k8s:2.0';
const deployment = (h: ReturnType<typeof scriptHarness>) => h.cluster.get({ kind: 'Deployment', namespace: 'default', name: 'web-deploy' })!;
const waiting = (text: string) => `Waiting for deployment "web-deploy" rollout to finish: ${text}\n`;

describe('kubectl rollout in a command script', () => {
  it('runs set image → status → history → undo as kubectl prints it (pinned seed 1)', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const run = h.run(
      'kubectl apply -f deploy.yml',
      `kubectl set image deployment/web-deploy web-ctr=${V2}`,
      'kubectl rollout status deployment/web-deploy',
      'kubectl rollout history deployment/web-deploy',
      'kubectl rollout undo deployment/web-deploy',
    );
    expect(run.issues).toEqual([]);
    expect(run.commands.map((c) => [c.stdout, c.stderr, c.exitCode])).toEqual([
      ['deployment.apps/web-deploy created\n', '', 0],
      ['deployment.apps/web-deploy image updated\n', '', 0],
      [
        waiting('1 out of 5 new replicas have been updated...') +
          waiting('2 out of 5 new replicas have been updated...') +
          waiting('3 out of 5 new replicas have been updated...') +
          waiting('4 out of 5 new replicas have been updated...') +
          waiting('1 old replicas are pending termination...') +
          'deployment "web-deploy" successfully rolled out\n',
        '',
        0,
      ],
      ['deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n', '', 0],
      ['deployment.apps/web-deploy rolled back\n', '', 0],
    ]);
    // The rollback rolled the Deployment forward to revision 3 with the 1.0 template.
    const d = deployment(h);
    expect(d.spec.template.spec.containers[0].image).toBe('nigelpoulton/getting-started-k8s:1.0');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(d.status.updatedReplicas).toBe(5);
  });

  it('advances virtual time while it waits, and stops once the rollout finished', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    h.run('kubectl apply -f deploy.yml');
    const d = deployment(h);
    d.spec.template.spec.containers[0].image = V2;
    expect(h.cluster.update(d).ok).toBe(true);
    const before = h.cluster.now;
    const command = parseKubectlArgs(['rollout', 'status', 'deployment/web-deploy']);
    if (!command.ok) throw new Error('parse');
    const out = rolloutStatus(command.command, h.ctx);
    expect(out.stdout.split('\n')[0]).toBe('Waiting for deployment spec update to be observed...');
    expect(out.stdout.endsWith('deployment "web-deploy" successfully rolled out\n')).toBe(true);
    const lines = out.stdout.trimEnd().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    // Five new Pods, each ready and then available after minReadySeconds (5s), one at a time (maxSurge 1).
    const waited = (h.cluster.now - before) / 1000;
    expect(waited).toBeGreaterThanOrEqual(25);
    expect(waited).toBeLessThan(200);
    expect(deployment(h).status.updatedReplicas).toBe(5);
  });

  it('stops at --timeout with kubectl’s error, leaving the rollout going', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const start = h.cluster.now;
    const run = h.run('kubectl apply -f deploy.yml', `kubectl set image deployment/web-deploy web-ctr=${V2}`, 'kubectl rollout status deployment web-deploy --timeout=10s');
    expect(outputOf(run, 2)).toEqual([waiting('1 out of 5 new replicas have been updated...'), 'error: timed out waiting for the condition\n', 1]);
    expect(run.issues.map((i) => i.code)).toEqual(['script/command-failed']);
    expect(h.cluster.now - start).toBeGreaterThanOrEqual(10_000);
  });

  it('reports a progress deadline exceeded as an error (exit 1)', () => {
    const broken = webDeploy('9.9', '  progressDeadlineSeconds: 30\n');
    const h = scriptHarness({ 'deploy.yml': webDeploy(), 'broken.yml': broken });
    const run = h.run('kubectl apply -f deploy.yml', 'kubectl apply -f broken.yml', 'kubectl rollout status deployment/web-deploy');
    const [stdout, stderr, code] = outputOf(run, 2);
    expect(stdout).toBe(waiting('1 out of 5 new replicas have been updated...'));
    expect(stderr).toBe('error: deployment "web-deploy" exceeded its progress deadline\n');
    expect(code).toBe(1);
  });

  it.each([
    ['rollout status deployment/web-deploy --watch=false', ['deployment "web-deploy" successfully rolled out\n', '', 0]],
    ['rollout status deployment/web-deploy --revision=1', ['deployment "web-deploy" successfully rolled out\n', '', 0]],
    ['rollout status deployment/web-deploy --revision=4', ['', 'error: desired revision (4) is different from the running revision (1)\n', 1]],
    ['rollout status deployment/web-deploy --revision=-1', ['', 'error: revision must be a positive integer: -1\n', 1]],
    ['rollout status deployment/web-deploy --timeout=5', ['', 'error: invalid argument "5" for "--timeout" flag: time: missing unit in duration "5"\nSee \'kubectl rollout status --help\' for usage.\n', 1]],
    ['rollout status', ['', 'error: required resource not specified\n', 1]],
    ['rollout status deployment/nope', ['', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1]],
    ['rollout status deployment/web-deploy -n other', ['', 'Error from server (NotFound): deployments.apps "web-deploy" not found\n', 1]],
    ['rollout status pod/hello', ['', 'Error from server (NotFound): pods "hello" not found\n', 1]],
    ['rollout status rs', ['', 'error: no status viewer has been implemented for ReplicaSet.apps\n', 1]],
    ['rollout status widgets/x', ['', 'error: the server doesn\'t have a resource type "widgets"\n', 1]],
    ['rollout status -f deploy.yml', ['deployment "web-deploy" successfully rolled out\n', '', 0]],
    ['rollout history deployment/web-deploy --revision=1', ['deployment.apps/web-deploy with revision #1\nPod Template:\n  Labels:\tapp=web\n', '', 0]],
    ['rollout history deployment/web-deploy --revision=5', ['', 'error: unable to find the specified revision\n', 1]],
    ['rollout history pod/x', ['', 'Error from server (NotFound): pods "x" not found\n', 1]],
    ['rollout undo deployment/web-deploy', ['', 'error: no rollout history found for deployment "web-deploy"\n', 1]],
    ['rollout undo deployment/web-deploy --to-revision=7', ['', 'error: unable to find specified revision 7 in history\n', 1]],
    ['rollout undo deployment/web-deploy --to-revision=1', ['deployment.apps/web-deploy skipped rollback (current template already matches revision 1)\n', '', 0]],
    ['rollout undo deploy web-deploy --revision=1', ['', "error: unknown flag: --revision\nSee 'kubectl rollout undo --help' for usage.\n", 1]],
    ['rollout pause deployment/web-deploy', ['deployment.apps/web-deploy paused\n', '', 0]],
    ['rollout resume deployment/web-deploy', ['', 'error: deployments.apps "web-deploy" is not paused\n', 1]],
    ['rollout restart deployment/web-deploy', ['deployment.apps/web-deploy restarted\n', '', 0]],
    ['rollout restart deployment', ['deployment.apps/web-deploy restarted\n', '', 0]],
    ['rollout restart deployment -l app=api', ['', 'No resources found in default namespace.\n', 0]],
    ['rollout restart deployment/nope deployment/web-deploy', ['deployment.apps/web-deploy restarted\n', 'Error from server (NotFound): deployments.apps "nope" not found\n', 1]],
    ['rollout undo deployment/x deployment/y', ['', 'Error from server (NotFound): deployments.apps "x" not found\nError from server (NotFound): deployments.apps "y" not found\n', 1]],
    ['rollout history rs', ['', 'error: no history viewer has been implemented for "ReplicaSet.apps"\n', 1]],
  ] as const)('kubectl %s', (line, expected) => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    h.run('kubectl apply -f deploy.yml');
    const [stdout, stderr, code] = outputOf(h.run(`kubectl ${line}`), 0);
    // `history --revision` prints a whole pod template (checked against real kubectl in the oracle test): compare its start.
    const shown = line.includes('history') && line.includes('--revision=1') ? stdout.slice(0, expected[0].length) : stdout;
    expect([shown, stderr, code]).toEqual(expected);
  });

  // Checked against kubectl v1.34: several errors are listed as they are, without the `error: ` prefix a single one gets.
  it('lists several errors the way kubectl prints an aggregate', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const run = h.run('kubectl apply -f deploy.yml', `kubectl set image deployment/web-deploy web-ctr=${V2}`, 'kubectl rollout history rs', 'kubectl rollout pause rs');
    expect(outputOf(run, 2)).toEqual(['', 'no history viewer has been implemented for "ReplicaSet.apps"\n'.repeat(2), 1]);
    expect(outputOf(run, 3)[1]).toMatch(/^error: replicasets\.apps "web-deploy-[4-9bcdf]+" pausing is not supported\nerror: replicasets\.apps "web-deploy-[4-9bcdf]+" pausing is not supported\n$/);
  });

  it('history shows each revision’s kubernetes.io/change-cause, and undo restores the old cause', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const run = h.run(
      'kubectl apply -f deploy.yml',
      'kubectl annotate deployment/web-deploy kubernetes.io/change-cause="version 1.0"',
      `kubectl set image deployment/web-deploy web-ctr=${V2}`,
      'kubectl annotate deployment/web-deploy kubernetes.io/change-cause="version 2.0" --overwrite',
      'kubectl rollout history deployment/web-deploy',
      'kubectl rollout undo deployment/web-deploy --to-revision=1',
      'kubectl rollout history deployment/web-deploy',
    );
    expect(run.issues).toEqual([]);
    expect(outputOf(run, 4)[0]).toBe('deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n1         version 1.0\n2         version 2.0\n\n');
    expect(outputOf(run, 5)[0]).toBe('deployment.apps/web-deploy rolled back\n');
    expect(deployment(h).metadata.annotations?.['kubernetes.io/change-cause']).toBe('version 1.0');
    expect(outputOf(run, 6)[0]).toBe('deployment.apps/web-deploy \nREVISION  CHANGE-CAUSE\n2         version 2.0\n3         version 1.0\n\n');
  });

  it('restart stamps the template with the virtual time (RFC 3339) and refuses a second restart in the same second', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    h.run('kubectl apply -f deploy.yml');
    const command = parseKubectlArgs(['rollout', 'restart', 'deployment/web-deploy']);
    if (!command.ok) throw new Error('parse');
    expect(rolloutRestart(command.command, h.ctx)).toEqual({ stdout: 'deployment.apps/web-deploy restarted\n', stderr: '', exitCode: 0 });
    const stamp = deployment(h).spec.template.metadata.annotations[RESTARTED_AT];
    expect(stamp).toBe(h.cluster.timestamp());
    expect(stamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(rolloutRestart(command.command, h.ctx)).toEqual({
      stdout: '',
      stderr: 'error: failed to create patch for web-deploy: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      exitCode: 1,
    });
    // The new template rolls out: a second revision whose ReplicaSet carries the annotation.
    h.ctx.settle();
    expect(deployment(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('pause stops rollouts until resume; restart and undo refuse a paused Deployment', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const run = h.run(
      'kubectl apply -f deploy.yml',
      'kubectl rollout pause deployment/web-deploy',
      'kubectl rollout pause deployment/web-deploy',
      `kubectl set image deployment/web-deploy web-ctr=${V2}`,
      'kubectl rollout restart deployment/web-deploy',
      'kubectl rollout undo deployment/web-deploy',
      'kubectl rollout resume deployment/web-deploy',
    );
    expect(run.commands.slice(1).map((c) => [c.stdout, c.stderr, c.exitCode])).toEqual([
      ['deployment.apps/web-deploy paused\n', '', 0],
      ['', 'error: deployments.apps "web-deploy" is already paused\n', 1],
      ['deployment.apps/web-deploy image updated\n', '', 0],
      ['', 'error: deployments.apps "web-deploy" can\'t restart paused deployment (run rollout resume first)\n', 1],
      ['', 'error: no rollout history found for deployment "web-deploy"\n', 1],
      ['deployment.apps/web-deploy resumed\n', '', 0],
    ]);
    expect(deployment(h).spec.paused).toBe(false);
    expect(deployment(h).metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
  });

  it('describes Deployments and ReplicaSets through the describe command', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const run = h.run('kubectl apply -f deploy.yml', 'kubectl describe deploy web-deploy', 'kubectl describe rs');
    const [deploy, , code] = outputOf(run, 1);
    expect(code).toBe(0);
    expect(deploy).toMatch(/^Name:\s+web-deploy\nNamespace:\s+default\n/);
    expect(deploy).toContain('Replicas:               5 desired | 5 updated | 5 total | 5 available | 0 unavailable\n');
    expect(deploy).toContain('RollingUpdateStrategy:  0 max unavailable, 1 max surge\n');
    expect(deploy).toMatch(/NewReplicaSet:\s+web-deploy-[4-9bcdf]{1,10} \(5\/5 replicas created\)\n/);
    expect(outputOf(run, 2)[0]).toMatch(/^Name:\s+web-deploy-[4-9bcdf]+\n[\s\S]*Pods Status:\s+5 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  });
});
