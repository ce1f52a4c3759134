import { describe, expect, it } from 'vitest';
import { canonicalQuantity } from './quantity-canonical.ts';

describe('canonicalQuantity', () => {
  it.each<[unknown, string | undefined]>([
    ['500m', '500m'],
    [0.5, '500m'],
    ['0.5', '500m'],
    [1, '1'],
    ['2000m', '2'],
    ['1500m', '1500m'],
    [1.5, '1500m'],
    ['1000', '1k'],
    [1500, '1500'],
    ['100M', '100M'],
    ['1000M', '1G'],
    ['128Mi', '128Mi'],
    ['1024Mi', '1Gi'],
    ['0.5Gi', '512Mi'],
    ['1.5Gi', '1536Mi'],
    ['1000Ki', '1000Ki'],
    ['512', '512'],
    ['0.5Ki', '512'],
    ['1.1Ki', '1126400m'],
    ['1e3', '1e3'],
    ['1E6', '1e6'],
    ['1.5e3', '1500'],
    ['0', '0'],
    ['0Mi', '0'],
    ['0.0000000001', '1n'],
    ['0.1m', '100u'],
    ['+1', '1'],
    ['-500m', '-500m'],
    ['abc', undefined],
    ['1.5.5', undefined],
    ['', undefined],
    ['.', undefined],
    ['1Zi', undefined],
    [null, undefined],
    [Number.POSITIVE_INFINITY, undefined],
    ['9'.repeat(500), undefined],
    ['1e999', undefined],
  ])('%s → %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });
});
