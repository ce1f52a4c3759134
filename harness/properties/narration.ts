import type { KubeObject } from '../core/kube.ts';

/** What the story compares between two looks: node readiness, ready endpoints per Service, Pods. */
export interface Snapshot {
  nodes: Map<string, boolean>;
  services: Map<string, number>;
  readyPods: number;
  pods: number;
}

/** Words for how the submission reached the cluster: `apply a.yml, b.yml`, or `run commands.sh` (its script applies the files). */
export function describeApply(files: readonly string[]): string {
  const scripts = files.filter((f) => f.endsWith('.sh'));
  if (scripts.length > 0) return `run ${scripts.join(', ')}`;
  return `apply ${files.length > 0 ? files.join(', ') : 'the submission'}`;
}

/** Reads what the story narrates from the cluster. */
export function snapshot(list: (kind: string) => readonly KubeObject[]): Snapshot {
  const nodes = new Map<string, boolean>();
  for (const n of list('Node')) nodes.set(n.metadata.name ?? '', conditionTrue(n, 'Ready'));
  const services = new Map<string, number>();
  const slices = list('EndpointSlice');
  for (const s of list('Service')) {
    if (s.metadata.namespace === 'kube-system' || (s.metadata.namespace === 'default' && s.metadata.name === 'kubernetes')) continue;
    if (!isRecord(s.spec?.selector) || Object.keys(s.spec.selector).length === 0) continue;
    const own = slices.filter((e) => e.metadata.namespace === s.metadata.namespace && e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
    let ready = 0;
    for (const slice of own) for (const ep of asArray(slice.endpoints)) if (isRecord(ep) && isRecord(ep.conditions) && ep.conditions.ready === true) ready++;
    services.set(s.metadata.name ?? '', ready);
  }
  const pods = list('Pod').filter((p) => p.metadata.namespace !== 'kube-system');
  return { nodes, services, pods: pods.length, readyPods: pods.filter(isReady).length };
}

/** Lists what changed between two snapshots, in words (empty when nothing did). */
export function describeChanges(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  for (const [name, ready] of [...after.nodes].sort(byKey)) {
    if (before.nodes.get(name) !== ready) out.push(`${name} is ${ready ? 'Ready' : 'NotReady'}`);
  }
  if (before.readyPods !== after.readyPods || before.pods !== after.pods) out.push(after.pods === 0 ? 'no Pods are left' : `${after.readyPods} of ${after.pods} Pods Running and Ready`);
  for (const [name, ready] of [...after.services].sort(byKey)) {
    const was = before.services.get(name);
    if (was !== ready) out.push(`Service ${name} has ${ready === 0 ? 'no' : ready} ready endpoint${ready === 1 ? '' : 's'}`);
  }
  return out;
}

/** Summarises Pods as `5 Pods Running on node-1` / `3 Pods Running on node-1, node-2 (1 not ready)`. */
export function describePods(pods: readonly KubeObject[]): string {
  if (pods.length === 0) return 'no Pods';
  const ready = pods.filter(isReady);
  const nodes = [...new Set(ready.map((p) => String(p.spec?.nodeName ?? '')).filter((n) => n !== ''))].sort();
  const head = `${ready.length} Pod${ready.length === 1 ? '' : 's'} Running${nodes.length ? ` on ${nodes.join(', ')}` : ''}`;
  const notReady = pods.length - ready.length;
  return notReady > 0 ? `${head} (${notReady} not ready)` : head;
}

function isReady(p: KubeObject): boolean {
  return p.status?.phase === 'Running' && conditionTrue(p, 'Ready') && !p.metadata.deletionTimestamp;
}

function conditionTrue(o: KubeObject, type: string): boolean {
  return asArray(o.status?.conditions).some((c) => isRecord(c) && c.type === type && c.status === 'True');
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function byKey<V>(a: [string, V], b: [string, V]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}
