/** `kubectl describe job` (kubectl pkg/describe describeJob, v1.34). */
import { createPrefixWriter } from './prefix-writer.ts';
import { describeEvents } from './describe-events.ts';
import { writePodTemplate } from './describe-deployment.ts';
import { writeAnnotations, writeLabels } from './describe-pod.ts';
import { formatLabelSelector } from './get-deployments.ts';
import { formatRfc1123z, humanDuration, parseTimestamp } from './duration.ts';
import { obj, objs, str, int, bool } from './fields.ts';
import type { Json } from './fields.ts';
import type { PrinterOutput } from './types.ts';

export interface DescribeJobOptions {
  /** The current virtual instant, RFC 3339. */
  now: string;
}

const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** Caps a completed-indexes list near 50 characters at an interval boundary (capIndexesListOrNone). */
export function capIndexes(indexes: string, softLimit = 50): string {
  if (indexes === '') return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

function eventsAboutJob(job: Json, events: readonly unknown[]): Json[] {
  const meta = obj(job.metadata);
  const namespace = str(meta.namespace) || 'default';
  const uid = str(meta.uid);
  return events.map(obj).filter((e) => {
    const involved = obj(e.involvedObject);
    return str(involved.name) === str(meta.name) && (str(involved.namespace) || 'default') === namespace && (str(involved.kind) === '' || str(involved.kind) === 'Job') && (uid === '' || str(involved.uid) === '' || str(involved.uid) === uid);
  });
}

/** Prints a Job and its events as `kubectl describe job` v1.34 does. */
export function describeJob(job: unknown, events: readonly unknown[], options: DescribeJobOptions): PrinterOutput {
  const j = obj(job);
  const meta = obj(j.metadata);
  const spec = obj(j.spec);
  const status = obj(j.status);
  const w = createPrefixWriter();
  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace) || 'default'}\n`);
  const selector = formatLabelSelector(spec.selector);
  w.write(0, `Selector:\t${selector === '<none>' ? '' : selector}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  const owner = objs(meta.ownerReferences).find((o) => bool(o.controller));
  if (owner) w.write(0, `Controlled By:\t${str(owner.kind)}/${str(owner.name)}\n`);
  if (isSet(spec.parallelism)) w.write(0, `Parallelism:\t${int(spec.parallelism)}\n`);
  w.write(0, `Completions:\t${isSet(spec.completions) ? String(int(spec.completions)) : '<unset>'}\n`);
  if (isSet(spec.completionMode)) w.write(0, `Completion Mode:\t${str(spec.completionMode)}\n`);
  if (isSet(spec.suspend)) w.write(0, `Suspend:\t${String(bool(spec.suspend))}\n`);
  if (isSet(spec.backoffLimit)) w.write(0, `Backoff Limit:\t${int(spec.backoffLimit)}\n`);
  if (isSet(spec.ttlSecondsAfterFinished)) w.write(0, `TTL Seconds After Finished:\t${int(spec.ttlSecondsAfterFinished)}\n`);
  if (isSet(status.startTime)) w.write(0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  if (isSet(status.completionTime)) w.write(0, `Completed At:\t${formatRfc1123z(status.completionTime)}\n`);
  const start = parseTimestamp(status.startTime);
  const end = parseTimestamp(status.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (isSet(spec.activeDeadlineSeconds)) w.write(0, `Active Deadline Seconds:\t${int(spec.activeDeadlineSeconds)}s\n`);
  const counts = `${int(status.active)} Active${isSet(status.ready) ? ` (${int(status.ready)} Ready)` : ''} / ${int(status.succeeded)} Succeeded / ${int(status.failed)} Failed`;
  w.write(0, `Pods Statuses:\t${counts}\n`);
  if (str(spec.completionMode) === 'Indexed') w.write(0, `Completed Indexes:\t${capIndexes(str(status.completedIndexes))}\n`);
  writePodTemplate(w, spec.template);
  describeEvents(eventsAboutJob(j, events), w, options.now);
  return { stdout: w.done(), stderr: '' };
}
