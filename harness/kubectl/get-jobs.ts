/** `kubectl get jobs` (printJob column set, v1.34: STATUS column, DURATION from startTime to completionTime or now). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { humanDuration, parseTimestamp, translateTimestampSince } from './duration.ts';
import { formatLabelSelector, templateContainers } from './get-deployments.ts';
import { obj, objs, str, int } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const JOB_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Status', priority: 0 },
  { name: 'Completions', priority: 0 },
  { name: 'Duration', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

// The first condition that is True decides, in this order; a Job being deleted shows Terminating before the rest.
const STATUS_ORDER: readonly (string | 'deleting')[] = ['Complete', 'Failed', 'deleting', 'Suspended', 'FailureTarget', 'SuccessCriteriaMet'];

/** Returns the STATUS cell of a Job (Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet or Running). */
export function jobStatus(job: unknown): string {
  const j = obj(job);
  const conditions = objs(obj(j.status).conditions);
  const isTrue = (type: string): boolean => conditions.some((c) => str(c.type) === type && str(c.status) === 'True');
  for (const entry of STATUS_ORDER) {
    if (entry === 'deleting') {
      if (obj(j.metadata).deletionTimestamp !== undefined && obj(j.metadata).deletionTimestamp !== null) return 'Terminating';
    } else if (isTrue(entry)) return entry;
  }
  return 'Running';
}

/** Returns the COMPLETIONS cell: `succeeded/completions`, or `succeeded/1` (`of parallelism` when above 1) for work-queue Jobs. */
export function jobCompletions(job: unknown): string {
  const spec = obj(obj(job).spec);
  const succeeded = int(obj(obj(job).status).succeeded);
  if (spec.completions !== undefined && spec.completions !== null) return `${succeeded}/${int(spec.completions)}`;
  const parallelism = int(spec.parallelism);
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Returns the DURATION cell: empty before the start, completion − start when complete, else the time since the start. */
export function jobDuration(job: unknown, now: string): string {
  const status = obj(obj(job).status);
  if (status.startTime === undefined || status.startTime === null) return '';
  if (status.completionTime === undefined || status.completionTime === null) return translateTimestampSince(status.startTime, now);
  const start = parseTimestamp(status.startTime);
  const end = parseTimestamp(status.completionTime);
  return start === undefined || end === undefined ? '<unknown>' : humanDuration(end - start);
}

function jobCells(job: unknown, options: GetOptions): string[] {
  const j = obj(job);
  const spec = obj(j.spec);
  const [names, images] = templateContainers(spec.template);
  return [
    str(obj(j.metadata).name),
    jobStatus(job),
    jobCompletions(job),
    jobDuration(job, options.now),
    translateTimestampSince(obj(j.metadata).creationTimestamp, options.now),
    names,
    images,
    formatLabelSelector(spec.selector),
  ];
}

/** The column set and cell rules of this resource's table. */
export const JOB_TABLE: TableSpec<unknown> = { columns: JOB_COLUMNS, cells: jobCells, namespaced: true };

/** Prints Jobs as `kubectl get jobs [-o wide]` does. */
export function getJobs(jobs: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(jobs, options, JOB_TABLE);
}
