import { anyObject, arr, int, str, strMap, struct } from './builders.ts';

export const objectMeta = struct('ObjectMeta', {
  name: str,
  generateName: str,
  namespace: str,
  selfLink: str,
  uid: str,
  resourceVersion: str,
  generation: int('int64'),
  creationTimestamp: { type: ['string', 'null'] },
  deletionTimestamp: { type: ['string', 'null'] },
  deletionGracePeriodSeconds: int('int64'),
  labels: strMap,
  annotations: strMap,
  ownerReferences: arr(anyObject('v1.OwnerReference'), '[]v1.OwnerReference'),
  finalizers: arr(str),
  managedFields: arr(anyObject('v1.ManagedFieldsEntry'), '[]v1.ManagedFieldsEntry'),
});

export const labelSelector = struct('LabelSelector', {
  matchLabels: strMap,
  matchExpressions: arr(struct('LabelSelectorRequirement', { key: str, operator: str, values: arr(str) })),
});
