import type { KubeObject } from '../core/kube.ts';
import type { NodeSpec } from './types.ts';

export const KUBELET_VERSION = 'v1.34.1';

/** Expands the `nodes` option (a count or explicit specs) into node specs. */
export function nodeSpecs(option: number | NodeSpec[] | undefined): NodeSpec[] {
  if (Array.isArray(option)) return option;
  const count = typeof option === 'number' && Number.isInteger(option) && option >= 0 ? Math.min(option, 250) : 3;
  return Array.from({ length: count }, (_, i) => ({ name: `node-${i + 1}` }));
}

/** Builds the Node object of a spec: labels, taints, capacity, conditions, addresses, nodeInfo. */
export function nodeObject(spec: NodeSpec, index: number, timestamp: string): KubeObject {
  const capacity = { cpu: spec.cpu ?? '2', 'ephemeral-storage': '20Gi', memory: spec.memory ?? '4Gi', pods: String(spec.pods ?? 110) };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: timestamp,
    lastTransitionTime: timestamp,
    reason,
    message,
  });
  const nodeSpec: Record<string, unknown> = {};
  if (spec.taints && spec.taints.length > 0) nodeSpec.taints = spec.taints.map((t) => ({ ...t }));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: spec.name,
      labels: {
        'beta.kubernetes.io/arch': 'amd64',
        'beta.kubernetes.io/os': 'linux',
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/hostname': spec.name,
        'kubernetes.io/os': 'linux',
        ...(spec.labels ?? {}),
      },
    },
    spec: nodeSpec,
    status: {
      capacity,
      allocatable: { ...capacity },
      conditions: [
        condition('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      addresses: [
        { type: 'InternalIP', address: `10.0.0.${11 + index}` },
        { type: 'Hostname', address: spec.name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.8.0-generic',
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.1 LTS',
      },
    },
  };
}
