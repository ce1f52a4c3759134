import { describe, it, expect } from 'vitest';
import { runFilter, runScore, testCache, testPod, type TestPod } from '../testing.ts';
import { ERR_SPREAD, ERR_SPREAD_MISSING_LABEL, podTopologySpreadFilter, podTopologySpreadScore } from './pod-topology-spread.ts';
import type { NodeSpec } from '../../types.ts';

const zones: NodeSpec[] = [
  { name: 'node-1', labels: { zone: 'a' } },
  { name: 'node-2', labels: { zone: 'b' } },
  { name: 'node-3', labels: { zone: 'c' } },
];
const web = (name: string, node: string, extra: Partial<TestPod> = {}): TestPod => ({ name, node, labels: { app: 'web' }, ...extra });
const constraint = (extra: Record<string, unknown> = {}) => ({ maxSkew: 1, topologyKey: 'kubernetes.io/hostname', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra });
const incoming = (constraints: unknown[], spec: Record<string, unknown> = {}, labels: Record<string, string> = { app: 'web' }) => testPod({ name: 'new', labels, spec: { topologySpreadConstraints: constraints, ...spec } });
const skew = { code: 'Unschedulable', reasons: [ERR_SPREAD] };
const missing = { code: 'UnschedulableAndUnresolvable', reasons: [ERR_SPREAD_MISSING_LABEL] };

describe('PodTopologySpread filter', () => {
  it.each([
    ['skew above maxSkew on the fuller nodes', zones, [web('a', 'node-1'), web('b', 'node-2')], incoming([constraint()]), { 'node-1': skew, 'node-2': skew, 'node-3': 'ok' }],
    ['maxSkew 2 allows it', zones, [web('a', 'node-1'), web('b', 'node-2')], incoming([constraint({ maxSkew: 2 })]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
    ['a node without the topology key is unresolvable', [...zones, { name: 'node-4' }], [], incoming([constraint({ topologyKey: 'zone' })]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok', 'node-4': missing }],
    ['minDomains above the domain count makes the minimum 0', zones, [web('a', 'node-1'), web('b', 'node-2'), web('c', 'node-3')], incoming([constraint({ minDomains: 4 })]), { 'node-1': skew, 'node-2': skew, 'node-3': skew }],
    ['without minDomains the same cluster is balanced', zones, [web('a', 'node-1'), web('b', 'node-2'), web('c', 'node-3')], incoming([constraint()]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
    [
      'nodeAffinityPolicy Honor leaves nodes the Pod cannot use out of the minimum',
      zones,
      [web('a', 'node-1'), web('b', 'node-2')],
      incoming([constraint()], { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a', 'b'] }] }] } } } }),
      { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' },
    ],
    [
      'nodeAffinityPolicy Ignore counts them',
      zones,
      [web('a', 'node-1'), web('b', 'node-2')],
      incoming([constraint({ nodeAffinityPolicy: 'Ignore' })], { nodeSelector: { zone: 'a' } }),
      { 'node-1': skew, 'node-2': skew, 'node-3': 'ok' },
    ],
    [
      'nodeTaintsPolicy Honor leaves untolerated tainted nodes out',
      [...zones.slice(0, 2), { name: 'node-3', labels: { zone: 'c' }, taints: [{ key: 'dedicated', value: 'x', effect: 'NoSchedule' as const }] }],
      [web('a', 'node-1'), web('b', 'node-2')],
      incoming([constraint({ nodeTaintsPolicy: 'Honor' })]),
      { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' },
    ],
    ['a Pod its own selector does not match adds no self count', zones, [web('a', 'node-1')], incoming([constraint()], {}, { app: 'other' }), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
    ['terminating Pods are not counted', zones, [web('a', 'node-1', { terminating: true })], incoming([constraint()]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
    ['Pods of other namespaces are not counted', zones, [web('a', 'node-1', { namespace: 'other' })], incoming([constraint()]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
    [
      'matchLabelKeys counts only Pods with the same value',
      zones,
      [web('a', 'node-1', { labels: { app: 'web', 'pod-template-hash': 'old' } })],
      incoming([constraint({ matchLabelKeys: ['pod-template-hash'] })], {}, { app: 'web', 'pod-template-hash': 'new' }),
      { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' },
    ],
    ['ScheduleAnyway constraints do not filter', zones, [web('a', 'node-1'), web('b', 'node-1')], incoming([constraint({ whenUnsatisfiable: 'ScheduleAnyway' })]), { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' }],
  ] as [string, NodeSpec[], TestPod[], ReturnType<typeof testPod>, Record<string, unknown>][])('%s', (_title, nodes, pods, pod, expected) => {
    expect(runFilter(podTopologySpreadFilter, testCache(nodes, pods), pod)).toEqual(expected);
  });
});

describe('PodTopologySpread score', () => {
  it('scores fewer matching Pods higher, normalised to 0..100 (count × log(nodes+2) + maxSkew − 1)', () => {
    const pods = [web('a', 'node-2'), web('b', 'node-3'), web('c', 'node-3')];
    // raw: 0, round(1·ln 5) = 2, round(2·ln 5) = 3 → 100·(3 + 0 − s)/3
    expect(runScore(podTopologySpreadScore, testCache(zones, pods), incoming([constraint({ whenUnsatisfiable: 'ScheduleAnyway' })]))).toEqual({ 'node-1': 100, 'node-2': 33, 'node-3': 0 });
  });

  it('skips a Pod with only DoNotSchedule constraints, and a Pod nothing selects', () => {
    expect(runScore(podTopologySpreadScore, testCache(zones), incoming([constraint()]))).toBe('skip');
    expect(runScore(podTopologySpreadScore, testCache(zones), testPod({ name: 'lonely', labels: { app: 'web' } }))).toBe('skip');
  });

  it('uses the system default constraints with the selector of the Services that select the Pod', () => {
    const cache = testCache(zones, [web('a', 'node-1'), web('b', 'node-1'), web('c', 'node-2')]);
    cache.observe({ time: 0, type: 'ADDED', object: { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' } } } as never });
    // hostname maxSkew 3: raw = count·ln 5 + 2 → 5, 4, 2; normalised 100·(5 + 2 − s)/5
    expect(runScore(podTopologySpreadScore, cache, testPod({ name: 'new', labels: { app: 'web' } }))).toEqual({ 'node-1': 40, 'node-2': 60, 'node-3': 100 });
  });

  it('ignores nodes without the key when the Pod declares constraints', () => {
    const cache = testCache([...zones, { name: 'node-4' }], [web('a', 'node-1')]);
    const scores = runScore(podTopologySpreadScore, cache, incoming([constraint({ topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' })]));
    expect(scores).toMatchObject({ 'node-4': 0 });
    expect(scores).toMatchObject({ 'node-2': 100, 'node-3': 100 });
  });
});
