import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone } from './kube.ts';

describe('clone', () => {
  it('has JSON round-trip semantics for any JSON-like value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(clone(v)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 2000 },
    );
  });

  // Guards a past bug: -0 survived the copy while JSON turns it into 0.
  it('turns -0 into 0 as JSON does', () => {
    expect(Object.is(clone({ n: -0 }).n, 0)).toBe(true);
  });

  it('drops undefined members, nulls undefined array items and never sets a prototype from data', () => {
    const src = JSON.parse('{"__proto__": {"polluted": 1}, "a": [1, null]}') as Record<string, unknown>;
    (src as { b?: unknown }).b = undefined;
    (src.a as unknown[]).push(undefined);
    const out = clone(src) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(out.a).toEqual([1, null, null]);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect((out as { polluted?: unknown }).polluted).toBeUndefined();
  });
});
