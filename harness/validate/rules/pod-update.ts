import type { FieldError } from '../types.ts';
import { asList, asMap } from './util.ts';
import type { Rule } from './util.ts';

const MUTABLE_TEXT =
  'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** Copies a pod spec with the mutable fields masked, so the rest can be compared. */
function masked(spec: Record<string, unknown>, other: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...spec };
  for (const group of ['containers', 'initContainers']) {
    if (Array.isArray(out[group])) out[group] = asList(out[group]).map((c) => (asMap(c) ? { ...asMap(c), image: '' } : c));
  }
  delete out.activeDeadlineSeconds;
  // Tolerations may only be appended: compare the old prefix.
  const oldTol = asList(other.tolerations);
  if (Array.isArray(out.tolerations)) out.tolerations = asList(out.tolerations).slice(0, oldTol.length);
  return out;
}

function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  const m = asMap(v);
  if (m) return `{${Object.keys(m).sort().filter((k) => m[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable(m[k])}`).join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** Pod updates: only images (and a few scheduling fields) may change (§2.6). */
export const podUpdateRule: Rule = {
  id: 'pod-update',
  kinds: ['Pod'],
  check(obj, ctx) {
    const oldSpec = asMap(ctx.old?.spec);
    const spec = asMap(obj.spec);
    if (!oldSpec || !spec) return [];
    const out: FieldError[] = [];
    if (asList(spec.containers).length !== asList(oldSpec.containers).length || asList(spec.initContainers).length !== asList(oldSpec.initContainers).length) {
      return [{ type: 'Forbidden', field: 'spec.containers', detail: 'pod updates may not add or remove containers' }];
    }
    const a = masked(oldSpec, oldSpec);
    const b = masked(spec, oldSpec);
    // nodeName is set by binding (a subresource, not validated as an update): ignore a change from unset.
    if (b.nodeName === undefined || a.nodeName === undefined) b.nodeName = a.nodeName;
    const diffs = Object.keys({ ...a, ...b })
      .sort()
      .filter((k) => stable(a[k]) !== stable(b[k]))
      .map((k) => `  core.PodSpec{\n  \t${k}: ${stable(a[k])} -> ${stable(b[k])}\n  }`);
    if (diffs.length > 0) out.push({ type: 'Forbidden', field: 'spec', detail: `${MUTABLE_TEXT}\n${diffs.join('\n')}` });
    const oldAds = oldSpec.activeDeadlineSeconds;
    const ads = spec.activeDeadlineSeconds;
    if (typeof oldAds === 'number' && (typeof ads !== 'number' || ads > oldAds)) {
      out.push({ type: 'Invalid', field: 'spec.activeDeadlineSeconds', value: ads ?? null, detail: 'must be less than or equal to previous value' });
    }
    return out;
  },
};
