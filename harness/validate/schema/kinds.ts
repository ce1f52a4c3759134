import { anyObject, arr, bool, int, intOrString, str, strMap, struct } from './builders.ts';
import type { SchemaNode } from './builders.ts';
import { labelSelector, objectMeta, podSpec, podTemplateSpec } from './pod-spec.ts';

const top = (goName: string, extra: Record<string, SchemaNode>): SchemaNode =>
  struct(goName, { apiVersion: str, kind: str, metadata: objectMeta, ...extra });

export const podSchema = top('Pod', { spec: podSpec, status: anyObject('v1.PodStatus') });

const servicePort = struct('ServicePort', { name: str, protocol: str, appProtocol: str, port: int(), targetPort: intOrString, nodePort: int() });
export const serviceSchema = top('Service', {
  spec: struct('ServiceSpec', {
    ports: arr(servicePort),
    selector: strMap,
    clusterIP: str,
    clusterIPs: arr(str),
    type: str,
    externalIPs: arr(str),
    sessionAffinity: str,
    loadBalancerIP: str,
    loadBalancerSourceRanges: arr(str),
    externalName: str,
    externalTrafficPolicy: str,
    healthCheckNodePort: int(),
    publishNotReadyAddresses: bool,
    sessionAffinityConfig: struct('SessionAffinityConfig', { clientIP: struct('ClientIPConfig', { timeoutSeconds: int() }) }),
    ipFamilies: arr(str),
    ipFamilyPolicy: str,
    allocateLoadBalancerNodePorts: bool,
    loadBalancerClass: str,
    internalTrafficPolicy: str,
    trafficDistribution: str,
  }),
  status: anyObject('v1.ServiceStatus'),
});

const rollingUpdate = struct('RollingUpdateDeployment', { maxUnavailable: intOrString, maxSurge: intOrString });
export const deploymentSchema = top('Deployment', {
  spec: struct('DeploymentSpec', {
    replicas: int(),
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: struct('DeploymentStrategy', { type: str, rollingUpdate }),
    minReadySeconds: int(),
    revisionHistoryLimit: int(),
    paused: bool,
    progressDeadlineSeconds: int(),
  }),
  status: anyObject('v1.DeploymentStatus'),
});

export const replicaSetSchema = top('ReplicaSet', {
  spec: struct('ReplicaSetSpec', { replicas: int(), minReadySeconds: int(), selector: labelSelector, template: podTemplateSpec }),
  status: anyObject('v1.ReplicaSetStatus'),
});

export const jobSchema = top('Job', {
  spec: struct('JobSpec', {
    parallelism: int(),
    completions: int(),
    activeDeadlineSeconds: int('int64'),
    podFailurePolicy: anyObject('v1.PodFailurePolicy'),
    successPolicy: anyObject('v1.SuccessPolicy'),
    backoffLimit: int(),
    backoffLimitPerIndex: int(),
    maxFailedIndexes: int(),
    selector: labelSelector,
    manualSelector: bool,
    template: podTemplateSpec,
    ttlSecondsAfterFinished: int(),
    completionMode: str,
    suspend: bool,
    podReplacementPolicy: str,
    managedBy: str,
  }),
  status: anyObject('v1.JobStatus'),
});

export const namespaceSchema = top('Namespace', {
  spec: struct('NamespaceSpec', { finalizers: arr(str) }),
  status: anyObject('v1.NamespaceStatus'),
});

export const configMapSchema = top('ConfigMap', { data: strMap, binaryData: strMap, immutable: bool });

const endpointPort = struct('EndpointPort', { name: str, protocol: str, port: int(), appProtocol: str });
export const endpointSliceSchema = top('EndpointSlice', {
  addressType: str,
  endpoints: arr(
    struct('Endpoint', {
      addresses: arr(str),
      conditions: struct('EndpointConditions', { ready: bool, serving: bool, terminating: bool }),
      hostname: str,
      targetRef: anyObject('v1.ObjectReference'),
      deprecatedTopology: strMap,
      nodeName: str,
      zone: str,
      hints: anyObject('v1.EndpointHints'),
    }),
  ),
  ports: arr(endpointPort),
});

export const endpointsSchema = top('Endpoints', {
  subsets: arr(
    struct('EndpointSubset', {
      addresses: arr(anyObject('v1.EndpointAddress'), '[]v1.EndpointAddress'),
      notReadyAddresses: arr(anyObject('v1.EndpointAddress'), '[]v1.EndpointAddress'),
      ports: arr(struct('EndpointPort', { name: str, port: int(), protocol: str, appProtocol: str })),
    }),
  ),
});

/** The structural schema of each simulated kind. */
export const KIND_SCHEMAS: Readonly<Record<string, SchemaNode>> = {
  Pod: podSchema,
  Service: serviceSchema,
  Deployment: deploymentSchema,
  ReplicaSet: replicaSetSchema,
  Job: jobSchema,
  Namespace: namespaceSchema,
  ConfigMap: configMapSchema,
  EndpointSlice: endpointSliceSchema,
  Endpoints: endpointsSchema,
};
