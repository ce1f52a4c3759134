import { describe, expect, it } from 'vitest';
import { defuse, escapeData, escapeProperty, newStopToken, quarantine, workflowCommand } from './workflow-command.ts';

describe('workflow command escaping (as @actions/core command.ts)', () => {
  it.each([
    ['plain', 'plain', 'plain'],
    ['100%', '100%25', '100%25'],
    ['a\nb', 'a%0Ab', 'a%0Ab'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['%0A', '%250A', '%250A'],
    ['a:b,c', 'a:b,c', 'a%3Ab%2Cc'],
    ['::error::x', '::error::x', '%3A%3Aerror%3A%3Ax'],
  ])('%j → data %j, property %j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });

  it('formats properties in order and drops the missing ones', () => {
    expect(workflowCommand('error', [['file', 'a,b.yml'], ['line', 3], ['col', undefined], ['title', 'T: x']], 'm\nhint: h')).toBe('::error file=a%2Cb.yml,line=3,title=T%3A x::m%0Ahint: h');
    expect(workflowCommand('warning', [], 'w')).toBe('::warning::w');
  });
});

describe('quarantine', () => {
  it('wraps learner text in stop-commands with the token and defuses command-looking lines', () => {
    const out = quarantine('ok\n  ::error::x\n##[error]y\r::add-mask::z', 'T0K');
    expect(out).toBe('::stop-commands::T0K\nok\n  :\u200b:error::x\n#\u200b#[error]y\r:\u200b:add-mask::z\n::T0K::\n');
  });

  it('leaves lines that only contain :: later alone', () => {
    expect(defuse('a ::b\n')).toBe('a ::b\n');
  });

  it('makes a new unguessable token each time', () => {
    const a = newStopToken();
    expect(a).toMatch(/^kubegrade-[0-9a-f]{32}$/);
    expect(newStopToken()).not.toBe(a);
  });
});
