import type { KubeObject } from '../../core/kube.ts';
import { asMap } from '../util.ts';
import { defaultPodSpec } from './defaults.ts';

/** The label that makes a Job's Pods match only that Job (the selector's only key). */
export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
/** The user-friendly label with the Job's name. */
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
/** The unprefixed labels Kubernetes still adds for backward compatibility. */
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
/** backoffLimit when backoffLimitPerIndex is set (math.MaxInt32): only the per-index limit counts. */
export const MAX_INT32 = 2147483647;

/** Applies SetDefaults_Job (pkg/apis/batch/v1/defaults.go, v1.34) and the template's PodSpec defaults in place. */
export function defaultJob(obj: KubeObject): void {
  const s = asMap(obj.spec);
  if (!s) return;
  const unset = (key: string): boolean => s[key] === undefined || s[key] === null;
  // Both unset: a non-parallel Job. Parallelism alone set: completions stay unset (a work-queue Job).
  if (unset('completions') && unset('parallelism')) {
    s.completions = 1;
    s.parallelism = 1;
  }
  if (unset('parallelism')) s.parallelism = 1;
  if (unset('backoffLimit')) s.backoffLimit = unset('backoffLimitPerIndex') ? 6 : MAX_INT32;
  if (unset('completionMode') || s.completionMode === '') s.completionMode = 'NonIndexed';
  if (unset('suspend')) s.suspend = false;
  if (unset('manualSelector')) s.manualSelector = false;
  if (unset('podReplacementPolicy')) s.podReplacementPolicy = unset('podFailurePolicy') ? 'TerminatingOrFailed' : 'Failed';
  const template = asMap(s.template);
  const templateLabels = asMap(asMap(template?.metadata)?.labels);
  if (templateLabels && Object.keys(asMap(obj.metadata?.labels) ?? {}).length === 0 && Object.keys(templateLabels).length > 0) {
    obj.metadata = { ...(obj.metadata ?? {}), labels: { ...(templateLabels as Record<string, string>) } };
  }
  defaultPodSpec(asMap(template)?.spec, false);
}

/**
 * Adds the generated selector and template labels of a Job (registry strategy generateSelector) unless
 * `manualSelector` is true; returns whether anything changed. Existing keys are kept (validation rejects conflicts).
 */
export function generateJobSelector(obj: KubeObject, uid: string): boolean {
  const s = asMap(obj.spec);
  if (!s || s.manualSelector === true) return false;
  let changed = false;
  const template = asMap(s.template) ?? {};
  const meta = asMap(template.metadata) ?? {};
  const labels = asMap(meta.labels) ?? {};
  const name = obj.metadata?.name ?? '';
  for (const [key, value] of [
    [LEGACY_JOB_NAME_LABEL, name],
    [JOB_NAME_LABEL, name],
    [LEGACY_CONTROLLER_UID_LABEL, uid],
    [CONTROLLER_UID_LABEL, uid],
  ] as const) {
    if (!(key in labels)) {
      labels[key] = value;
      changed = true;
    }
  }
  meta.labels = labels;
  template.metadata = meta;
  s.template = template;
  // A selector of a hostile shape (a string, a list) is left for validation to reject.
  if (s.selector !== undefined && s.selector !== null && !asMap(s.selector)) return changed;
  const selector = asMap(s.selector) ?? {};
  const matchLabels = asMap(selector.matchLabels) ?? {};
  if (!(CONTROLLER_UID_LABEL in matchLabels)) {
    matchLabels[CONTROLLER_UID_LABEL] = uid;
    changed = true;
  }
  selector.matchLabels = matchLabels;
  s.selector = selector;
  // Reading the Job back from storage defaults it again: a Job without labels takes the (now generated) template labels.
  if (Object.keys(asMap(obj.metadata?.labels) ?? {}).length === 0) {
    obj.metadata = { ...(obj.metadata ?? {}), labels: { ...(labels as Record<string, string>) } };
    changed = true;
  }
  return changed;
}
