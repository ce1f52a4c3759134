import { describe, expect, it } from 'vitest';
import { configMapRule } from './configmap.ts';
import { causes } from './test-helpers.ts';

const KEY =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";
const cm = (extra: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg' }, ...extra });

describe('configmap rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid keys', cm({ data: { 'app.properties': 'x', KEY_NAME: 'y', 'key-name': '' } }), []],
    ['key with a space', cm({ data: { 'bad key': 'x' } }), [`data[bad key]: Invalid value: "bad key": ${KEY}`]],
    ['key with a slash', cm({ data: { 'a/b': 'x' } }), [`data[a/b]: Invalid value: "a/b": ${KEY}`]],
    ['key too long', cm({ data: { ['k'.repeat(254)]: 'x' } }), [`data[${'k'.repeat(254)}]: Invalid value: "${'k'.repeat(254)}": must be no more than 253 characters`]],
    ['key ..', cm({ data: { '..': 'x' } }), ["data[..]: Invalid value: \"..\": must not be '..'"]],
    ['binaryData duplicate of data', cm({ data: { a: 'x' }, binaryData: { a: 'eA==' } }), ['binaryData[a]: Invalid value: "a": duplicate of key present in data']],
    ['data not a map', cm({ data: 'x' }), []],
  ])('%s', (_t, obj, expected) => {
    expect(causes(configMapRule, obj)).toEqual(expected);
  });
});
