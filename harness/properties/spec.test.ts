import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfigYaml } from '../core/config-file.ts';
import { toProperties, type RawProperty } from './spec.ts';

function parse(yaml: string, taken: string[] = []) {
  const doc = parseConfigYaml('exercise.yaml', yaml);
  return toProperties('exercise.yaml', doc, (doc.value as { properties: RawProperty[] }).properties, taken);
}

function problem(yaml: string, taken: string[] = []): string {
  try {
    parse(yaml, taken);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('toProperties', () => {
  it('reads faults written as names or as one-key maps, with defaults', () => {
    const [p] = parse(`properties:
  - id: survives
    title: Keeps answering
    points: 3
    hint: Run more replicas.
    invariant: { request: { from: outside, url: "http://node-1:31111/", status: 200 } }
    faults: [deletePod, { scale: { deployment: web, min: 1, max: 5 } }, { nodeDown: { downSeconds: 60 } }]
`);
    expect(p).toEqual({
      id: 'survives',
      title: 'Keeps answering',
      points: 3,
      hint: 'Run more replicas.',
      visibility: 'visible',
      invariant: { kind: 'request', params: { from: 'outside', url: 'http://node-1:31111/', status: 200 } },
      faults: [
        { name: 'deletePod', params: {} },
        { name: 'scale', params: { deployment: 'web', min: 1, max: 5 } },
        { name: 'nodeDown', params: { downSeconds: 60 } },
      ],
      scenarios: 50,
      steps: 4,
      exhaustive: false,
      partialCredit: false,
      recoverSeconds: 0,
    });
  });

  it.each([
    ['an unknown fault, listing the valid ones', 'faults: [unplug]', /exercise\.yaml:5:\d+: properties\[0\]\.faults\[0\]: unknown fault "unplug"; valid faults: crashContainer, deletePod, nodeDown, reorder, rollout, scale, wait/],
    ['fault parameters against its schema', 'faults: [{ scale: { deployment: web } }]', /missing required key "min"/],
    ['an unknown parameter of a fault', 'faults: [{ nodeDown: { seconds: 5 } }]', /unknown key "seconds"/],
    ['an unknown invariant kind', 'faults: [deletePod]\n    invariant: { teleport: {} }', /unknown check kind "teleport"; valid kinds: /],
  ])('rejects %s', (_what, lines, message) => {
    const yaml = `properties:
  - id: p
    title: P
    points: 1
    ${lines}
${lines.includes('invariant') ? '' : '    invariant: { pod: { name: web } }\n'}`;
    expect(problem(yaml)).toMatch(message);
  });

  it('rejects an id already used by a check', () => {
    const yaml = `properties:
  - { id: running, title: P, points: 1, invariant: { pod: { name: web } }, faults: [deletePod] }
`;
    expect(problem(yaml, ['running'])).toMatch(/duplicate check or property id "running"/);
  });
});
