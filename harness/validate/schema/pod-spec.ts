import { anyObject, arr, bool, int, intOrString, quantityMap, str, strMap, struct } from './builders.ts';
import type { SchemaNode } from './builders.ts';
import { labelSelector, objectMeta } from './object-meta.ts';

export const containerPort = struct('ContainerPort', { name: str, hostPort: int(), containerPort: int(), protocol: str, hostIP: str });

const httpHeader = struct('HTTPHeader', { name: str, value: str });
const handlers: Record<string, SchemaNode> = {
  exec: struct('ExecAction', { command: arr(str) }),
  httpGet: struct('HTTPGetAction', { path: str, port: intOrString, host: str, scheme: str, httpHeaders: arr(httpHeader) }),
  tcpSocket: struct('TCPSocketAction', { port: intOrString, host: str }),
  grpc: struct('GRPCAction', { port: int(), service: str }),
};

export const probe = struct('Probe', {
  ...handlers,
  initialDelaySeconds: int(),
  timeoutSeconds: int(),
  periodSeconds: int(),
  successThreshold: int(),
  failureThreshold: int(),
  terminationGracePeriodSeconds: int('int64'),
});

export const resourceRequirements = struct('ResourceRequirements', {
  limits: quantityMap,
  requests: quantityMap,
  claims: arr(anyObject('v1.ResourceClaim'), '[]v1.ResourceClaim'),
});

const envVar = struct('EnvVar', { name: str, value: str, valueFrom: anyObject('v1.EnvVarSource') });
const volumeMount = struct('VolumeMount', {
  name: str, readOnly: { type: 'boolean', 'x-gotype': 'bool' }, recursiveReadOnly: str, mountPath: str, subPath: str, mountPropagation: str, subPathExpr: str,
});
const lifecycleHandler = struct('LifecycleHandler', { ...handlers, sleep: anyObject('v1.SleepAction') });

export const container = struct('Container', {
  name: str,
  image: str,
  command: arr(str),
  args: arr(str),
  workingDir: str,
  ports: arr(containerPort),
  envFrom: arr(anyObject('v1.EnvFromSource'), '[]v1.EnvFromSource'),
  env: arr(envVar),
  resources: resourceRequirements,
  resizePolicy: arr(anyObject('v1.ContainerResizePolicy'), '[]v1.ContainerResizePolicy'),
  restartPolicy: str,
  restartPolicyRules: arr(anyObject('v1.ContainerRestartRule'), '[]v1.ContainerRestartRule'),
  volumeMounts: arr(volumeMount),
  volumeDevices: arr(anyObject('v1.VolumeDevice'), '[]v1.VolumeDevice'),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: struct('Lifecycle', { postStart: lifecycleHandler, preStop: lifecycleHandler, stopSignal: str }),
  terminationMessagePath: str,
  terminationMessagePolicy: str,
  imagePullPolicy: str,
  securityContext: anyObject('v1.SecurityContext'),
  stdin: bool,
  stdinOnce: bool,
  tty: bool,
});

export const toleration = struct('Toleration', { key: str, operator: str, value: str, effect: str, tolerationSeconds: int('int64') });

const nodeSelectorRequirement = struct('NodeSelectorRequirement', { key: str, operator: str, values: arr(str) });
const nodeSelectorTerm = struct('NodeSelectorTerm', { matchExpressions: arr(nodeSelectorRequirement), matchFields: arr(nodeSelectorRequirement) });
export const affinity = struct('Affinity', {
  nodeAffinity: struct('NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: struct('NodeSelector', { nodeSelectorTerms: arr(nodeSelectorTerm) }),
    preferredDuringSchedulingIgnoredDuringExecution: arr(struct('PreferredSchedulingTerm', { weight: int(), preference: nodeSelectorTerm })),
  }),
  podAffinity: anyObject('v1.PodAffinity'),
  podAntiAffinity: anyObject('v1.PodAntiAffinity'),
});

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos', 'csi',
  'ephemeral', 'image',
];
export const volume = struct('Volume', { name: str, ...Object.fromEntries(VOLUME_SOURCES.map((k) => [k, anyObject()])) });

export const podSpec = struct('PodSpec', {
  volumes: arr(volume),
  initContainers: arr(container),
  containers: arr(container),
  ephemeralContainers: arr(anyObject('v1.EphemeralContainer'), '[]v1.EphemeralContainer'),
  restartPolicy: str,
  terminationGracePeriodSeconds: int('int64'),
  activeDeadlineSeconds: int('int64'),
  dnsPolicy: str,
  nodeSelector: strMap,
  serviceAccountName: str,
  serviceAccount: str,
  automountServiceAccountToken: bool,
  nodeName: str,
  hostNetwork: bool,
  hostPID: bool,
  hostIPC: bool,
  shareProcessNamespace: bool,
  securityContext: anyObject('v1.PodSecurityContext'),
  imagePullSecrets: arr(anyObject('v1.LocalObjectReference'), '[]v1.LocalObjectReference'),
  hostname: str,
  hostnameOverride: str,
  subdomain: str,
  affinity,
  schedulerName: str,
  tolerations: arr(toleration),
  hostAliases: arr(anyObject('v1.HostAlias'), '[]v1.HostAlias'),
  priorityClassName: str,
  priority: int(),
  dnsConfig: anyObject('v1.PodDNSConfig'),
  readinessGates: arr(anyObject('v1.PodReadinessGate'), '[]v1.PodReadinessGate'),
  runtimeClassName: str,
  enableServiceLinks: bool,
  preemptionPolicy: str,
  overhead: quantityMap,
  topologySpreadConstraints: arr(anyObject('v1.TopologySpreadConstraint'), '[]v1.TopologySpreadConstraint'),
  setHostnameAsFQDN: bool,
  os: struct('PodOS', { name: str }),
  hostUsers: bool,
  schedulingGates: arr(anyObject('v1.PodSchedulingGate'), '[]v1.PodSchedulingGate'),
  resourceClaims: arr(anyObject('v1.PodResourceClaim'), '[]v1.PodResourceClaim'),
  resources: resourceRequirements,
});

export const podTemplateSpec = struct('PodTemplateSpec', { metadata: objectMeta, spec: podSpec });
export { labelSelector, objectMeta };
