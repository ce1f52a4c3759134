/** A Job's spec read defensively (learner data may be hostile even after validation of other kinds). */
import type { KubeObject } from '../../../core/kube.ts';
import { asInt, asMap } from '../../util.ts';

export interface JobSpecView {
  parallelism: number;
  /** Undefined for a work-queue Job (parallelism set, completions not). */
  completions?: number;
  backoffLimit: number;
  indexed: boolean;
  /** The completionMode is neither NonIndexed nor Indexed: the controller skips the Job. */
  unknownMode: boolean;
  suspended: boolean;
  activeDeadlineSeconds?: number;
  backoffLimitPerIndex?: number;
  maxFailedIndexes?: number;
  /** podReplacementPolicy Failed (or a podFailurePolicy): terminating Pods are not replaced until they fail. */
  onlyReplaceFailed: boolean;
  restartPolicy: string;
}

const nonNegative = (v: unknown): number | undefined => {
  const n = asInt(v);
  return n === undefined ? undefined : Math.max(0, n);
};

/** Reads the fields the controller acts on, with the API defaults for anything missing. */
export function readJobSpec(job: KubeObject): JobSpecView {
  const s = asMap(job.spec) ?? {};
  const mode = s.completionMode ?? 'NonIndexed';
  const perIndex = nonNegative(s.backoffLimitPerIndex);
  const completions = nonNegative(s.completions);
  const view: JobSpecView = {
    parallelism: nonNegative(s.parallelism) ?? 1,
    backoffLimit: nonNegative(s.backoffLimit) ?? (perIndex === undefined ? 6 : 2147483647),
    indexed: mode === 'Indexed' && completions !== undefined,
    unknownMode: mode !== 'Indexed' && mode !== 'NonIndexed',
    suspended: s.suspend === true,
    onlyReplaceFailed: s.podReplacementPolicy === 'Failed' || (s.podFailurePolicy !== undefined && s.podFailurePolicy !== null),
    restartPolicy: typeof asMap(asMap(s.template)?.spec)?.restartPolicy === 'string' ? String(asMap(asMap(s.template)?.spec)?.restartPolicy) : 'Never',
  };
  if (completions !== undefined) view.completions = completions;
  const deadline = asInt(s.activeDeadlineSeconds);
  if (deadline !== undefined) view.activeDeadlineSeconds = deadline;
  if (perIndex !== undefined && view.indexed) view.backoffLimitPerIndex = perIndex;
  const maxFailed = nonNegative(s.maxFailedIndexes);
  if (maxFailed !== undefined && view.indexed) view.maxFailedIndexes = maxFailed;
  return view;
}
