import { describe, it, expect } from 'vitest';
import { createStore } from './store.ts';
import { createRandom } from './random.ts';
import type { StatusError } from './types.ts';

function makeStore() {
  let now = 0;
  const store = createStore({ now: () => now, timestamp: () => `t${now}`, random: createRandom(1) });
  return { store, tick: (ms: number) => (now += ms) };
}

const cm = (name: string, data: Record<string, string> = {}, ns = 'default') => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns }, spec: data });

describe('store', () => {
  it('sets uid, resourceVersion, generation and creationTimestamp on create', () => {
    const { store } = makeStore();
    const a = store.create(cm('a'));
    const b = store.create(cm('b'));
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect(a.object.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.object.metadata.uid).not.toBe(b.object.metadata.uid);
    expect([a.object.metadata.resourceVersion, b.object.metadata.resourceVersion]).toEqual(['1', '2']);
    expect(a.object.metadata.generation).toBe(1);
    expect(a.object.metadata.creationTimestamp).toBe('t0');
  });

  it('bumps generation only when spec changes and skips identical writes', () => {
    const { store, tick } = makeStore();
    store.create(cm('a', { x: '1' }));
    tick(1000);
    const same = store.update(cm('a', { x: '1' }));
    expect(same.ok && same.changed).toBe(false);
    const labelled = store.update({ ...cm('a', { x: '1' }), metadata: { name: 'a', namespace: 'default', labels: { k: 'v' } } });
    expect(labelled.ok && labelled.object.metadata.generation).toBe(1);
    const changed = store.update(cm('a', { x: '2' }));
    expect(changed.ok && changed.object.metadata.generation).toBe(2);
    expect(changed.ok && changed.object.metadata.resourceVersion).toBe('3');
    expect(store.watchLog().map((e) => [e.type, e.time])).toEqual([
      ['ADDED', 0],
      ['MODIFIED', 1000],
      ['MODIFIED', 1000],
    ]);
  });

  it('returns copies that cannot change the store', () => {
    const { store } = makeStore();
    const res = store.create(cm('a', { x: '1' }));
    if (res.ok) res.object.spec.x = 'mutated';
    const got = store.get({ kind: 'ConfigMap', namespace: 'default', name: 'a' });
    if (got) got.spec.x = 'mutated too';
    store.watchLog()[0]!.object.spec.x = 'log mutated';
    expect(store.get({ kind: 'ConfigMap', namespace: 'default', name: 'a' })?.spec.x).toBe('1');
    expect(store.watchLog()[0]!.object.spec.x).toBe('1');
  });

  it('lists sorted by namespace then name, filtered by namespace', () => {
    const { store } = makeStore();
    store.create(cm('b', {}, 'zz'));
    store.create(cm('c'));
    store.create(cm('a'));
    expect(store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/a', 'default/c', 'zz/b']);
    expect(store.list('ConfigMap', 'zz').map((o) => o.metadata.name)).toEqual(['b']);
  });

  it('records deletions and lets interceptors fail writes', () => {
    const { store } = makeStore();
    store.create(cm('a'));
    const boom: StatusError = { kind: 'Status', apiVersion: 'v1', status: 'Failure', message: 'injected', reason: 'Conflict', code: 409 };
    const off = store.intercept((verb) => (verb === 'update' ? boom : undefined));
    const res = store.update(cm('a', { y: '1' }));
    expect(res.ok ? undefined : res.error.message).toBe('injected');
    off();
    expect(store.update(cm('a', { y: '1' })).ok).toBe(true);
    store.remove({ kind: 'ConfigMap', namespace: 'default', name: 'a' });
    expect(store.get({ kind: 'ConfigMap', namespace: 'default', name: 'a' })).toBeUndefined();
    expect(store.watchLog().map((e) => e.type)).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
  });
});

describe('store list order under writes', () => {
  // Guards the incremental list index: after creates, updates and deletes in any order, list() is sorted and complete.
  it('stays sorted by namespace then name and complete', () => {
    const { store } = makeStore();
    const names = ['m', 'b', 'z', 'a', 'k', 'c'];
    for (const n of names) store.create(cm(n, { v: '1' }));
    store.create({ ...cm('b', { v: '1' }), metadata: { name: 'b', namespace: 'alpha' } });
    const b = store.get({ kind: 'ConfigMap', namespace: 'default', name: 'b' })!;
    b.spec.v = '2';
    store.update(b);
    store.remove({ kind: 'ConfigMap', namespace: 'default', name: 'z' });
    const listed = store.list('ConfigMap').map((o) => `${o.metadata.namespace}/${o.metadata.name}`);
    expect(listed).toEqual(['alpha/b', 'default/a', 'default/b', 'default/c', 'default/k', 'default/m']);
    expect(store.list('ConfigMap', 'default').find((o) => o.metadata.name === 'b')?.spec.v).toBe('2');
    expect(Object.isFrozen(store.list('ConfigMap')[0])).toBe(true);
  });
});

describe('store snapshots', () => {
  it('peek returns the frozen stored object itself, get a private copy', () => {
    const { store } = makeStore();
    store.create(cm('a', { x: '1' }));
    const ref = { kind: 'ConfigMap', namespace: 'default', name: 'a' };
    const peeked = store.peek(ref)!;
    expect(Object.isFrozen(peeked) && Object.isFrozen(peeked.spec)).toBe(true);
    expect(store.peek(ref)).toBe(peeked);
    expect(() => {
      (peeked.spec as Record<string, string>).x = '2';
    }).toThrow(TypeError);
    expect(store.get(ref)).not.toBe(peeked);
    expect(store.get(ref)).toEqual(peeked);
  });

  // Guards structural sharing: writing back a snapshot with one change copies only what changed.
  it('shares unchanged frozen parts between versions and still copies what the caller can change', () => {
    const { store } = makeStore();
    store.create({ ...cm('a', { x: '1' }), status: { n: 1 } });
    const ref = { kind: 'ConfigMap', namespace: 'default', name: 'a' };
    const before = store.peek(ref)!;
    const mine = { n: 2, nested: { k: [1, -0, undefined] } };
    store.update({ ...before, status: mine });
    const after = store.peek(ref)!;
    expect(after.spec).toBe(before.spec);
    expect(after.status).not.toBe(mine);
    expect(after.status).toEqual({ n: 2, nested: { k: [1, 0, null] } });
    mine.nested.k.push(4);
    expect(store.peek(ref)!.status.nested.k).toEqual([1, 0, null]);
    expect(Object.isFrozen(after.status.nested)).toBe(true);
  });

  it('writing back a frozen snapshot unchanged writes nothing', () => {
    const { store } = makeStore();
    store.create(cm('a', { x: '1' }));
    const res = store.update(store.peek({ kind: 'ConfigMap', namespace: 'default', name: 'a' })!);
    expect(res.ok && res.changed).toBe(false);
    expect(store.revision()).toBe(1);
  });

  it('hands out one private copy per write result, made when first read', () => {
    const { store } = makeStore();
    const res = store.create(cm('a', { x: '1' }));
    if (!res.ok) throw new Error('create failed');
    expect(res.object).toBe(res.object);
    expect(Object.isFrozen(res.object)).toBe(false);
    res.object.spec.x = 'changed';
    expect(res.object.spec.x).toBe('changed');
    expect(store.peek({ kind: 'ConfigMap', namespace: 'default', name: 'a' })!.spec.x).toBe('1');
  });
});
