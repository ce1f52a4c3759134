import { describe, it, expect } from 'vitest';
import { findPrinter, getJobs, jobCompletions, jobStatus } from './index.ts';
import { NOW } from './fixtures.ts';

const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;
const at = (secondsBeforeNow: number): string => new Date(Date.parse(NOW) - secondsBeforeNow * 1000).toISOString().replace('.000Z', 'Z');
const cond = (type: string): Record<string, string> => ({ type, status: 'True' });

function job(name: string, spec: Record<string, unknown>, status: Record<string, unknown>, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: 'default', creationTimestamp: at(600), ...extra },
    spec: {
      selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': `uid-${name}` } },
      template: { spec: { containers: [{ name: 'main', image: 'busybox:1.36' }, { name: 'side', image: 'nginx:1.27' }] } },
      ...spec,
    },
    status,
  };
}

const complete = job('batch', { completions: 4, parallelism: 4 }, { succeeded: 4, startTime: at(300), completionTime: at(240), conditions: [cond('SuccessCriteriaMet'), cond('Complete')] });
const running = job('queue', { parallelism: 3 }, { succeeded: 1, startTime: at(95) });
const failed = job('broken', { completions: 1, parallelism: 1 }, { failed: 7, startTime: at(200), conditions: [cond('FailureTarget'), cond('Failed')] });
const suspended = job('later', { completions: 2, parallelism: 1, suspend: true }, { conditions: [cond('Suspended')] });

describe('getJobs (printJob)', () => {
  it('prints NAME STATUS COMPLETIONS DURATION AGE sorted by name', () => {
    expect(getJobs([complete, running, failed, suspended], { now: NOW })).toEqual({
      stdout: lines(
        'NAME     STATUS      COMPLETIONS   DURATION   AGE',
        'batch    Complete    4/4           60s        10m',
        'broken   Failed      0/1           3m20s      10m',
        'later    Suspended   0/2                      10m',
        'queue    Running     1/1 of 3      95s        10m',
      ),
      stderr: '',
    });
  });

  it('adds CONTAINERS IMAGES SELECTOR with -o wide', () => {
    expect(getJobs([complete], { now: NOW, wide: true }).stdout).toBe(lines(
      'NAME    STATUS     COMPLETIONS   DURATION   AGE   CONTAINERS   IMAGES                    SELECTOR',
      'batch   Complete   4/4           60s        10m   main,side    busybox:1.36,nginx:1.27   batch.kubernetes.io/controller-uid=uid-batch',
    ));
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['no conditions', job('a', {}, {}), 'Running'],
    ['being deleted wins over Suspended', job('a', {}, { conditions: [cond('Suspended')] }, { deletionTimestamp: at(1) }), 'Terminating'],
    ['Complete wins over being deleted', job('a', {}, { conditions: [cond('Complete')] }, { deletionTimestamp: at(1) }), 'Complete'],
    ['FailureTarget before the Pods are gone', job('a', {}, { conditions: [cond('FailureTarget')] }), 'FailureTarget'],
    ['SuccessCriteriaMet before the Pods are gone', job('a', {}, { conditions: [cond('SuccessCriteriaMet')] }), 'SuccessCriteriaMet'],
    ['a False condition does not count', job('a', {}, { conditions: [{ type: 'Suspended', status: 'False' }] }), 'Running'],
  ])('STATUS: %s', (_title, j, expected) => {
    expect(jobStatus(j)).toBe(expected);
  });

  it.each<[Record<string, unknown>, number, string]>([
    [{ completions: 5 }, 2, '2/5'],
    [{ parallelism: 1 }, 0, '0/1'],
    [{ parallelism: 4 }, 1, '1/1 of 4'],
    [{}, 0, '0/1'],
  ])('COMPLETIONS of %j with %i succeeded is %s', (spec, succeeded, expected) => {
    expect(jobCompletions({ spec, status: { succeeded } })).toBe(expected);
  });

  it('is found as jobs and job, and survives hostile objects', () => {
    expect(findPrinter('job')).toBe(getJobs);
    expect(findPrinter('Jobs')).toBe(getJobs);
    expect(() => getJobs([null, 'x', { metadata: [], spec: { completions: 'x' }, status: { conditions: 'x' } }], { now: NOW })).not.toThrow();
  });
});
