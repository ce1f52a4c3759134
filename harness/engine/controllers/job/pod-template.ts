import { clone } from '../../../core/kube.ts';
import type { KubeObject } from '../../../core/kube.ts';
import { asList, asMap } from '../../util.ts';
import { makeControllerRef } from '../owner-refs.ts';
import { COMPLETION_INDEX_ANNOTATION, COMPLETION_INDEX_ENV, INDEX_FAILURE_COUNT_ANNOTATION, MAX_GENERATED_NAME_LENGTH, TRACKING_FINALIZER } from './constants.ts';

/** What differs between the Pods of one Job: the index (Indexed) and the failures of that index so far. */
export interface PodSlot {
  index?: number;
  /** Set when the Job has backoffLimitPerIndex: the value of the index-failure-count annotation. */
  failureCount?: number;
}

/** Builds podGenerateNameWithIndex: `<job>-<index>-`, cutting the Job name so the prefix fits 58 characters. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/** Adds JOB_COMPLETION_INDEX from the index label (downward API) to a container that does not declare it. */
function addIndexEnv(container: unknown): void {
  const c = asMap(container);
  if (!c) return;
  const env = Array.isArray(c.env) ? c.env : [];
  if (env.some((e) => asMap(e)?.name === COMPLETION_INDEX_ENV)) return;
  env.push({ name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.labels['${COMPLETION_INDEX_ANNOTATION}']` } } });
  c.env = env;
}

/** Builds the Pod the Job controller creates from the template for one slot (labels, finalizer, index, hostname, env). */
export function podForJob(job: KubeObject, slot: PodSlot): KubeObject {
  const template = asMap(asMap(job.spec)?.template) ?? {};
  const meta = asMap(template.metadata) ?? {};
  const spec = clone(asMap(template.spec) ?? {});
  const name = job.metadata.name ?? '';
  const labels: Record<string, string> = asMap(meta.labels) ? clone(meta.labels as Record<string, string>) : {};
  const annotations: Record<string, string> = asMap(meta.annotations) ? clone(meta.annotations as Record<string, string>) : {};
  const finalizers = asList(meta.finalizers).filter((f): f is string => typeof f === 'string');
  if (!finalizers.includes(TRACKING_FINALIZER)) finalizers.push(TRACKING_FINALIZER);
  let generateName = `${name}-`;
  if (slot.index !== undefined) {
    for (const c of [...asList(spec.initContainers), ...asList(spec.containers)]) addIndexEnv(c);
    annotations[COMPLETION_INDEX_ANNOTATION] = String(slot.index);
    labels[COMPLETION_INDEX_ANNOTATION] = String(slot.index);
    spec.hostname = `${name}-${slot.index}`;
    generateName = generateNameWithIndex(name, slot.index);
    if (slot.failureCount !== undefined) annotations[INDEX_FAILURE_COUNT_ANNOTATION] = String(slot.failureCount);
  }
  const pod: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName, namespace: job.metadata.namespace ?? 'default', ownerReferences: [makeControllerRef(job)], finalizers },
    spec,
  };
  if (Object.keys(labels).length > 0) pod.metadata.labels = labels;
  if (Object.keys(annotations).length > 0) pod.metadata.annotations = annotations;
  return pod;
}
