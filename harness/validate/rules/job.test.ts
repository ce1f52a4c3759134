import { describe, expect, it } from 'vitest';
import { applyDefaults } from '../../engine/api/defaults.ts';
import { generateJobSelector } from '../../engine/api/defaults-job.ts';
import type { KubeObject } from '../../core/kube.ts';
import { validateObject } from '../object.ts';
import { jobRule, PLACEHOLDER_UID } from './job.ts';
import { causes, warningsOf } from './test-helpers.ts';

/** A Job as a learner writes it, defaulted as the API server does before validating. */
function job(spec: Record<string, unknown> = {}, template: Record<string, unknown> = {}, name = 'pi'): KubeObject {
  return applyDefaults({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34' }], ...template } }, ...spec },
  });
}

/** The Job as stored: selector and labels generated (the old object of an update). */
function stored(obj: KubeObject): KubeObject {
  generateJobSelector(obj, PLACEHOLDER_UID);
  return obj;
}

describe('job rule (batch/v1 Job)', () => {
  it.each<[string, KubeObject, string[]]>([
    ['a plain Job (the selector is generated)', job(), []],
    ['an Indexed Job', job({ completionMode: 'Indexed', completions: 4, parallelism: 4, backoffLimitPerIndex: 1, maxFailedIndexes: 0 }), []],
    ['restartPolicy left to its default (Always)', job({}, { restartPolicy: undefined }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy Always', job({}, { restartPolicy: 'Always' }), ['spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"']],
    ['restartPolicy in the wrong case', job({}, { restartPolicy: 'never' }), ['spec.template.spec.restartPolicy: Unsupported value: "never": supported values: "OnFailure", "Never"']],
    ['negative counts', job({ parallelism: -1, completions: -2, backoffLimit: -3, activeDeadlineSeconds: -4, ttlSecondsAfterFinished: -5 }), [
      'spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
      'spec.completions: Invalid value: -2: must be greater than or equal to 0',
      'spec.activeDeadlineSeconds: Invalid value: -4: must be greater than or equal to 0',
      'spec.backoffLimit: Invalid value: -3: must be greater than or equal to 0',
      'spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0',
    ]],
    ['Indexed without completions', job({ completionMode: 'Indexed', parallelism: 2 }), ['spec.completions: Required value: when completion mode is Indexed']],
    ['an unknown completion mode', job({ completionMode: 'indexed' }), ['spec.completionMode: Unsupported value: "indexed": supported values: "NonIndexed", "Indexed"']],
    ['per-index limits on a NonIndexed Job', job({ backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), [
      'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
      'spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode',
    ]],
    ['maxFailedIndexes above completions', job({ completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1, maxFailedIndexes: 3 }), ['spec.maxFailedIndexes: Invalid value: 3: must be less than or equal to completions']],
    ['maxFailedIndexes without backoffLimitPerIndex', job({ completionMode: 'Indexed', completions: 2, maxFailedIndexes: 1 }), ['spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified']],
    ['an unknown podReplacementPolicy', job({ podReplacementPolicy: 'Always' }), ['spec.podReplacementPolicy: Unsupported value: "Always": supported values: "Failed", "TerminatingOrFailed"']],
    ['a successPolicy on a NonIndexed Job', job({ successPolicy: { rules: [{ succeededCount: 1 }] } }), ['spec.successPolicy: Invalid value: {"rules":[{"succeededCount":1}]}: requires indexed completion mode']],
    ['OnFailure with a podFailurePolicy', job({ podFailurePolicy: { rules: [] } }, { restartPolicy: 'OnFailure' }), ['spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified']],
    ['a hand-written selector without manualSelector', job({ selector: { matchLabels: { app: 'pi' } } }, {}), [
      'spec.selector: Invalid value: {"matchLabels":{"app":"pi","batch.kubernetes.io/controller-uid":"' + PLACEHOLDER_UID + '"}}: `selector` not auto-generated',
      'spec.template.metadata.labels: Invalid value: {"batch.kubernetes.io/controller-uid":"' + PLACEHOLDER_UID + '","batch.kubernetes.io/job-name":"pi","controller-uid":"' + PLACEHOLDER_UID + '","job-name":"pi"}: `selector` does not match template `labels`',
    ]],
    ['a manual selector matching the template', applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { manualSelector: true, selector: { matchLabels: { app: 'pi' } }, template: { metadata: { labels: { app: 'pi' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } }), []],
    ['a manual selector without a selector', applyDefaults({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec: { manualSelector: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } } } }), ['spec.selector: Required value']],
    ['an Indexed Job whose last hostname is too long', job({ completionMode: 'Indexed', completions: 10 }, {}, 'a'.repeat(62)), [`metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-9`]],
    ['no containers', job({}, { containers: [] }), ['spec.template.spec.containers: Required value']],
  ])('%s', (_title, obj, expected) => {
    expect(causes(jobRule, obj)).toEqual(expected);
  });

  it('reports a template label that conflicts with the generated one', () => {
    const obj = job();
    obj.spec.template.metadata = { labels: { 'job-name': 'other' } };
    expect(causes(jobRule, obj)).toEqual([`spec.template.metadata.labels[job-name]: Invalid value: {"batch.kubernetes.io/controller-uid":"${PLACEHOLDER_UID}","batch.kubernetes.io/job-name":"pi","controller-uid":"${PLACEHOLDER_UID}","job-name":"other"}: must be 'pi'`]);
  });

  it('warns that a name with dots makes odd Pod hostnames', () => {
    expect(warningsOf(jobRule, job({}, {}, 'pi.v2'))).toEqual(['metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: [must not contain dots]']);
  });

  it('keeps completions, selector, template and completionMode immutable on update', () => {
    const old = stored(job({ completions: 3 }));
    const next = job({ completions: 4, completionMode: 'Indexed' }, { containers: [{ name: 'pi', image: 'perl:5.36' }] });
    const fields = jobRule.check(next, { warnings: [], old }).map((e) => `${e.field}: ${e.detail}`);
    expect(fields).toEqual(['spec.completions: field is immutable', 'spec.template: field is immutable', 'spec.completionMode: field is immutable']);
  });

  it('lets an elastic Indexed Job scale completions together with parallelism', () => {
    const old = stored(job({ completionMode: 'Indexed', completions: 3, parallelism: 3 }));
    const next = job({ completionMode: 'Indexed', completions: 5, parallelism: 5 });
    expect(jobRule.check(next, { warnings: [], old })).toEqual([]);
  });

  it('never throws on hostile shapes', () => {
    for (const spec of [null, 'x', [], { template: 'x' }, { template: { spec: null } }, { selector: 'x' }, { completions: '3', completionMode: 7 }]) {
      const obj = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi' }, spec } as unknown as KubeObject;
      expect(() => validateObject(applyDefaults(obj))).not.toThrow();
      expect(validateObject(applyDefaults(obj)).errors.some((e) => e.type === 'Internal')).toBe(false);
    }
  });
});
