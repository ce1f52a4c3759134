import type { KubeObject } from '../core/kube.ts';

/** Why a Service routes to fewer Pods than expected, and the field to blame. */
export interface ServiceExplanation {
  summary: string;
  field?: string;
  hint?: string;
}

/** Formats a label map as kubectl prints selectors: `app=web,tier=front`, sorted by key. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** Explains which Pods a Service's selector matches and why others are missing (labels, readiness, namespace). */
export function explainService(svc: KubeObject, pods: readonly KubeObject[]): ServiceExplanation {
  const name = svc.metadata.name ?? '?';
  const selector = (svc.spec?.selector ?? {}) as Record<string, string>;
  const keys = Object.keys(selector);
  const inNamespace = pods.filter((p) => (p.metadata.namespace ?? 'default') === (svc.metadata.namespace ?? 'default'));
  if (svc.spec?.type === 'ExternalName') return { summary: `Service "${name}" is an ExternalName Service (a DNS alias): it has no endpoints` };
  if (keys.length === 0) {
    return { summary: `Service "${name}" has no selector, so Kubernetes manages no endpoints for it: its EndpointSlices must be written by hand`, field: 'spec' };
  }
  const matching = inNamespace.filter((p) => keys.every((k) => p.metadata.labels?.[k] === selector[k]));
  if (matching.length === 0) {
    const near = nearestPod(selector, inNamespace);
    const hint = near
      ? `${near.pod.metadata.name} has labels ${formatLabels(near.pod.metadata.labels)}.${near.suggestion ? ` Did you mean ${near.suggestion}?` : ''} Compare with kubectl get pods --show-labels.`
      : 'No Pod in this namespace has labels the selector could match; kubectl get pods --show-labels lists them.';
    const badKey = near?.badKey;
    return {
      summary: `Service "${name}" selects no Pods: selector ${formatLabels(selector)} matches 0 of ${inNamespace.length} Pod${inNamespace.length === 1 ? '' : 's'}`,
      field: badKey ? `spec.selector[${JSON.stringify(badKey)}]` : 'spec.selector',
      hint,
    };
  }
  const unready = matching.filter((p) => !((p.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === 'Ready' && c.status === 'True'));
  if (unready.length === matching.length) {
    return { summary: `Service "${name}" selects ${matching.map((p) => p.metadata.name).join(', ')}, but none of them is Ready, so no endpoint is ready` };
  }
  return { summary: `Service "${name}" selects ${matching.length} Pod${matching.length === 1 ? '' : 's'} (${matching.map((p) => p.metadata.name).join(', ')}), ${matching.length - unready.length} ready` };
}

/** Finds the Pod whose labels are closest to the selector, and the one change that would make it match. */
function nearestPod(selector: Record<string, string>, pods: readonly KubeObject[]): { pod: KubeObject; suggestion?: string; badKey?: string } | undefined {
  let best: { pod: KubeObject; misses: string[] } | undefined;
  for (const pod of pods) {
    const misses = Object.keys(selector).filter((k) => pod.metadata.labels?.[k] !== selector[k]);
    if (!best || misses.length < best.misses.length) best = { pod, misses };
  }
  if (!best) return undefined;
  if (best.misses.length !== 1) return { pod: best.pod };
  const key = best.misses[0]!;
  const labels = best.pod.metadata.labels ?? {};
  if (key in labels) return { pod: best.pod, badKey: key, suggestion: `${key}: ${labels[key]}` };
  // The key is wrong: is there a label with the selector's value under another key (name: web vs app: web)?
  const other = Object.entries(labels).find(([, v]) => v === selector[key]);
  return { pod: best.pod, badKey: key, ...(other ? { suggestion: `${other[0]}: ${other[1]} (the label key is ${other[0]}, not ${key})` } : {}) };
}
