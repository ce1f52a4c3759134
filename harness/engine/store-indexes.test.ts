import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../core/kube.ts';
import { createStore } from './store.ts';
import { createRandom } from './random.ts';
import { controllerRef } from './controllers/owner-refs.ts';
import { CONTROLLER_INDEX, NODE_INDEX, OWNER_INDEX, claimCandidates, controlledBy, controllerKey, ownerKey } from './store-indexes.ts';

function makeStore() {
  return createStore({ now: () => 0, timestamp: () => 't0', random: createRandom(1) });
}

const owner = (uid: string, controller = true): Record<string, unknown> => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `rs-${uid}`, uid, controller });
const pod = (name: string, opts: { ns?: string; owners?: unknown; node?: unknown } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: opts.ns ?? 'default', ...(opts.owners !== undefined ? { ownerReferences: opts.owners as never } : {}) },
  spec: { containers: [], ...(opts.node !== undefined ? { nodeName: opts.node } : {}) },
});
const names = (list: KubeObject[]): string[] => list.map((o) => `${o.metadata.namespace}/${o.metadata.name}`);

describe('store indexes', () => {
  it('files Pods by controller uid and orphans per namespace, in list order, across updates and deletes', () => {
    const store = makeStore();
    for (const n of ['p3', 'p1', 'p2']) store.create(pod(n, { owners: [owner('a')] }));
    store.create(pod('p0', { owners: [owner('b')] }));
    store.create(pod('o2'));
    store.create(pod('o1', { owners: [owner('a', false)] }));
    store.create(pod('p9', { ns: 'other', owners: [owner('a')] }));
    expect(names(controlledBy(store, 'Pod', 'default', 'a'))).toEqual(['default/p1', 'default/p2', 'default/p3']);
    expect(names(store.byIndex(CONTROLLER_INDEX, controllerKey('Pod', 'default', undefined)))).toEqual(['default/o1', 'default/o2']);
    // Release p2 (no owner) and adopt o2 (owner a): both move between buckets.
    const p2 = store.get({ kind: 'Pod', namespace: 'default', name: 'p2' })!;
    delete p2.metadata.ownerReferences;
    store.update(p2);
    const o2 = store.get({ kind: 'Pod', namespace: 'default', name: 'o2' })!;
    o2.metadata.ownerReferences = [owner('a') as never];
    store.update(o2);
    store.remove({ kind: 'Pod', namespace: 'default', name: 'p3' });
    expect(names(controlledBy(store, 'Pod', 'default', 'a'))).toEqual(['default/o2', 'default/p1']);
    expect(names(claimCandidates(store, 'Pod', 'default', 'a'))).toEqual(['default/o1', 'default/o2', 'default/p1', 'default/p2']);
    expect(names(claimCandidates(store, 'Pod', 'default', 'b'))).toEqual(['default/o1', 'default/p0', 'default/p2']);
    expect(names(claimCandidates(store, 'Pod', 'other', 'a'))).toEqual(['other/p9']);
  });

  it('answers exactly what a scan of list() would, for hostile ownerReferences and nodeNames', () => {
    const store = makeStore();
    const shapes: unknown[] = [null, 'x', [null], [{ uid: 5, controller: true }], [{ kind: 'ReplicaSet', name: 'r', uid: 'a', controller: 'true' }], [owner('a'), owner('c')], [owner('a', false), owner('c')]];
    shapes.forEach((owners, i) => store.create(pod(`h${i}`, { owners, node: i % 2 ? 'node-1' : i }) as KubeObject));
    for (const uid of ['a', 'c']) {
      const scanned = store.list('Pod').filter((p) => controllerRef(p)?.uid === uid);
      expect(names(controlledBy(store, 'Pod', 'default', uid))).toEqual(names(scanned));
      const owning = store.list('Pod').filter((p) => Array.isArray(p.metadata.ownerReferences) && p.metadata.ownerReferences.some((r) => r?.uid === uid));
      expect(names(store.byIndex(OWNER_INDEX, ownerKey('Pod', uid)))).toEqual(names(owning));
    }
    expect(names(store.byIndex(NODE_INDEX, 'node-1'))).toEqual(['default/h1', 'default/h3', 'default/h5']);
  });

  it('files objects stored before an index was added, and names the known indexes for an unknown one', () => {
    const store = makeStore();
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', labels: { tier: 'web' } } });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', labels: { tier: 'web' } } });
    store.addIndex({ name: 'tier', keys: (o) => [String(o.metadata.labels?.tier)] });
    store.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', labels: { tier: 'db' } } });
    expect(store.byIndex('tier', 'web').map((o) => o.metadata.name)).toEqual(['a', 'b']);
    expect(store.byIndex('tier', 'db').map((o) => o.metadata.name)).toEqual(['c']);
    expect(() => store.byIndex('nope', 'x')).toThrow(/unknown store index nope \(known: .*tier/);
    expect(() => store.addIndex({ name: 'tier', keys: () => [] })).toThrow(/added twice/);
  });
});
