import type { ImageBehavior } from './types.ts';

/** What the simulated container runtime knows about one container (the kubelet's memory, not the store). */
export type ContainerStage =
  | 'queued'
  | 'pulling'
  | 'pullFailed'
  | 'pullBackOff'
  | 'invalid'
  | 'neverPull'
  | 'running'
  | 'crashBackOff'
  | 'done'
  | 'stopped';

export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  startedAt: string;
  finishedAt: string;
  containerID: string;
}

export interface ProbeState {
  kind: 'Liveness' | 'Readiness' | 'Startup';
  spec: Record<string, unknown>;
  /** Current result (readiness/startup start false, liveness true). */
  result: boolean;
  successes: number;
  failures: number;
  /** Next probe time (ms) or undefined while paused. */
  nextAt?: number;
  /** Network epoch of the pod when the probe paused (an unchanged outcome would repeat). */
  pausedEpoch?: number;
}

export interface ContainerRuntime {
  name: string;
  /** An init container (runs to completion, in order, before the app containers). */
  init: boolean;
  spec: Record<string, unknown>;
  image: string;
  behavior?: ImageBehavior;
  stage: ContainerStage;
  /** When the current stage's timer fires (ms). */
  at?: number;
  waitingReason?: string;
  waitingMessage?: string;
  pullBackoff: number;
  crashBackoff: number;
  restartCount: number;
  containerID: string;
  startedAtMs?: number;
  startedAt?: string;
  listenAt?: number;
  listening: boolean;
  exitAt?: number;
  ports: { port: number; protocol: 'TCP' | 'UDP' }[];
  terminated?: Termination;
  lastState?: Termination;
  probes: ProbeState[];
}

export interface PodRuntime {
  uid: string;
  node: string;
  sandboxAt: number;
  sandboxReady: boolean;
  ip?: string;
  startTime: string;
  containers: ContainerRuntime[];
  initContainers: ContainerRuntime[];
  rejected?: { reason: string; message: string };
  stopAt?: number;
  /** Bumped whenever a container starts/stops listening (probes resume). */
  epoch: number;
}
