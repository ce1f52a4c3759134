import { describe, expect, it } from 'vitest';
import { renderFieldError } from '../field-error.ts';
import { podPlacementRule } from './pod-placement.ts';

const pod = (spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], ...spec } });
const deploy = (podSpec: Record<string, unknown>) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: podSpec } } });
const spread = (c: Record<string, unknown>) => ({ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', ...c });
const term = (t: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname', ...t });

describe('pod-placement rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['a valid constraint', pod({ topologySpreadConstraints: [spread({})] }), []],
    ['maxSkew 0', pod({ topologySpreadConstraints: [spread({ maxSkew: 0 })] }), ['spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero']],
    ['maxSkew missing', pod({ topologySpreadConstraints: [spread({ maxSkew: undefined })] }), ['spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero']],
    ['no topologyKey', pod({ topologySpreadConstraints: [spread({ topologyKey: '' })] }), ['spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty']],
    ['a made-up action', deploy({ topologySpreadConstraints: [spread({ whenUnsatisfiable: 'Never' })] }), ['spec.template.spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "Never": supported values: "DoNotSchedule", "ScheduleAnyway"']],
    ['no action', pod({ topologySpreadConstraints: [spread({ whenUnsatisfiable: undefined })] }), ['spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"']],
    ['the same key and action twice', pod({ topologySpreadConstraints: [spread({}), spread({ maxSkew: 2 })] }), ['spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{kubernetes.io/hostname, DoNotSchedule}"']],
    ['the same key with another action', pod({ topologySpreadConstraints: [spread({}), spread({ whenUnsatisfiable: 'ScheduleAnyway' })] }), []],
    ['minDomains 0', pod({ topologySpreadConstraints: [spread({ minDomains: 0 })] }), ['spec.topologySpreadConstraints[0].minDomains: Invalid value: 0: must be greater than zero']],
    ['minDomains with ScheduleAnyway', pod({ topologySpreadConstraints: [spread({ minDomains: 2, whenUnsatisfiable: 'ScheduleAnyway' })] }), ['spec.topologySpreadConstraints[0].minDomains: Invalid value: 2: can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway']],
    ['a bad node policy', pod({ topologySpreadConstraints: [spread({ nodeTaintsPolicy: 'Respect' })] }), ['spec.topologySpreadConstraints[0].nodeTaintsPolicy: Unsupported value: "Respect": supported values: "Honor", "Ignore"']],
    ['valid anti-affinity', pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term()], preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 100, podAffinityTerm: term() }] } } }), []],
    ['a required term without topologyKey', pod({ affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term({ topologyKey: undefined })] } } }), ['spec.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty']],
    ['a weight of 0 and of 101', pod({ affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, podAffinityTerm: term() }, { weight: 101, podAffinityTerm: term({ topologyKey: '' }) }] } } }), [
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].weight: Invalid value: 101: must be in the range 1-100',
      'spec.affinity.podAffinity.preferredDuringSchedulingIgnoredDuringExecution[1].podAffinityTerm.topologyKey: Required value: can not be empty',
    ]],
    ['hostile shapes', pod({ topologySpreadConstraints: { a: 1 }, affinity: { podAntiAffinity: 'x' } }), []],
    ['hostile items', pod({ topologySpreadConstraints: [null, 'x'], affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [null] } } }), [
      'spec.topologySpreadConstraints[0].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[0].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[0].whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"',
      'spec.topologySpreadConstraints[0].{topologyKey, whenUnsatisfiable}: Duplicate value: "{, }"',
      'spec.topologySpreadConstraints[1].maxSkew: Invalid value: 0: must be greater than zero',
      'spec.topologySpreadConstraints[1].topologyKey: Required value: can not be empty',
      'spec.topologySpreadConstraints[1].whenUnsatisfiable: Unsupported value: "": supported values: "DoNotSchedule", "ScheduleAnyway"',
      'spec.affinity.podAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].topologyKey: Required value: can not be empty',
    ]],
  ])('%s', (_name, obj, expected) => {
    expect(podPlacementRule.check(obj as never, { warnings: [] }).map(renderFieldError)).toEqual(expected);
  });
});
