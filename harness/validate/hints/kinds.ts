/** The apiVersion of each kind kubegrade simulates. */
export const SIMULATED_KINDS: Readonly<Record<string, string>> = {
  Pod: 'v1',
  Service: 'v1',
  Namespace: 'v1',
  ConfigMap: 'v1',
  Endpoints: 'v1',
  Deployment: 'apps/v1',
  ReplicaSet: 'apps/v1',
  Job: 'batch/v1',
  EndpointSlice: 'discovery.k8s.io/v1',
};

/** Kinds that exist in Kubernetes but that kubegrade does not simulate, with their apiVersion. */
export const UNSUPPORTED_KINDS: Readonly<Record<string, string>> = {
  Secret: 'v1',
  PersistentVolumeClaim: 'v1',
  PersistentVolume: 'v1',
  ServiceAccount: 'v1',
  ReplicationController: 'v1',
  ResourceQuota: 'v1',
  LimitRange: 'v1',
  Node: 'v1',
  Event: 'v1',
  PodTemplate: 'v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  ControllerRevision: 'apps/v1',
  CronJob: 'batch/v1',
  Ingress: 'networking.k8s.io/v1',
  IngressClass: 'networking.k8s.io/v1',
  NetworkPolicy: 'networking.k8s.io/v1',
  HorizontalPodAutoscaler: 'autoscaling/v2',
  PodDisruptionBudget: 'policy/v1',
  Role: 'rbac.authorization.k8s.io/v1',
  RoleBinding: 'rbac.authorization.k8s.io/v1',
  ClusterRole: 'rbac.authorization.k8s.io/v1',
  ClusterRoleBinding: 'rbac.authorization.k8s.io/v1',
  StorageClass: 'storage.k8s.io/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
  CustomResourceDefinition: 'apiextensions.k8s.io/v1',
  List: 'v1',
};

export type KindVerdict =
  | { status: 'ok'; apiVersion: string }
  | { status: 'missing-kind' }
  | { status: 'unknown-kind'; suggestion?: string }
  | { status: 'unsupported-kind'; apiVersion: string }
  | { status: 'wrong-api-version'; expected: string; missing: boolean };

/** Classifies a document's kind and apiVersion against what kubegrade simulates. */
export function classifyKind(kind: unknown, apiVersion: unknown, suggest: (k: string, all: string[]) => string | undefined): KindVerdict {
  if (typeof kind !== 'string' || kind === '') return { status: 'missing-kind' };
  const expected = SIMULATED_KINDS[kind];
  if (expected === undefined) {
    const unsupported = UNSUPPORTED_KINDS[kind];
    if (unsupported !== undefined) return { status: 'unsupported-kind', apiVersion: unsupported };
    const suggestion = suggest(kind, [...Object.keys(SIMULATED_KINDS), ...Object.keys(UNSUPPORTED_KINDS)]);
    return suggestion === undefined ? { status: 'unknown-kind' } : { status: 'unknown-kind', suggestion };
  }
  if (apiVersion !== expected) return { status: 'wrong-api-version', expected, missing: typeof apiVersion !== 'string' || apiVersion === '' };
  return { status: 'ok', apiVersion: expected };
}
