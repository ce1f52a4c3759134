import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../core/kube.ts';
import { applyDefaults } from './defaults.ts';
import { generateJobSelector, MAX_INT32 } from './defaults-job.ts';
import { createCluster } from '../cluster.ts';
import { testCatalog } from '../testing-helpers.ts';

function job(spec: Record<string, unknown>, labels?: Record<string, string>): KubeObject {
  return { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'pi', ...(labels ? { labels } : {}) }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl' }] } }, ...spec } };
}

const counts = (o: KubeObject): Record<string, unknown> => {
  const { completions, parallelism, backoffLimit, completionMode, suspend, manualSelector, podReplacementPolicy } = o.spec;
  return { completions, parallelism, backoffLimit, completionMode, suspend, manualSelector, podReplacementPolicy };
};
const base = { completionMode: 'NonIndexed', suspend: false, manualSelector: false, podReplacementPolicy: 'TerminatingOrFailed' };

describe('Job defaulting (SetDefaults_Job)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['nothing set: a non-parallel Job', {}, { ...base, completions: 1, parallelism: 1, backoffLimit: 6 }],
    ['parallelism alone: completions stay unset (work queue)', { parallelism: 3 }, { ...base, completions: undefined, parallelism: 3, backoffLimit: 6 }],
    ['completions alone: parallelism 1', { completions: 5 }, { ...base, completions: 5, parallelism: 1, backoffLimit: 6 }],
    ['backoffLimitPerIndex: backoffLimit is MaxInt32', { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, { ...base, completionMode: 'Indexed', completions: 2, parallelism: 1, backoffLimit: MAX_INT32 }],
    ['a podFailurePolicy: only failed Pods are replaced', { podFailurePolicy: { rules: [] } }, { ...base, completions: 1, parallelism: 1, backoffLimit: 6, podReplacementPolicy: 'Failed' }],
    ['explicit values are kept', { completions: 2, parallelism: 2, backoffLimit: 0, suspend: true, manualSelector: true }, { ...base, completions: 2, parallelism: 2, backoffLimit: 0, suspend: true, manualSelector: true }],
  ])('%s', (_title, spec, expected) => {
    expect(counts(applyDefaults(job(spec)))).toEqual(expected);
  });

  it('defaults the template as a Pod template (not the Pod-only fields)', () => {
    const t = applyDefaults(job({})).spec.template.spec;
    expect(t).toMatchObject({ restartPolicy: 'Never', dnsPolicy: 'ClusterFirst', terminationGracePeriodSeconds: 30, schedulerName: 'default-scheduler' });
    expect(t.enableServiceLinks).toBeUndefined();
  });

  it('copies the template labels to a Job without labels, never over its own', () => {
    const withTemplateLabels = (labels?: Record<string, string>): KubeObject => {
      const j = job({}, labels);
      j.spec.template.metadata = { labels: { app: 'pi' } };
      return applyDefaults(j);
    };
    expect(withTemplateLabels().metadata.labels).toEqual({ app: 'pi' });
    expect(withTemplateLabels({ team: 'a' }).metadata.labels).toEqual({ team: 'a' });
  });
});

describe('generateJobSelector (registry strategy)', () => {
  it('adds the controller-uid selector and the four template labels, and gives a label-less Job those labels', () => {
    const j = applyDefaults(job({}));
    expect(generateJobSelector(j, 'u-1')).toBe(true);
    const labels = { 'batch.kubernetes.io/controller-uid': 'u-1', 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': 'u-1', 'job-name': 'pi' };
    expect(j.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': 'u-1' } });
    expect(j.spec.template.metadata.labels).toEqual(labels);
    expect(j.metadata.labels).toEqual(labels);
    expect(generateJobSelector(j, 'u-1')).toBe(false);
  });

  it('keeps labels the user set (validation rejects conflicts) and adds the uid to a hand-written selector', () => {
    const j = applyDefaults(job({ selector: { matchLabels: { app: 'pi' } } }, { team: 'a' }));
    j.spec.template.metadata = { labels: { 'job-name': 'other' } };
    generateJobSelector(j, 'u-1');
    expect(j.spec.template.metadata.labels['job-name']).toBe('other');
    expect(j.spec.selector.matchLabels).toEqual({ app: 'pi', 'batch.kubernetes.io/controller-uid': 'u-1' });
    expect(j.metadata.labels).toEqual({ team: 'a' });
  });

  it('does nothing with manualSelector: true', () => {
    const j = applyDefaults(job({ manualSelector: true }));
    expect(generateJobSelector(j, 'u-1')).toBe(false);
    expect(j.spec.selector).toBeUndefined();
  });

  it('creates the Job through the API server with the generated selector and re-applies unchanged', () => {
    const c = createCluster({ images: testCatalog() });
    const created = c.apply(job({ suspend: true }));
    expect(created.ok).toBe(true);
    const uid = created.object!.metadata.uid!;
    expect(created.object!.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(created.object!.spec.template.metadata.labels['controller-uid']).toBe(uid);
    // Written once, like the real API server (the uid exists before the selector is generated).
    expect(created.object!.metadata.generation).toBe(1);
    expect(c.watchLog().filter((e) => e.object.kind === 'Job').map((e) => e.type)).toEqual(['ADDED']);
    const again = c.apply(job({ suspend: true }));
    expect(again.verb).toBe('unchanged');
    expect(c.apply(job({ suspend: true, completions: 3 })).error?.message).toBe('Job.batch "pi" is invalid: spec.completions: Invalid value: 3: field is immutable');
  });
});
