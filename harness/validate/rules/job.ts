import { clone } from '../../core/kube.ts';
import type { KubeObject } from '../../core/kube.ts';
import { CONTROLLER_UID_LABEL, generateJobSelector, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from '../../engine/api/defaults-job.ts';
import type { FieldError } from '../types.ts';
import { validatePodSpec } from './pod-spec-checks.ts';
import {
  asMap, isInt, labelErrors, nonNegative, notSupported, selectorMatches, validateAnnotations, validateLabels, validateLabelSelector,
} from './util.ts';
import type { Rule } from './util.ts';

/** Stands in for the uid the API server assigns before it generates the selector (a learner's file has none). */
export const PLACEHOLDER_UID = '00000000-0000-4000-8000-000000000000';
const MAX_PARALLELISM_INDEXED = 100000;
const MAX_FAILED_INDEXES = 100000;
const COMPLETIONS_SOFT_LIMIT = 100000;
const HIGH_COMPLETIONS_LIMIT = 10000;

/** Copies a map with sorted keys: Go prints maps in a field error as JSON with sorted keys. */
function sortedMap(m: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/** Copies a label selector for printing (matchLabels sorted, struct fields in Go's order). */
function printableSelector(sel: unknown): unknown {
  const m = asMap(sel);
  if (!m) return sel;
  const out: Record<string, unknown> = {};
  if (asMap(m.matchLabels)) out.matchLabels = sortedMap(asMap(m.matchLabels)!);
  if (m.matchExpressions !== undefined) out.matchExpressions = m.matchExpressions;
  return out;
}

/** validateGeneratedSelector: the generated labels must be on the template and the selector must be the generated one. */
function generatedSelectorErrors(job: KubeObject, uid: string): FieldError[] {
  const spec = asMap(job.spec) ?? {};
  if (spec.manualSelector === true || !asMap(spec.selector)) return [];
  const labels = asMap(asMap(asMap(spec.template)?.metadata)?.labels) ?? {};
  const name = job.metadata.name ?? '';
  const expected: [string, string][] = [[LEGACY_CONTROLLER_UID_LABEL, uid], [LEGACY_JOB_NAME_LABEL, name], [CONTROLLER_UID_LABEL, uid], [JOB_NAME_LABEL, name]];
  const out: FieldError[] = [];
  for (const [key, value] of expected) {
    const field = `spec.template.metadata.labels[${key}]`;
    if (!(key in labels)) out.push({ type: 'Required', field, detail: `must be '${value}'` });
    else if (labels[key] !== value) out.push({ type: 'Invalid', field, value: sortedMap(labels), detail: `must be '${value}'` });
  }
  if (!selectorMatches(asMap(spec.selector)!, Object.fromEntries(expected))) {
    out.push({ type: 'Invalid', field: 'spec.selector', value: printableSelector(spec.selector), detail: '`selector` not auto-generated' });
  }
  return out;
}

/** The completion-mode and per-index checks of validateJobSpec. */
function completionErrors(spec: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const mode = spec.completionMode;
  const indexed = mode === 'Indexed';
  if (spec.maxFailedIndexes !== undefined && spec.maxFailedIndexes !== null && (spec.backoffLimitPerIndex === undefined || spec.backoffLimitPerIndex === null)) {
    out.push({ type: 'Required', field: 'spec.backoffLimitPerIndex', detail: 'when maxFailedIndexes is specified' });
  }
  if (mode !== undefined && mode !== null) out.push(...notSupported(mode, 'spec.completionMode', ['NonIndexed', 'Indexed']));
  if (indexed) {
    const completions = isInt(spec.completions) ? spec.completions : undefined;
    const maxFailed = isInt(spec.maxFailedIndexes) ? spec.maxFailedIndexes : undefined;
    if (spec.completions === undefined || spec.completions === null) out.push({ type: 'Required', field: 'spec.completions', detail: 'when completion mode is Indexed' });
    if (isInt(spec.parallelism) && spec.parallelism > MAX_PARALLELISM_INDEXED) {
      out.push({ type: 'Invalid', field: 'spec.parallelism', value: spec.parallelism, detail: `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed` });
    }
    if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) {
      out.push({ type: 'Invalid', field: 'spec.maxFailedIndexes', value: maxFailed, detail: 'must be less than or equal to completions' });
    }
    if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES) {
      out.push({ type: 'Invalid', field: 'spec.maxFailedIndexes', value: maxFailed, detail: `must be less than or equal to ${MAX_FAILED_INDEXES}` });
    }
    if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && isInt(spec.backoffLimitPerIndex)) {
      const suffix = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      if (maxFailed === undefined) out.push({ type: 'Required', field: 'spec.maxFailedIndexes', detail: `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}` });
      if (isInt(spec.parallelism) && spec.parallelism > HIGH_COMPLETIONS_LIMIT) {
        out.push({ type: 'Invalid', field: 'spec.parallelism', value: spec.parallelism, detail: `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${suffix}` });
      }
      if (maxFailed !== undefined && maxFailed > HIGH_COMPLETIONS_LIMIT) {
        out.push({ type: 'Invalid', field: 'spec.maxFailedIndexes', value: maxFailed, detail: `must be less than or equal to ${HIGH_COMPLETIONS_LIMIT} ${suffix}` });
      }
    }
  }
  if (mode === undefined || mode === null || mode === 'NonIndexed') {
    for (const key of ['backoffLimitPerIndex', 'maxFailedIndexes']) {
      if (spec[key] !== undefined && spec[key] !== null) out.push({ type: 'Invalid', field: `spec.${key}`, value: spec[key], detail: 'requires indexed completion mode' });
    }
  }
  return out;
}

