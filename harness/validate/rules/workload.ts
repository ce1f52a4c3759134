import type { FieldError } from '../types.ts';
import { validatePodSpec } from './pod-spec-checks.ts';
import { asMap, nonNegative, selectorMatches, validateLabelSelector, validateLabels, validateAnnotations } from './util.ts';
import type { Rule } from './util.ts';

/** Deployment and ReplicaSet: selector, template, replicas (§2.5). */
export const workloadRule: Rule = {
  id: 'workload',
  kinds: ['Deployment', 'ReplicaSet'],
  check(obj, ctx) {
    const spec = asMap(obj.spec) ?? {};
    const out: FieldError[] = [];
    out.push(...nonNegative(spec.replicas, 'spec.replicas'));
    out.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
    const template = asMap(spec.template);
    const tmeta = asMap(template?.metadata) ?? {};
    const labels = asMap(tmeta.labels) ?? {};
    const sel = asMap(spec.selector);
    let selectorUsable = true;
    if (!sel) {
      out.push({ type: 'Required', field: 'spec.selector' });
    } else {
      const selErrors = validateLabelSelector(sel, 'spec.selector');
      out.push(...selErrors);
      const emptyML = Object.keys(asMap(sel.matchLabels) ?? {}).length === 0;
      const emptyME = !Array.isArray(sel.matchExpressions) || sel.matchExpressions.length === 0;
      if (emptyML && emptyME) out.push({ type: 'Invalid', field: 'spec.selector', value: sel, detail: 'empty selector is invalid for deployment' });
      // A selector that cannot be converted stops validation of the template (LabelSelectorAsSelector fails).
      if (selErrors.length > 0) {
        out.push({ type: 'Invalid', field: 'spec.selector', value: sel, detail: 'invalid label selector' });
        selectorUsable = false;
      }
    }
    if (!selectorUsable) {
      // Nothing more: the API server does not validate the template in this case.
    } else if (!template) {
      out.push({ type: 'Required', field: 'spec.template' });
    } else {
      out.push(...validateLabels(tmeta.labels, 'spec.template.metadata.labels'));
      out.push(...validateAnnotations(tmeta.annotations, 'spec.template.metadata.annotations'));
      // An empty selector matches everything (labels.Everything()); a missing one matches nothing.
      const empty = sel !== undefined && Object.keys(asMap(sel.matchLabels) ?? {}).length === 0 && (!Array.isArray(sel.matchExpressions) || sel.matchExpressions.length === 0);
      if (!empty && (!sel || !selectorMatches(sel, labels))) {
        out.push({ type: 'Invalid', field: 'spec.template.metadata.labels', value: labels, detail: '`selector` does not match template `labels`' });
      }
      out.push(...validatePodSpec(template.spec ?? {}, 'spec.template.spec', { podOnly: false }, ctx.warnings));
    }
    const old = asMap(ctx.old?.spec);
    if (old && obj.apiVersion === 'apps/v1' && JSON.stringify(old.selector) !== JSON.stringify(spec.selector)) {
      out.push({ type: 'Invalid', field: 'spec.selector', value: spec.selector ?? null, detail: 'field is immutable' });
    }
    return out;
  },
};
