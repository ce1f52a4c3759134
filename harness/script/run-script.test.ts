import { describe, expect, it } from 'vitest';
import { HELLO_POD, scriptHarness, webDeploy } from './commands/testing.ts';
import { runCommandScript } from './run-script.ts';

describe('runCommandScript', () => {
  it("runs the course notes' scenario and prints what kubectl prints (pinned seed 1)", () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const run = h.run(
      '#!/bin/bash',
      'kubectl apply -f pod.yml',
      'kubectl expose pod hello-pod --name=hello-svc --target-port=8080 --type=NodePort',
      'kubectl get svc',
    );
    expect(run.issues).toEqual([]);
    expect(run.commands).toEqual([
      { file: 'commands.sh', line: 2, argv: ['apply', '-f', 'pod.yml'], stdout: 'pod/hello-pod created\n', stderr: '', exitCode: 0 },
      {
        file: 'commands.sh',
        line: 3,
        argv: ['expose', 'pod', 'hello-pod', '--name=hello-svc', '--target-port=8080', '--type=NodePort'],
        stdout: 'service/hello-svc exposed\n',
        stderr: '',
        exitCode: 0,
      },
      {
        file: 'commands.sh',
        line: 4,
        argv: ['get', 'svc'],
        stdout:
          'NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE\n' +
          'hello-svc    NodePort    10.152.183.98   <none>        8080:31310/TCP   0s\n' +
          'kubernetes   ClusterIP   10.152.183.1    <none>        443/TCP          4s\n',
        stderr: '',
        exitCode: 0,
      },
    ]);
    expect(h.cluster.request({ from: 'outside' }, 'http://node-1:31310/').status).toBe(200);
  });

  // Decision: a script runs like `bash commands.sh` without `set -e`: a failing line is reported and the next line runs.
  it('goes on after failing lines and reports each with its position and kubectl stderr', () => {
    const h = scriptHarness({ 'pod.yml': HELLO_POD });
    const run = h.run(
      'kubectl apply -f pods.yml',
      'kubectl gte pods',
      'kubectl get pods | grep hello',
      'kubectl exec hello-pod -- ls',
      '  kubectl apply -f pod.yml',
      'kubectl label pod hello-pod app=api',
    );
    expect(run.commands.map((c) => [c.line, c.exitCode, c.stdout, c.stderr])).toEqual([
      [1, 1, '', 'error: the path "pods.yml" does not exist\n'],
      [2, 1, '', 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n'],
      [4, 0, '', ''],
      [5, 0, 'pod/hello-pod created\n', ''],
      [6, 1, '', "error: 'app' already has a value (web), and --overwrite is false\n"],
    ]);
    expect(run.commands[2]!.unsupported).toBe(true);
    expect(run.issues.map((i) => [i.code, i.line, i.column, i.message])).toEqual([
      ['script/command-failed', 1, 1, 'error: the path "pods.yml" does not exist'],
      ['script/command-failed', 2, 1, 'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget'],
      ['script/shell-syntax', 3, 18, 'line 3: a pipe `|` is shell syntax, but nothing here is run by a shell; this line was not run'],
      ['script/unsupported', 4, 1, 'line 4: kubegrade does not run `kubectl exec hello-pod -- ls` (it needs a shell inside a real container); this line was skipped'],
      ['script/command-failed', 6, 1, "error: 'app' already has a value (web), and --overwrite is false"],
    ]);
    expect(run.issues.every((i) => i.severity === 'error' && i.file === 'commands.sh')).toBe(true);
    expect(h.cluster.get({ kind: 'Pod', namespace: 'default', name: 'hello-pod' })?.metadata.labels).toEqual({ app: 'web' });
  });

  it('settles the cluster after every command that was run or attempted', () => {
    const h = scriptHarness();
    let settles = 0;
    const ctx = { ...h.ctx, settle: () => { settles++; h.ctx.settle(); } };
    const run = runCommandScript('c.sh', 'kubectl run web --image=nginx\nkubectl get pods\nkubectl logs web\ndocker ps\n', ctx);
    expect(settles).toBe(3);
    expect(run.commands[1]!.stdout).toMatch(/^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\nweb\s+1\/1\s+Running\s+0\s+\d+s\n$/);
  });

  // Decision: `rollout status` typed right after the command that started a rollout watches it from its first second.
  it('lets only a moment pass before a rollout status, and settles before anything else', () => {
    const h = scriptHarness({ 'deploy.yml': webDeploy() });
    const v2 = 'nigelpoulton/getting-started-k8s:2.0';
    const watched = h.run('kubectl apply -f deploy.yml', `kubectl set image deployment/web-deploy web-ctr=${v2}`, 'kubectl rollout status deployment/web-deploy');
    expect(watched.commands[2]!.stdout).toMatch(/^Waiting for deployment "web-deploy" rollout to finish: 1 out of 5 new replicas have been updated\.\.\.\n/);
    const settled = scriptHarness({ 'deploy.yml': webDeploy() }).run('kubectl apply -f deploy.yml', `kubectl set image deployment/web-deploy web-ctr=${v2}`, 'kubectl get deploy web-deploy', 'kubectl rollout status deployment/web-deploy');
    expect(settled.commands[2]!.stdout).toMatch(/\nweb-deploy\s+5\/5\s+5\s+5\s/);
    expect(settled.commands[3]!.stdout).toBe('deployment "web-deploy" successfully rolled out\n');
  });

  it.each([null, 42, '', '# only a comment\n'])('treats %j as a script with nothing to run', (text) => {
    const h = scriptHarness();
    expect(runCommandScript('c.sh', text as string, h.ctx)).toEqual({ commands: [], issues: [] });
  });

  it('never throws on hostile command lines', () => {
    const h = scriptHarness({ 'x.yml': 'null\n---\n[1, 2]\n---\nkind: 7\napiVersion: {}\n' });
    const lines = [
      'kubectl apply -f x.yml',
      'kubectl label pod "" =',
      'kubectl scale deploy web --replicas=99999999999',
      'kubectl get pods,,svc',
      'kubectl get /',
      'kubectl delete pod/',
      'kubectl set image deployment/ =',
      'kubectl create configmap "" --from-literal==',
      'kubectl expose svc kubernetes --port=abc',
      'kubectl describe pod/ -A',
      'kubectl rollout status deployment/ --timeout=1s',
      'kubectl rollout undo deploy "" --to-revision=-5',
      'kubectl rollout history deployment/x --revision=99999999999',
      'kubectl rollout restart deployments -l "a b"',
      'kubectl describe deploy,rs',
    ];
    const run = h.run(...lines);
    expect(run.commands).toHaveLength(lines.length);
    expect(run.commands.every((c) => c.exitCode === 0 || c.exitCode === 1)).toBe(true);
  });
});
