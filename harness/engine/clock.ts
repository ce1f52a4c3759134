/** Virtual time and the event queue: items run in (time, sequence) order, a total order. */
import { refillArray, type StatePart } from './snapshot.ts';

export const DEFAULT_START_TIME = '2026-01-01T00:00:00Z';

export interface QueueItem<T> {
  time: number;
  seq: number;
  value: T;
}

export interface Clock<T> {
  /** Virtual milliseconds since start. */
  readonly now: number;
  /** Formats a virtual time (default now) as RFC 3339 without milliseconds. */
  timestamp(at?: number): string;
  schedule(time: number, value: T): QueueItem<T>;
  peek(): QueueItem<T> | undefined;
  pop(): QueueItem<T> | undefined;
  /** Moves time forward (never backwards). */
  setNow(time: number): void;
  size(): number;
}

interface ClockState<T> {
  heap: QueueItem<T>[];
  now: number;
  seq: number;
}

/** Parses an RFC 3339 instant to epoch milliseconds, or returns undefined. */
export function parseInstant(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}

/** Formats epoch milliseconds as RFC 3339 in UTC without fractional seconds. */
export function formatInstant(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Creates a clock starting at `startTime` with an empty binary-heap queue. */
export function createClock<T>(startTime: string = DEFAULT_START_TIME): Clock<T> & StatePart {
  const epoch = parseInstant(startTime) ?? (parseInstant(DEFAULT_START_TIME) as number);
  const heap: QueueItem<T>[] = [];
  let now = 0;
  let seq = 0;
  const less = (a: QueueItem<T>, b: QueueItem<T>): boolean => a.time < b.time || (a.time === b.time && a.seq < b.seq);
  const swap = (i: number, j: number): void => {
    const t = heap[i] as QueueItem<T>;
    heap[i] = heap[j] as QueueItem<T>;
    heap[j] = t;
  };
  return {
    get now() {
      return now;
    },
    timestamp(at?: number) {
      return formatInstant(epoch + (at ?? now));
    },
    schedule(time, value) {
      const item = { time: Math.max(time, now), seq: seq++, value };
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!less(heap[i] as QueueItem<T>, heap[p] as QueueItem<T>)) break;
        swap(i, p);
        i = p;
      }
      return item;
    },
    peek() {
      return heap[0];
    },
    pop() {
      const top = heap[0];
      if (top === undefined) return undefined;
      const last = heap.pop() as QueueItem<T>;
      if (heap.length > 0) {
        heap[0] = last;
        let i = 0;
        for (;;) {
          const l = 2 * i + 1;
          const r = l + 1;
          let m = i;
          if (l < heap.length && less(heap[l] as QueueItem<T>, heap[m] as QueueItem<T>)) m = l;
          if (r < heap.length && less(heap[r] as QueueItem<T>, heap[m] as QueueItem<T>)) m = r;
          if (m === i) break;
          swap(i, m);
          i = m;
        }
      }
      return top;
    },
    setNow(time) {
      if (time > now) now = time;
    },
    size() {
      return heap.length;
    },
    // Queue items are never changed once scheduled (their values neither): a fork shares them.
    save: (): ClockState<T> => ({ heap: [...heap], now, seq }),
    load(state) {
      const saved = state as ClockState<T>;
      refillArray(heap, saved.heap);
      now = saved.now;
      seq = saved.seq;
    },
  };
}
