/** Timings and names of the node lifecycle machinery (Kubernetes v1.34 defaults). */

/** Seconds between a running kubelet's Lease renewals (modelled as a continuous heartbeat, see node-health.ts). */
export const LEASE_RENEW_SECONDS = 10;
/** node-monitor-grace-period: 40s up to 1.31, 50s from 1.32 (kubernetes PR #126287). */
export const NODE_MONITOR_GRACE_SECONDS = 50;
/** PodGC's gcCheckPeriod; its ticks fall on multiples of this since the cluster's start. */
export const POD_GC_PERIOD_SECONDS = 20;
/** PodGC's quarantine before deleting Pods bound to a Node that does not exist. */
export const POD_GC_QUARANTINE_SECONDS = 40;

export const NODE_CONTROLLER = 'node-controller';
export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
export const POD_GC_CONTROLLER = 'pod-garbage-collector';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

export const NODE_STATUS_UNKNOWN_REASON = 'NodeStatusUnknown';
export const NODE_STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';

/** The conditions a healthy kubelet posts, in the order it posts them. */
export const HEALTHY_NODE_CONDITIONS: readonly { type: string; status: string; reason: string; message: string }[] = [
  { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
  { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' },
];
