import { describe, it, expect } from 'vitest';
import { runFilter, runScore, testCache, testPod, type TestPod } from '../testing.ts';
import { balancedAllocationScore, nodeResourcesFitFilter, nodeResourcesFitScore } from './node-resources.ts';

const requests = (cpu?: string, memory?: string) => ({ containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } }] });
const nodes = [{ name: 'node-1' }, { name: 'node-2', cpu: '4', memory: '8Gi' }];
const busy: TestPod[] = [{ name: 'b', node: 'node-1', spec: requests('1', '1Gi') }];

describe('NodeResourcesFit', () => {
  it.each([
    ['fits', requests('500m', '1Gi'), { 'node-1': 'ok', 'node-2': 'ok' }],
    ['cpu and memory short on the busy node, reasons in upstream order', requests('1500m', '3500Mi'), { 'node-1': { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] }, 'node-2': 'ok' }],
    ['no requests always fit', requests(), { 'node-1': 'ok', 'node-2': 'ok' }],
  ] as [string, Record<string, unknown>, Record<string, unknown>][])('filter: %s', (_t, spec, expected) => {
    expect(runFilter(nodeResourcesFitFilter, testCache(nodes, busy), testPod({ name: 'new', spec }))).toEqual(expected);
  });

  it('reports Too many pods first when the pod count is full', () => {
    const cache = testCache([{ name: 'node-1', pods: 1 }], [{ name: 'a', node: 'node-1' }]);
    expect(runFilter(nodeResourcesFitFilter, cache, testPod({ name: 'new', spec: requests('3') }))).toEqual({ 'node-1': { code: 'Unschedulable', reasons: ['Too many pods', 'Insufficient cpu'] } });
  });

  it.each([
    // node-1: cpu (2000−1000−1000)/2000 → 0, memory (4096−1024−1024)/4096 → 50 → (0+50)/2 = 25; node-2: 75 and 87 → 81
    ['LeastAllocated with requests', requests('1', '1Gi'), { 'node-1': 25, 'node-2': 81 }],
    // no requests: 100m and 200Mi are assumed for the Pod (node-1's Pod keeps its own requests): node-1 45 and 70 → 57
    ['LeastAllocated with the defaults for a container without requests', requests(), { 'node-1': 57, 'node-2': 97 }],
  ] as [string, Record<string, unknown>, Record<string, number>][])('score: %s', (_t, spec, expected) => {
    expect(runScore(nodeResourcesFitScore, testCache(nodes, busy), testPod({ name: 'new', spec }))).toEqual(expected);
  });

  it('balanced allocation favours equal cpu and memory fractions and skips a Pod that requests nothing', () => {
    // node-1: cpu 1.5/2 = .75, memory 1.5/4 = .375 → 100·(1 − .1875) = 81; node-2: .125 and .0625 → 96
    expect(runScore(balancedAllocationScore, testCache(nodes, busy), testPod({ name: 'new', spec: requests('500m', '512Mi') }))).toEqual({ 'node-1': 81, 'node-2': 96 });
    expect(runScore(balancedAllocationScore, testCache(nodes, busy), testPod({ name: 'new', spec: requests() }))).toBe('skip');
  });
});
