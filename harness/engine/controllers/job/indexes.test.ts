import { describe, expect, it } from 'vitest';
import { completionIndex, firstPendingIndexes, formatIndexes, parseIndexes, totalIndexes, withIndexes } from './indexes.ts';

describe('completed-index intervals', () => {
  it.each<[string, number[], string]>([
    ['nothing', [], ''],
    ['one index', [3], '3'],
    ['two neighbours print with a comma', [0, 1], '0,1'],
    ['three or more print as a range', [0, 1, 2, 3], '0-3'],
    ['gaps split ranges', [0, 1, 2, 4, 6, 7], '0-2,4,6,7'],
    ['unsorted and repeated input', [5, 1, 0, 5, 2], '0-2,5'],
  ])('%s', (_title, indexes, text) => {
    const iv = withIndexes([], indexes);
    expect(formatIndexes(iv)).toBe(text);
    expect(totalIndexes(iv)).toBe(new Set(indexes).size);
    expect(formatIndexes(parseIndexes(text, 100))).toBe(text);
  });

  it.each<[unknown, number, string]>([
    ['0-9', 4, '0-3'],
    ['1,x,3-4', 10, '1,3,4'],
    ['7,2', 5, ''],
    [42, 5, ''],
    ['2,3', 10, '2,3'],
  ])('parses %j below %i defensively', (text, completions, expected) => {
    expect(formatIndexes(parseIndexes(text, completions))).toBe(expected);
  });

  it('finds the first pending indexes around done and running ones', () => {
    expect(firstPendingIndexes(withIndexes([], [0, 2, 3]), 2, 10)).toEqual([1, 4]);
    expect(firstPendingIndexes(withIndexes([], [0, 1]), 5, 3)).toEqual([2]);
    expect(firstPendingIndexes([], 0, 3)).toEqual([]);
  });

  it('reads the completion index annotation, refusing anything but a non-negative integer', () => {
    const pod = (v?: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: v === undefined ? {} : { annotations: { 'batch.kubernetes.io/job-completion-index': v } } });
    expect([pod('3'), pod('-1'), pod('x'), pod(), pod('1e3')].map(completionIndex)).toEqual([3, -1, -1, -1, -1]);
  });
});
