// Test fixtures: realistic core/v1 objects as the API server returns them (with status), written by hand.
import type { KubeObject } from '../core/kube.ts';

export const NOW = '2026-01-01T01:00:00Z';

/** Returns an RFC 3339 instant `seconds` before NOW. */
export function ago(seconds: number): string {
  return new Date(Date.parse(NOW) - seconds * 1000).toISOString().replace('.000Z', 'Z');
}

const tolerations = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

const apiAccessVolume = {
  name: 'kube-api-access-x7k2p',
  projected: {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
    ],
  },
};

const apiAccessMount = { name: 'kube-api-access-x7k2p', readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };

interface PodInput {
  name: string;
  age: number;
  labels?: Record<string, string>;
  containers: Record<string, unknown>[];
  initContainers?: Record<string, unknown>[];
  status: Record<string, unknown>;
  node?: string;
  meta?: Record<string, unknown>;
}

/** Builds a Pod the way the API server stores it (defaults, service account volume, tolerations). */
export function pod(input: PodInput): KubeObject {
  const spec: Record<string, unknown> = {
    containers: input.containers.map((c) => ({
      imagePullPolicy: 'IfNotPresent',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      volumeMounts: [apiAccessMount],
      ...c,
    })),
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 30,
    dnsPolicy: 'ClusterFirst',
    serviceAccountName: 'default',
    serviceAccount: 'default',
    schedulerName: 'default-scheduler',
    tolerations,
    priority: 0,
    enableServiceLinks: true,
    preemptionPolicy: 'PreemptLowerPriority',
    volumes: [apiAccessVolume],
  };
  if (input.initContainers) spec.initContainers = input.initContainers;
  if (input.node) spec.nodeName = input.node;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: input.name,
      namespace: 'default',
      uid: `uid-${input.name}`,
      resourceVersion: '100',
      creationTimestamp: ago(input.age),
      ...(input.labels ? { labels: input.labels } : {}),
      ...input.meta,
    },
    spec,
    status: { qosClass: 'BestEffort', ...input.status },
  };
}

function conditions(ready: boolean, age: number, extra: { initialized?: boolean } = {}): Record<string, unknown>[] {
  const t = ago(age);
  const readyStatus = ready ? 'True' : 'False';
  return [
    { type: 'PodReadyToStartContainers', status: 'True', lastProbeTime: null, lastTransitionTime: t },
    { type: 'Initialized', status: extra.initialized === false ? 'False' : 'True', lastProbeTime: null, lastTransitionTime: t },
    { type: 'Ready', status: readyStatus, lastProbeTime: null, lastTransitionTime: t },
    { type: 'ContainersReady', status: readyStatus, lastProbeTime: null, lastTransitionTime: t },
    { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t },
  ];
}

const WEB_IMAGE = 'nigelpoulton/getting-started-k8s:1.0';
const WEB_IMAGE_ID = 'docker.io/nigelpoulton/getting-started-k8s@sha256:3d5d1e2a5b7c0f6c1e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3';

function running(name: string, started: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    state: { running: { startedAt: ago(started) } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: `docker.io/${WEB_IMAGE}`,
    imageID: WEB_IMAGE_ID,
    containerID: `containerd://${'a1b2c3d4e5f6'.repeat(5).slice(0, 64)}`,
    started: true,
    ...extra,
  };
}

function net(age: number): Record<string, unknown> {
  return { hostIP: '192.168.49.2', hostIPs: [{ ip: '192.168.49.2' }], podIP: '10.1.0.5', podIPs: [{ ip: '10.1.0.5' }], startTime: ago(age) };
}

