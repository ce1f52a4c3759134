import { describe, expect, it } from 'vitest';
import { causes } from './test-helpers.ts';
import { workloadRule } from './workload.ts';

function deploy(spec: Record<string, unknown>, kind = 'Deployment'): Record<string, unknown> {
  return {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name: 'web' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Always', containers: [{ name: 'web', image: 'nginx' }] } },
      ...spec,
    },
  };
}
const MISMATCH = 'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`';

describe('workload rule (Deployment, ReplicaSet)', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid deployment', deploy({}), []],
    ['valid replicaset', deploy({}, 'ReplicaSet'), []],
    ['missing selector', deploy({ selector: undefined }), ['spec.selector: Required value', MISMATCH]],
    ['empty selector', deploy({ selector: {} }), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['replicaset says deployment too', deploy({ selector: {} }, 'ReplicaSet'), ['spec.selector: Invalid value: {}: empty selector is invalid for deployment']],
    ['selector not matching', deploy({ selector: { matchLabels: { app: 'api' } } }), [MISMATCH]],
    ['matchExpressions match', deploy({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['web'] }] } }), []],
    ['In without values', deploy({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'In' }] } }), [
      "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"app","operator":"In"}]}: invalid label selector',
    ]],
    ['Exists with values', deploy({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'Exists', values: ['x'] }] } }), [
      "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"app","operator":"Exists","values":["x"]}]}: invalid label selector',
    ]],
    ['bad operator', deploy({ selector: { matchLabels: { app: 'web' }, matchExpressions: [{ key: 'app', operator: 'in', values: ['web'] }] } }), [
      'spec.selector.matchExpressions[0].operator: Invalid value: "in": not a valid selector operator',
      'spec.selector: Invalid value: {"matchLabels":{"app":"web"},"matchExpressions":[{"key":"app","operator":"in","values":["web"]}]}: invalid label selector',
    ]],
    ['template restartPolicy Never', deploy({ template: { metadata: { labels: { app: 'web' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'w', image: 'x' }] } } }), [
      'spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ]],
    ['template container image missing', deploy({ template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'w' }] } } }), ['spec.template.spec.containers[0].image: Required value']],
    ['negative replicas', deploy({ replicas: -1 }), ['spec.replicas: Invalid value: -1: must be greater than or equal to 0']],
  ])('%s', (_t, obj, expected) => {
    expect(causes(workloadRule, obj)).toEqual(expected);
  });

  it('rejects a selector change on update (apps/v1)', () => {
    expect(causes(workloadRule, deploy({ selector: { matchLabels: { app: 'web', v: '2' } } }), deploy({}))).toContain(
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"2"}}: field is immutable',
    );
  });
});
