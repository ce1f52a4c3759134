import { describe, expect, it } from 'vitest';
import { parseShard, shardLearners } from './shard.ts';

describe('parseShard', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    [' 1/2 ', { index: 1, count: 2 }],
  ])('parses %j', (text, shard) => expect(parseShard(text)).toEqual(shard));
  it.each(['4/4', '1/0', '-1/2', 'a/b', '1', '1/2/3', ''])('rejects %j with a sentence', (text) => {
    expect(parseShard(text)).toEqual({ error: expect.stringContaining('--shard') });
  });
});

describe('shardLearners', () => {
  const all = ['a', 'b', 'c', 'd', 'e'];
  it('takes index mod n and the shards partition the class', () => {
    expect(shardLearners(all, { index: 0, count: 2 })).toEqual(['a', 'c', 'e']);
    expect(shardLearners(all, { index: 1, count: 2 })).toEqual(['b', 'd']);
    const parts = [0, 1, 2].flatMap((index) => shardLearners(all, { index, count: 3 }));
    expect(parts.sort()).toEqual(all);
  });
  it('returns everyone without a shard', () => expect(shardLearners(all, undefined)).toEqual(all));
});
