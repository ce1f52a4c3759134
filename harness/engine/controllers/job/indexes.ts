/** Completion indexes of Indexed Jobs as ordered intervals (pkg/controller/job/indexed_job_utils.go). */
import type { KubeObject } from '../../../core/kube.ts';
import { COMPLETION_INDEX_ANNOTATION } from './constants.ts';

/** An inclusive range of indexes. */
export interface Interval {
  first: number;
  last: number;
}

/** Parses `status.completedIndexes` / `failedIndexes` (`"0-2,4"`), dropping corrupt parts and indexes ≥ completions. */
export function parseIndexes(text: unknown, completions: number): Interval[] {
  if (typeof text !== 'string' || text === '') return [];
  const out: Interval[] = [];
  for (const part of text.split(',')) {
    const limits = part.split('-');
    const first = /^\d+$/.test(limits[0] ?? '') ? Number(limits[0]) : NaN;
    if (!Number.isSafeInteger(first)) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      last = /^\d+$/.test(limits[1] ?? '') ? Number(limits[1]) : NaN;
      if (!Number.isSafeInteger(last)) continue;
      last = Math.min(last, completions - 1);
    }
    const prev = out.at(-1);
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/** Merges two ordered interval lists into one (adjacent and overlapping intervals join). */
export function mergeIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const all = [...a, ...b].sort((x, y) => x.first - y.first || x.last - y.last);
  const out: Interval[] = [];
  for (const iv of all) {
    const prev = out.at(-1);
    if (!prev || iv.first > prev.last + 1) out.push({ ...iv });
    else if (prev.last < iv.last) prev.last = iv.last;
  }
  return out;
}

/** Returns the intervals with the given indexes added. */
export function withIndexes(intervals: readonly Interval[], indexes: Iterable<number>): Interval[] {
  return mergeIntervals(intervals, [...indexes].map((i) => ({ first: i, last: i })));
}

/** Counts the indexes the intervals hold. */
export function totalIndexes(intervals: readonly Interval[]): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

/** Tells whether an index is in the intervals. */
export function hasIndex(intervals: readonly Interval[], index: number): boolean {
  return intervals.some((iv) => iv.first <= index && index <= iv.last);
}

/** Formats intervals as the API does: ranges of three or more with `-`, two neighbours with `,` (`"0-2,4,5"`). */
export function formatIndexes(intervals: readonly Interval[]): string {
  return intervals.map((iv) => (iv.last === iv.first ? `${iv.first}` : `${iv.first}${iv.last === iv.first + 1 ? ',' : '-'}${iv.last}`)).join(',');
}

/** Reads a Pod's completion index from its annotation (-1 when missing, non-numeric or negative). */
export function completionIndex(pod: KubeObject): number {
  const v = pod.metadata.annotations?.[COMPLETION_INDEX_ANNOTATION];
  if (typeof v !== 'string' || !/^\+?\d+$/.test(v)) return -1;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : -1;
}

/** Returns the first `count` indexes below `completions` that are neither done, failed nor taken. */
export function firstPendingIndexes(nonPending: readonly Interval[], count: number, completions: number): number[] {
  const out: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}
