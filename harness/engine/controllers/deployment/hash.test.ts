import { describe, it, expect } from 'vitest';
import { canonicalJson, fnv32a, podTemplateHash, safeEncodeDigits } from './hash.ts';
import { intOrPercent, resolveFenceposts } from './fenceposts.ts';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('pod-template-hash', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('computes FNV-32a of %j', (text, want) => {
    expect(fnv32a(bytes(text))).toBe(want);
  });

  it('maps decimal digits through the SafeEncodeString table', () => {
    expect(safeEncodeDigits(2166136261)).toBe('65bb57b6b5');
    expect(safeEncodeDigits(1234567890)).toBe('56789bcdf4');
  });

  it('hashes a canonical form: key order does not matter, content and collisionCount do', () => {
    const a = { metadata: { labels: { app: 'web', tier: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    const b = { spec: { containers: [{ image: 'nginx', name: 'c' }] }, metadata: { labels: { tier: 'x', app: 'web' } } };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(podTemplateHash(a)).toBe(podTemplateHash(b));
    expect(podTemplateHash(a)).toMatch(/^[4-9bcdf]{1,10}$/);
    expect(podTemplateHash({ ...a, spec: { containers: [{ name: 'c', image: 'nginx:2' }] } })).not.toBe(podTemplateHash(a));
    expect(podTemplateHash(a, 1)).not.toBe(podTemplateHash(a));
    expect(podTemplateHash(a, 1)).toBe(podTemplateHash(b, 1));
  });
});

describe('fenceposts (25%/25% defaults)', () => {
  it.each([
    [1, 1, 0],
    [3, 1, 0],
    [4, 1, 1],
    [10, 3, 2],
    [0, 0, 0],
  ])('replicas %i → maxSurge %i, maxUnavailable %i', (replicas, surge, unavailable) => {
    expect(resolveFenceposts({ spec: {} }, replicas)).toEqual({ maxSurge: surge, maxUnavailable: unavailable });
  });

  it('makes one Pod unavailable when both resolve to 0 and caps maxUnavailable at replicas', () => {
    expect(resolveFenceposts({ spec: { strategy: { rollingUpdate: { maxSurge: 0, maxUnavailable: '10%' } } } }, 5)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(resolveFenceposts({ spec: { strategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 9 } } } }, 3)).toEqual({ maxSurge: 1, maxUnavailable: 3 });
    expect(resolveFenceposts({ spec: { strategy: { type: 'Recreate' } } }, 3)).toEqual({ maxSurge: 0, maxUnavailable: 0 });
  });

  it.each([
    ['50%', 5, true, 3],
    ['50%', 5, false, 2],
    [2, 5, true, 2],
    ['x%', 5, true, 0],
    [null, 5, true, 0],
    [-3, 5, false, 0],
  ])('resolves %j of %i (round up %s) to %i, never throwing on odd input', (value, total, up, want) => {
    expect(intOrPercent(value, total, up)).toBe(want);
  });
});
