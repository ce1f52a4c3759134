import { describe, it, expect } from 'vitest';
import { summarizePod } from './pod-status.ts';
import * as f from './fixtures.ts';

const now = f.NOW;

/** A minimal pod with the given container statuses (spec containers follow the statuses). */
function p(status: Record<string, unknown>, extra: { spec?: Record<string, unknown>; meta?: Record<string, unknown> } = {}): unknown {
  const statuses = (status.containerStatuses as { name: string }[] | undefined) ?? [];
  return {
    metadata: { name: 'x', creationTimestamp: f.ago(60), ...extra.meta },
    spec: { containers: statuses.map((s) => ({ name: s.name, image: 'img' })), ...extra.spec },
    status,
  };
}

const runningReady = (name: string): Record<string, unknown> => ({ name, ready: true, restartCount: 0, state: { running: { startedAt: f.ago(50) } } });
const waiting = (name: string, reason: string): Record<string, unknown> => ({ name, ready: false, restartCount: 0, state: { waiting: { reason } } });
const terminated = (name: string, t: Record<string, unknown>): Record<string, unknown> => ({ name, ready: false, restartCount: 0, state: { terminated: t } });

describe('summarizePod STATUS column (printPod rules)', () => {
  it.each([
    ['Running fixture', f.runningPod, 'Running'],
    ['ContainerCreating fixture', f.creatingPod, 'ContainerCreating'],
    ['ErrImagePull fixture', f.errImagePullPod, 'ErrImagePull'],
    ['ImagePullBackOff fixture', f.imagePullBackOffPod, 'ImagePullBackOff'],
    ['CrashLoopBackOff fixture', f.crashLoopPod, 'CrashLoopBackOff'],
    ['Completed fixture', f.completedPod, 'Completed'],
    ['Terminating fixture', f.terminatingPod, 'Terminating'],
    ['1/2 ready fixture', f.halfReadyPod, 'Running'],
    ['init running fixture', f.initPod, 'Init:0/2'],
  ])('%s → %s', (_, pod, expected) => {
    expect(summarizePod(pod, now).status).toBe(expected);
  });

  it.each([
    ['phase when nothing else applies', p({ phase: 'Pending' }), 'Pending'],
    ['status.reason over phase', p({ phase: 'Failed', reason: 'Evicted' }), 'Evicted'],
    ['SchedulingGated condition', p({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] }), 'SchedulingGated'],
    ['terminated reason', p({ phase: 'Failed', containerStatuses: [terminated('a', { exitCode: 137, reason: 'OOMKilled' })] }), 'OOMKilled'],
    ['terminated without reason → ExitCode:N', p({ phase: 'Failed', containerStatuses: [terminated('a', { exitCode: 3 })] }), 'ExitCode:3'],
    ['terminated without reason, signalled → Signal:N', p({ phase: 'Failed', containerStatuses: [terminated('a', { exitCode: 0, signal: 9 })] }), 'Signal:9'],
    ['the first container (walking backwards) with a reason wins', p({ phase: 'Pending', containerStatuses: [waiting('a', 'ErrImagePull'), waiting('b', 'ContainerCreating')] }), 'ErrImagePull'],
    ['Completed next to a running container and pod Ready → Running',
      p({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [terminated('a', { exitCode: 0, reason: 'Completed' }), runningReady('b')] }), 'Running'],
    ['Completed next to a running container, pod not Ready → NotReady',
      p({ phase: 'Running', containerStatuses: [terminated('a', { exitCode: 0, reason: 'Completed' }), runningReady('b')] }), 'NotReady'],
    ['deleted on a lost node → Unknown', p({ phase: 'Running', reason: 'NodeLost' }, { meta: { deletionTimestamp: f.ago(1) } }), 'Unknown'],
    ['deleted but already Succeeded keeps its status', p({ phase: 'Succeeded', containerStatuses: [terminated('a', { exitCode: 0, reason: 'Completed' })] }, { meta: { deletionTimestamp: f.ago(1) } }), 'Completed'],
  ])('%s', (_, pod, expected) => {
    expect(summarizePod(pod, now).status).toBe(expected);
  });

  describe('init containers', () => {
    const initSpec = { initContainers: [{ name: 'i1', image: 'x' }, { name: 'i2', image: 'x' }], containers: [{ name: 'c', image: 'x' }] };
    it.each([
      ['first init failed with a reason', [terminated('i1', { exitCode: 1, reason: 'Error' })], 'Init:Error'],
      ['init exited without reason', [terminated('i1', { exitCode: 2 })], 'Init:ExitCode:2'],
      ['init exited 0 counts as done even with a signal', [terminated('i1', { exitCode: 0, signal: 15 }), waiting('i2', 'PodInitializing')], 'Init:1/2'],
      ['init killed by a signal without reason', [terminated('i1', { exitCode: 143, signal: 15 })], 'Init:Signal:15'],
      ['init waiting with a reason', [waiting('i1', 'CrashLoopBackOff')], 'Init:CrashLoopBackOff'],
      ['PodInitializing is not shown as a reason', [waiting('i1', 'PodInitializing')], 'Init:0/2'],
      ['first done, second running', [terminated('i1', { exitCode: 0, reason: 'Completed' }), { name: 'i2', state: { running: {} } }], 'Init:1/2'],
    ])('%s → %s', (_, initStatuses, expected) => {
      const pod = { metadata: { name: 'x' }, spec: initSpec, status: { phase: 'Pending', initContainerStatuses: initStatuses, containerStatuses: [waiting('c', 'PodInitializing')] } };
      expect(summarizePod(pod, now).status).toBe(expected);
    });

    it('counts a started sidecar (restartPolicy Always) in READY and total', () => {
      const pod = {
        metadata: { name: 'x' },
        spec: { initContainers: [{ name: 'proxy', image: 'x', restartPolicy: 'Always' }], containers: [{ name: 'c', image: 'x' }] },
        status: {
          phase: 'Running',
          conditions: [{ type: 'Initialized', status: 'True' }, { type: 'Ready', status: 'True' }],
          initContainerStatuses: [{ name: 'proxy', started: true, ready: true, restartCount: 2, state: { running: {} }, lastState: { terminated: { exitCode: 1, finishedAt: f.ago(300) } } }],
          containerStatuses: [runningReady('c')],
        },
      };
      expect(summarizePod(pod, now)).toEqual({ ready: '2/2', status: 'Running', restarts: '2 (5m ago)' });
    });
  });
});

