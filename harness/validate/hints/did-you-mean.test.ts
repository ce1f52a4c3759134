import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance } from './did-you-mean.ts';

describe('editDistance (Damerau-Levenshtein)', () => {
  it.each([
    ['containers', 'containers', 0],
    ['contianers', 'containers', 1],
    ['lables', 'labels', 1],
    ['imagepullpolicy', 'imagepullpolicy', 0],
    ['abc', '', 3],
    ['kitten', 'sitting', 3],
  ])('%s ~ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});

describe('didYouMean', () => {
  const container = ['name', 'image', 'imagePullPolicy', 'ports', 'env', 'command', 'args', 'resources'];
  it.each<[string, readonly string[], string | undefined]>([
    ['contianers', ['containers', 'volumes', 'nodeSelector'], 'containers'],
    ['contianerPort', ['containerPort', 'hostPort', 'name', 'protocol'], 'containerPort'],
    ['lables', ['labels', 'annotations', 'name'], 'labels'],
    ['imagePullpolicy', container, 'imagePullPolicy'],
    ['port', container, 'ports'],
    ['completelydifferent', container, undefined],
    ['x', ['name'], undefined],
  ])('%s → %s', (word, candidates, expected) => {
    expect(didYouMean(word, candidates)).toBe(expected);
  });
});
