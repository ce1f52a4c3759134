import { describe, expect, it } from 'vitest';
import { metaLabelsRule } from './meta-labels.ts';
import { causes } from './test-helpers.ts';

const VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
const NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

describe('meta-labels rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid labels', { labels: { app: 'web', 'app.kubernetes.io/name': 'x', empty: '' } }, []],
    ['value with a space', { labels: { app: 'my app' } }, [`metadata.labels: Invalid value: "my app": ${VALUE}`]],
    ['key with a space', { labels: { 'my app': 'x' } }, [`metadata.labels: Invalid value: "my app": ${NAME}`]],
    ['value too long', { labels: { app: 'a'.repeat(64) } }, [`metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`]],
    ['empty prefix', { labels: { '/x': 'y' } }, ['metadata.labels: Invalid value: "/x": prefix part must be non-empty']],
    ['empty name part', { labels: { 'example.com/': 'y' } }, ['metadata.labels: Invalid value: "example.com/": name part must be non-empty']],
    ['annotation key bad', { annotations: { 'bad key': 'v' } }, [`metadata.annotations: Invalid value: "bad key": ${NAME}`]],
    ['annotations too large', { annotations: { big: 'x'.repeat(262145) } }, ['metadata.annotations: Too long: may not be more than 262144 bytes']],
    ['labels not a map are skipped', { labels: ['a'] }, []],
  ])('%s', (_t, metadata, expected) => {
    expect(causes(metaLabelsRule, { kind: 'Pod', apiVersion: 'v1', metadata })).toEqual(expected);
  });

  it('sets key on label errors so the issue can point at the key', () => {
    const errs = metaLabelsRule.check({ kind: 'Pod', apiVersion: 'v1', metadata: { labels: { tier: 'a b' } } }, { warnings: [] });
    expect(errs[0]).toMatchObject({ field: 'metadata.labels', key: 'tier' });
  });
});