describe('summarizePod READY and RESTARTS', () => {
  it('prints ready/total', () => {
    expect(summarizePod(f.halfReadyPod, now).ready).toBe('1/2');
    expect(summarizePod(f.runningPod, now).ready).toBe('1/1');
    expect(summarizePod(f.imagePullBackOffPod, now).ready).toBe('0/1');
  });

  it('prints N (age ago) from the latest lastState.terminated.finishedAt', () => {
    expect(summarizePod(f.crashLoopPod, now).restarts).toBe('5 (95s ago)');
  });

  it('sums restarts over containers and picks the latest termination', () => {
    const pod = p({
      phase: 'Running',
      containerStatuses: [
        { ...runningReady('a'), restartCount: 2, lastState: { terminated: { exitCode: 1, finishedAt: f.ago(3600) } } },
        { ...runningReady('b'), restartCount: 1, lastState: { terminated: { exitCode: 1, finishedAt: f.ago(420) } } },
      ],
    });
    expect(summarizePod(pod, now).restarts).toBe('3 (7m ago)');
  });

  it('prints a bare count when no termination time is known', () => {
    expect(summarizePod(p({ phase: 'Running', containerStatuses: [{ ...runningReady('a'), restartCount: 4 }] }), now).restarts).toBe('4');
  });
});

describe('summarizePod on hostile input', () => {
  it.each([
    ['null', null],
    ['a string', 'pod'],
    ['null status', { metadata: {}, spec: {}, status: null }],
    ['arrays where maps are expected', { metadata: [], spec: { containers: {} }, status: { containerStatuses: 'x', conditions: [null, 3] } }],
    ['numbers as strings', { spec: { containers: [{}] }, status: { containerStatuses: [{ restartCount: '7', ready: 'true', state: { running: {} } }] } }],
  ])('%s does not throw', (_, pod) => {
    expect(() => summarizePod(pod, now)).not.toThrow();
  });

  it('reads numeric strings as numbers', () => {
    const pod = { spec: { containers: [{}] }, status: { containerStatuses: [{ restartCount: '7', ready: true, state: { running: {} } }] } };
    expect(summarizePod(pod, now)).toEqual({ ready: '1/1', status: '', restarts: '7' });
  });
});