/** The template (ValidatePodTemplateSpec) and the Job-only restartPolicy rule. */
function templateErrors(spec: Record<string, unknown>, warnings: string[]): FieldError[] {
  const out: FieldError[] = [];
  const template = asMap(spec.template) ?? {};
  const meta = asMap(template.metadata) ?? {};
  out.push(...validateLabels(meta.labels, 'spec.template.metadata.labels'));
  out.push(...validateAnnotations(meta.annotations, 'spec.template.metadata.annotations'));
  const podSpec = asMap(template.spec) ?? {};
  out.push(...validatePodSpec(podSpec, 'spec.template.spec', { podOnly: false, skipRestartPolicy: true }, warnings));
  const restart = podSpec.restartPolicy;
  const field = 'spec.template.spec.restartPolicy';
  if (restart === 'Always' || restart === undefined || restart === null || restart === '') {
    out.push({ type: 'Required', field, detail: 'valid values: "OnFailure", "Never"' });
  } else if (restart !== 'OnFailure' && restart !== 'Never') {
    out.push(...notSupported(restart, field, ['OnFailure', 'Never']));
  } else if (spec.podFailurePolicy !== undefined && spec.podFailurePolicy !== null && restart !== 'Never') {
    out.push({ type: 'Invalid', field, value: restart, detail: 'only "Never" is supported when podFailurePolicy is specified' });
  }
  return out;
}

