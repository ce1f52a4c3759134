import { describe, expect, it } from 'vitest';
import { scriptHarness } from './testing.ts';

const JOB = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  completions: 2
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: pi
          image: busybox
`;

describe('kubectl get jobs in a command script (seed 1)', () => {
  it('applies a Job, lists it (plain and wide) and shows its finished Pods as Completed', () => {
    const h = scriptHarness({ 'job.yaml': JOB });
    const uid = '62510094-0a86-4a6c-b403-3a2422e43f49';
    const run = h.run('kubectl apply -f job.yaml', 'kubectl get jobs', 'kubectl get job/pi -o wide', 'kubectl get pods');
    expect(run.commands.map((s) => s.stdout + s.stderr)).toEqual([
      'job.batch/pi created\n',
      'NAME   STATUS     COMPLETIONS   DURATION   AGE\npi     Complete   2/2           8s         8s\n',
      `NAME   STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES    SELECTOR\npi     Complete   2/2           8s         8s    pi           busybox   batch.kubernetes.io/controller-uid=${uid}\n`,
      'NAME       READY   STATUS      RESTARTS   AGE\npi-fsfq2   0/1     Completed   0          8s\npi-jk7jb   0/1     Completed   0          4s\n',
    ]);
    expect(run.issues).toEqual([]);
  });

  it('lists the Job last in kubectl get all, as job.batch/NAME', () => {
    const h = scriptHarness({ 'job.yaml': JOB });
    const run = h.run('kubectl apply -f job.yaml', 'kubectl get all');
    expect(run.commands[1]!.stdout.split('\n\n').at(-1)).toBe('NAME           STATUS     COMPLETIONS   DURATION   AGE\njob.batch/pi   Complete   2/2           8s         8s\n');
  });

  it('describes the Job (kubectl describe job)', () => {
    const h = scriptHarness({ 'job.yaml': JOB });
    const run = h.run('kubectl apply -f job.yaml', 'kubectl describe job pi');
    expect(run.commands[1]!.stdout).toMatch(/^Name:\s+pi\nNamespace:\s+default\n/);
    expect(run.commands[1]!.stdout).toMatch(/\nPods Statuses:\s+0 Active \(0 Ready\) \/ 2 Succeeded \/ 0 Failed\n/);
    expect(run.commands[1]!.stdout).toMatch(/\n {2}Normal {2}Completed\s+0s\s+job-controller {2}Job completed\n$/);
  });
});
