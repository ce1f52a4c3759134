import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, scanJson } from './json-syntax.ts';

describe('findJsonSyntaxError', () => {
  it.each([
    '{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"]}', ' \n\t{ "a" : { } } \n', '0', '"s"',
  ])('accepts valid JSON %j', (text) => {
    expect(findJsonSyntaxError(text)).toBeUndefined();
  });

  it.each([
    ['', 0, 'the text ends where a value was expected'],
    ['[1 2]', 3, "unexpected character \"2\" where ',' or ']' was expected"],
    ['{"a": 01}', 7, "unexpected character \"1\" where ',' or '}' was expected"],
    ['{"a": tru}', 6, 'unexpected character "t" where a value was expected'],
    ['"abc', 0, 'a string is not closed (missing ")'],
    ['"\\x"', 1, 'unknown escape \\x in a string'],
    ['"\\u12"', 1, '\\u must be followed by 4 hex digits'],
    ['[1,]', 3, 'a comma is not allowed after the last element of a list'],
  ])('reports %j at offset %i', (text, offset, reason) => {
    expect(findJsonSyntaxError(text)).toEqual({ offset, reason });
  });

  it('measures nesting depth and where it first goes past a limit', () => {
    expect(scanJson('{"a": [[1], {"b": []}]}', 2)).toEqual({ depth: 3, tooDeepAt: 7 });
    expect(scanJson('[[]]')).toEqual({ depth: 1 });
  });
});