/** validateJobSpec + ValidateJobSpec: counts, modes, policies, template, selector. */
function specErrors(spec: Record<string, unknown>, warnings: string[]): FieldError[] {
  const out: FieldError[] = [];
  for (const key of ['parallelism', 'completions', 'activeDeadlineSeconds', 'backoffLimit', 'ttlSecondsAfterFinished', 'backoffLimitPerIndex', 'maxFailedIndexes']) {
    out.push(...nonNegative(spec[key], `spec.${key}`));
  }
  out.push(...completionErrors(spec));
  const replacement = spec.podReplacementPolicy;
  if (replacement !== undefined && replacement !== null) {
    const hasFailurePolicy = spec.podFailurePolicy !== undefined && spec.podFailurePolicy !== null;
    out.push(...notSupported(replacement, 'spec.podReplacementPolicy', hasFailurePolicy ? ['Failed'] : ['Failed', 'TerminatingOrFailed']));
  }
  const success = spec.successPolicy;
  if (success !== undefined && success !== null) {
    if (spec.completionMode !== 'Indexed') out.push({ type: 'Invalid', field: 'spec.successPolicy', value: success, detail: 'requires indexed completion mode' });
    else if (!Array.isArray(asMap(success)?.rules) || (asMap(success)!.rules as unknown[]).length === 0) {
      out.push({ type: 'Required', field: 'spec.successPolicy.rules', detail: 'at least one rules must be specified when the successPolicy is specified' });
    }
  }
  out.push(...templateErrors(spec, warnings));
  const selector = asMap(spec.selector);
  if (spec.selector === undefined || spec.selector === null) out.push({ type: 'Required', field: 'spec.selector' });
  else {
    const selErrors = validateLabelSelector(selector, 'spec.selector');
    out.push(...selErrors);
    const labels = asMap(asMap(asMap(spec.template)?.metadata)?.labels) ?? {};
    const empty = !!selector && Object.keys(asMap(selector.matchLabels) ?? {}).length === 0 && (!Array.isArray(selector.matchExpressions) || selector.matchExpressions.length === 0);
    // An empty selector matches everything (labels.Everything()).
    if (selErrors.length === 0 && selector && !empty && !selectorMatches(selector, labels)) {
      out.push({ type: 'Invalid', field: 'spec.template.metadata.labels', value: sortedMap(labels), detail: '`selector` does not match template `labels`' });
    }
  }
  return out;
}

/** ValidateJobSpecUpdate: the fields a Job keeps for life. */
function immutableErrors(spec: Record<string, unknown>, old: Record<string, unknown>, oldStatus: Record<string, unknown>): FieldError[] {
  const out: FieldError[] = [];
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  const immutable = (key: string): void => {
    if (!same(spec[key], old[key])) out.push({ type: 'Invalid', field: `spec.${key}`, value: spec[key] ?? null, detail: 'field is immutable' });
  };
  // Elastic Indexed Jobs may scale completions together with parallelism.
  const elastic = spec.completionMode === 'Indexed' && isInt(spec.completions) && spec.completions === spec.parallelism && isInt(old.completions) && old.completions === old.parallelism;
  if (!elastic) immutable('completions');
  immutable('selector');
  // A suspended Job that never started may still change its Pod template (scheduling directives).
  if (!(old.suspend === true && oldStatus.startTime === undefined)) immutable('template');
  for (const key of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'successPolicy']) immutable(key);
  return out;
}

/** batch/v1 Job: generated selector, counts, completion modes, restartPolicy, template (ValidateJob, v1.34). */
export const jobRule: Rule = {
  id: 'job',
  kinds: ['Job'],
  check(obj, ctx) {
    // The API server generates the selector before validating (PrepareForCreate); a file has no uid yet.
    const uid = typeof obj.metadata.uid === 'string' && obj.metadata.uid !== '' ? obj.metadata.uid : PLACEHOLDER_UID;
    const job = clone(obj);
    if (asMap(job.spec) === undefined) job.spec = {};
    generateJobSelector(job, uid);
    const spec = asMap(job.spec)!;
    const out: FieldError[] = [...generatedSelectorErrors(job, uid), ...specErrors(spec, ctx.warnings)];
    const name = job.metadata.name;
    if (spec.completionMode === 'Indexed' && isInt(spec.completions) && spec.completions > 0 && typeof name === 'string') {
      const hostname = `${name}-${spec.completions - 1}`;
      if (labelErrors(hostname).length > 0) out.push({ type: 'Invalid', field: 'metadata.name', value: name, detail: `will not able to create pod with invalid DNS label: ${hostname}` });
    }
    if (typeof name === 'string' && name !== '' && !ctx.old) {
      const msgs = labelErrors(name);
      if (msgs.length > 0) ctx.warnings.push(`metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [${msgs.join(' ')}]`);
    }
    const old = asMap(ctx.old?.spec);
    if (old) out.push(...immutableErrors(spec, old, asMap(ctx.old?.status) ?? {}));
    return out;
  },
};