export const runningPod = pod({
  name: 'hello-pod',
  age: 300,
  labels: { app: 'web', zone: 'prod' },
  node: 'node-1',
  containers: [{ name: 'web-ctr', image: WEB_IMAGE, ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
  status: { phase: 'Running', conditions: conditions(true, 290), ...net(300), containerStatuses: [running('web-ctr', 290)] },
});

export const creatingPod = pod({
  name: 'creating',
  age: 5,
  node: 'node-2',
  containers: [{ name: 'web', image: 'nginx:1.27' }],
  status: {
    phase: 'Pending',
    conditions: conditions(false, 5),
    hostIP: '192.168.49.3',
    hostIPs: [{ ip: '192.168.49.3' }],
    startTime: ago(5),
    containerStatuses: [{ name: 'web', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0, image: 'nginx:1.27', imageID: '', started: false }],
  },
});

function waitingPod(name: string, reason: string, message: string): KubeObject {
  return pod({
    name,
    age: 125,
    node: 'node-1',
    containers: [{ name: 'web', image: 'nginxx:1.0' }],
    status: {
      phase: 'Pending',
      conditions: conditions(false, 120),
      ...net(125),
      containerStatuses: [{ name: 'web', state: { waiting: { reason, message } }, lastState: {}, ready: false, restartCount: 0, image: 'nginxx:1.0', imageID: '', started: false }],
    },
  });
}

export const errImagePullPod = waitingPod('pull-err', 'ErrImagePull', 'failed to pull and unpack image "docker.io/library/nginxx:1.0": not found');
export const imagePullBackOffPod = waitingPod('pull-backoff', 'ImagePullBackOff', 'Back-off pulling image "nginxx:1.0"');

export const crashLoopPod = pod({
  name: 'crasher',
  age: 600,
  node: 'node-2',
  containers: [{ name: 'app', image: 'busybox:1.36', command: ['sh', '-c', 'exit 1'] }],
  status: {
    phase: 'Running',
    conditions: conditions(false, 590),
    ...net(600),
    containerStatuses: [{
      name: 'app',
      state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=app pod=crasher_default(uid-crasher)' } },
      lastState: { terminated: { exitCode: 1, reason: 'Error', startedAt: ago(95), finishedAt: ago(95) } },
      ready: false,
      restartCount: 5,
      image: 'docker.io/library/busybox:1.36',
      imageID: 'docker.io/library/busybox@sha256:0123',
      containerID: 'containerd://c0ffee',
      started: false,
    }],
  },
});

export const completedPod = pod({
  name: 'job-once',
  age: 7200,
  node: 'node-3',
  containers: [{ name: 'task', image: 'busybox:1.36' }],
  status: {
    phase: 'Succeeded',
    conditions: conditions(false, 7000),
    ...net(7200),
    containerStatuses: [{
      name: 'task',
      state: { terminated: { exitCode: 0, reason: 'Completed', startedAt: ago(7190), finishedAt: ago(7180) } },
      lastState: {},
      ready: false,
      restartCount: 0,
      image: 'docker.io/library/busybox:1.36',
      imageID: 'docker.io/library/busybox@sha256:0123',
      containerID: 'containerd://d00d',
      started: false,
    }],
  },
});

export const terminatingPod = pod({
  name: 'going-away',
  age: 86400 * 3 + 3600 * 2,
  node: 'node-1',
  meta: {
    deletionTimestamp: ago(-25),
    deletionGracePeriodSeconds: 30,
    annotations: { 'example.com/long': 'x'.repeat(150), 'example.com/multi': 'line one\nline two\n', short: 'yes' },
  },
  containers: [{ name: 'web', image: WEB_IMAGE }],
  status: { phase: 'Running', conditions: conditions(true, 86400), ...net(86400 * 3), containerStatuses: [running('web', 86400 * 3)] },
});

export const halfReadyPod = pod({
  name: 'two-ctr',
  age: 3 * 3600 + 60 * 12,
  node: 'node-2',
  containers: [{ name: 'web', image: WEB_IMAGE }, { name: 'sidecar', image: 'busybox:1.36' }],
  status: {
    phase: 'Running',
    conditions: conditions(false, 3600),
    ...net(3 * 3600),
    containerStatuses: [
      running('sidecar', 3600, { ready: false }),
      running('web', 3600),
    ],
  },
});

export const initPod = pod({
  name: 'with-init',
  age: 40,
  node: 'node-3',
  initContainers: [
    { name: 'wait-db', image: 'busybox:1.36', command: ['sh', '-c', 'until nslookup db; do sleep 2; done'] },
    { name: 'migrate', image: 'busybox:1.36' },
  ],
  containers: [{ name: 'web', image: WEB_IMAGE }],
  status: {
    phase: 'Pending',
    conditions: conditions(false, 40, { initialized: false }),
    ...net(40),
    initContainerStatuses: [
      { name: 'wait-db', state: { running: { startedAt: ago(35) } }, lastState: {}, ready: false, restartCount: 0, image: 'docker.io/library/busybox:1.36', imageID: 'docker.io/library/busybox@sha256:0123', containerID: 'containerd://e1', started: true },
      { name: 'migrate', state: { waiting: { reason: 'PodInitializing' } }, lastState: {}, ready: false, restartCount: 0, image: 'busybox:1.36', imageID: '', started: false },
    ],
    containerStatuses: [
      { name: 'web', state: { waiting: { reason: 'PodInitializing' } }, lastState: {}, ready: false, restartCount: 0, image: WEB_IMAGE, imageID: '', started: false },
    ],
  },
});

interface EventInput {
  about: KubeObject;
  reason: string;
  message: string;
  type?: 'Normal' | 'Warning';
  component?: string;
  first: number;
  last?: number;
  count?: number;
  fieldPath?: string;
  name: string;
}

/** Builds a core/v1 Event as the engine records it. */
export function event(input: EventInput): KubeObject {
  const component = input.component ?? 'kubelet';
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${input.about.metadata.name}.${input.name}`, namespace: 'default', creationTimestamp: ago(input.first) },
    involvedObject: {
      apiVersion: 'v1',
      kind: input.about.kind,
      name: input.about.metadata.name,
      namespace: 'default',
      uid: input.about.metadata.uid,
      ...(input.fieldPath ? { fieldPath: input.fieldPath } : {}),
    },
    reason: input.reason,
    message: input.message,
    source: component === 'kubelet' ? { component, host: 'node-1' } : { component },
    firstTimestamp: ago(input.first),
    lastTimestamp: ago(input.last ?? input.first),
    count: input.count ?? 1,
    type: input.type ?? 'Normal',
    reportingComponent: component,
    reportingInstance: component === 'kubelet' ? 'node-1' : '',
  };
}

export const runningEvents = [
  event({ about: runningPod, name: '1', reason: 'Scheduled', message: 'Successfully assigned default/hello-pod to node-1', component: 'default-scheduler', first: 300 }),
  event({ about: runningPod, name: '2', reason: 'Pulling', message: 'Pulling image "nigelpoulton/getting-started-k8s:1.0"', first: 299, fieldPath: 'spec.containers{web-ctr}' }),
  event({ about: runningPod, name: '3', reason: 'Pulled', message: 'Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 8.2s (8.2s including waiting). Image size: 62958873 bytes.', first: 291, fieldPath: 'spec.containers{web-ctr}' }),
  event({ about: runningPod, name: '4', reason: 'Created', message: 'Created container: web-ctr', first: 291, fieldPath: 'spec.containers{web-ctr}' }),
  event({ about: runningPod, name: '5', reason: 'Started', message: 'Started container web-ctr', first: 290, fieldPath: 'spec.containers{web-ctr}' }),
];

export const backOffEvents = [
  event({ about: imagePullBackOffPod, name: '1', reason: 'Scheduled', message: 'Successfully assigned default/pull-backoff to node-1', component: 'default-scheduler', first: 125 }),
  event({ about: imagePullBackOffPod, name: '2', reason: 'Pulling', message: 'Pulling image "nginxx:1.0"', first: 124, last: 40, count: 4, fieldPath: 'spec.containers{web}' }),
  event({ about: imagePullBackOffPod, name: '3', type: 'Warning', reason: 'Failed', message: 'Failed to pull image "nginxx:1.0": failed to resolve reference "docker.io/library/nginxx:1.0": pull access denied', first: 123, last: 39, count: 4, fieldPath: 'spec.containers{web}' }),
  event({ about: imagePullBackOffPod, name: '4', type: 'Warning', reason: 'Failed', message: 'Error: ErrImagePull', first: 123, last: 39, count: 4, fieldPath: 'spec.containers{web}' }),
  event({ about: imagePullBackOffPod, name: '5', reason: 'BackOff', message: 'Back-off pulling image "nginxx:1.0"', first: 122, last: 10, count: 6, fieldPath: 'spec.containers{web}' }),
  event({ about: imagePullBackOffPod, name: '6', type: 'Warning', reason: 'Failed', message: 'Error: ImagePullBackOff', first: 122, last: 10, count: 6, fieldPath: 'spec.containers{web}' }),
];

/** Builds a Node as the kubelet reports it (Ready condition, addresses, nodeInfo). */
export function node(name: string, input: { age: number; ready?: 'True' | 'False' | 'Unknown' | 'missing'; unschedulable?: boolean; labels?: Record<string, string>; ip: string }): KubeObject {
  const conditions = input.ready === 'missing' ? [] : [
    { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory' },
    { type: 'Ready', status: input.ready ?? 'True', reason: 'KubeletReady' },
  ];
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, uid: `uid-${name}`, creationTimestamp: ago(input.age), labels: { 'kubernetes.io/hostname': name, ...input.labels } },
    spec: input.unschedulable ? { unschedulable: true } : {},
    status: {
      conditions,
      addresses: [{ type: 'InternalIP', address: input.ip }, { type: 'Hostname', address: name }],
      nodeInfo: { kubeletVersion: 'v1.34.1', osImage: 'Ubuntu 24.04.3 LTS', kernelVersion: '6.8.0-79-generic', containerRuntimeVersion: 'containerd://1.7.28', operatingSystem: 'linux', architecture: 'amd64' },
    },
  };
}

/** A Deployment-owned pod exercising ports, probes, resources, env, volumes and mounts (no status for its container yet). */
export const detailedPod: KubeObject = {
  ...runningPod,
  metadata: {
    ...runningPod.metadata,
    name: 'web-7c5ddbdf54-x2x9q',
    uid: 'uid-web-7c5ddbdf54-x2x9q',
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{}\n', note: 'hello' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-7c5ddbdf54', uid: 'u', controller: true, blockOwnerDeletion: true }],
  },
  spec: {
    ...runningPod.spec,
    containers: [{
      name: 'web',
      image: 'nginx',
      ports: [{ containerPort: 80, protocol: 'TCP', name: 'http' }, { containerPort: 53, protocol: 'UDP' }],
      resources: { requests: { memory: '64Mi', cpu: '250m' }, limits: { memory: '128Mi' } },
      livenessProbe: { httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      readinessProbe: { tcpSocket: { port: 'http' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 },
      env: [
        { name: 'MODE', value: 'prod' },
        { name: 'POD_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' } } },
        { name: 'PASS', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
      ],
      volumeMounts: [{ name: 'data', mountPath: '/var/data', subPath: 'sub' }, { name: 'cfg', mountPath: '/etc/app', readOnly: true }],
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    }],
    volumes: [{ name: 'data', emptyDir: {} }, { name: 'cfg', configMap: { name: 'app-cfg', defaultMode: 420 } }],
  },
  status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: ago(3) }], hostIP: '192.168.49.2', hostIPs: [{ ip: '192.168.49.2' }], startTime: ago(3) },
};
