import { describe, it, expect } from 'vitest';
import type { KubeObject } from '../../../core/kube.ts';
import { formatInstant, parseInstant } from '../../clock.ts';
import type { ControllerContext } from '../registry.ts';
import { rankForDeletion } from './victims.ts';

const EPOCH = parseInstant('2026-01-01T00:00:00Z')!;
const NOW = 100_000 * 1000;
const at = (ms: number): string => formatInstant(EPOCH + ms);
const ctx = { now: () => NOW, timestamp: (t?: number) => at(t ?? NOW) } as unknown as ControllerContext;

interface PodOpts {
  node?: string;
  phase?: string;
  readyAt?: number;
  cost?: string;
  restarts?: number;
  created?: number;
  uid?: string;
}

function pod(name: string, o: PodOpts = {}): KubeObject {
  const conditions = o.readyAt === undefined ? [{ type: 'Ready', status: 'False' }] : [{ type: 'Ready', status: 'True', lastTransitionTime: at(o.readyAt) }];
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: o.uid ?? name, creationTimestamp: at(o.created ?? 0), ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}) },
    spec: { nodeName: o.node ?? 'node-1' },
    status: { phase: o.phase ?? 'Running', conditions, containerStatuses: [{ restartCount: o.restarts ?? 0 }] },
  };
}

const base: PodOpts = { node: 'node-1', phase: 'Running', readyAt: 1000, created: 0 };

describe('scale-down victim order (ActivePodsWithRanks)', () => {
  it.each<[string, PodOpts, PodOpts]>([
    ['1. unscheduled before scheduled', { ...base, node: '' }, base],
    ['2. Pending before Running', { ...base, phase: 'Pending' }, base],
    ['2. Unknown before Running', { ...base, phase: 'Unknown' }, base],
    ['3. not Ready before Ready', { ...base, readyAt: undefined }, base],
    ['4. lower pod-deletion-cost first', { ...base, cost: '-5' }, { ...base, cost: '10' }],
    ['6. more recently Ready first (different log2 buckets)', { ...base, readyAt: 99_000_000 }, { ...base, readyAt: 1000 }],
    ['7. more restarts first', { ...base, restarts: 3 }, base],
    ['8. newer creationTimestamp first', { ...base, created: 50_000 }, base],
  ])('%s', (_title, victim, keeper) => {
    for (const order of [
      [pod('a', victim), pod('b', keeper)],
      [pod('b', keeper), pod('a', victim)],
    ]) {
      expect(rankForDeletion(ctx, order, order).map((p) => p.metadata.name)).toEqual(['a', 'b']);
    }
  });

  it('5. prefers Pods on the node with more Pods of the same owner family', () => {
    const crowded = pod('a', { ...base, node: 'node-2' });
    const alone = pod('b', { ...base, node: 'node-1' });
    const sibling = pod('c', { ...base, node: 'node-2' });
    expect(rankForDeletion(ctx, [alone, crowded], [alone, crowded, sibling]).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('6. ties inside one log2 age bucket are broken by UID, not by the exact ready time', () => {
    // Ages 40s and 50s fall in the same ⌊log2(ns)⌋ bucket (35).
    const newer = pod('newer', { ...base, readyAt: NOW - 40_000, uid: 'z' });
    const older = pod('older', { ...base, readyAt: NOW - 50_000, uid: 'a' });
    expect(rankForDeletion(ctx, [newer, older], [newer, older]).map((p) => p.metadata.name)).toEqual(['older', 'newer']);
  });

  it('lets an earlier rule win over later ones (unscheduled beats restarts and age)', () => {
    const a = pod('a', { ...base, node: '', restarts: 0, created: 0 });
    const b = pod('b', { ...base, restarts: 9, created: 90_000 });
    expect(rankForDeletion(ctx, [b, a], [a, b]).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('survives hostile Pod data', () => {
    const odd = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'odd', annotations: { 'controller.kubernetes.io/pod-deletion-cost': 'lots' } }, spec: null, status: { conditions: 'no', containerStatuses: [null] } } as unknown as KubeObject;
    expect(rankForDeletion(ctx, [pod('b', base), odd], []).map((p) => p.metadata.name)).toEqual(['odd', 'b']);
  });
});
