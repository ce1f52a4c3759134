import { describe, it, expect } from 'vitest';
import { createControllerRegistry } from './registry.ts';
import type { Controller } from './registry.ts';
import { createCluster } from '../cluster.ts';
import { testCatalog } from '../testing-helpers.ts';
import { reconcileTwice } from './testing.ts';

describe('controller registry', () => {
  it('keeps registration order and refuses duplicates', () => {
    const reg = createControllerRegistry();
    const mk = (name: string): Controller => ({ name, for: 'Pod', reconcile: () => undefined });
    reg.register(mk('a'));
    reg.register(mk('b'));
    expect(reg.all().map((c) => c.name)).toEqual(['a', 'b']);
    expect(() => reg.register(mk('a'))).toThrow(/twice/);
  });

  it('runs added controllers level-triggered on store changes, with requeue', () => {
    const c = createCluster({ images: testCatalog() });
    const seen: string[] = [];
    c.internals.addController({
      name: 'labeller',
      for: 'ConfigMap',
      reconcile(req, ctx) {
        const obj = ctx.store.get(req);
        seen.push(`${ctx.now()}:${req.name}:${obj ? 'present' : 'gone'}`);
        if (!obj || obj.metadata.labels?.seen === 'yes') return;
        obj.metadata.labels = { ...(obj.metadata.labels ?? {}), seen: 'yes' };
        ctx.store.update(obj);
        return { requeueAfter: 5 };
      },
    });
    c.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm' } });
    expect(c.runUntilSettled().reason).toBe('settled');
    expect(c.get({ kind: 'ConfigMap', namespace: 'default', name: 'cm' })?.metadata.labels).toEqual({ seen: 'yes' });
    expect(seen).toEqual(['0:cm:present', '0:cm:present', '5000:cm:present']);
    const res = reconcileTwice(c.internals.controllers.get('labeller')!, { kind: 'ConfigMap', namespace: 'default', name: 'cm' }, c.internals.context);
    expect(res.secondWrites).toBe(0);
  });

  it('enqueues owners of owned kinds and mapped watches', () => {
    const c = createCluster({ images: testCatalog() });
    const seen: string[] = [];
    c.internals.addController({
      name: 'owner-watcher',
      for: 'ConfigMap',
      owns: ['Secret'],
      watches: [{ kind: 'Endpoints', map: (obj) => [{ kind: 'ConfigMap', namespace: 'default', name: `from-${obj.metadata.name}` }] }],
      reconcile(req) {
        seen.push(req.name);
      },
    });
    c.create({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'parent', uid: 'x', controller: true }] } });
    c.create({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'ep' } });
    c.runUntilSettled();
    expect(seen).toEqual(['parent', 'from-ep']);
  });
});
