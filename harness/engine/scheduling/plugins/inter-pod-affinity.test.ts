import { describe, it, expect } from 'vitest';
import { runFilter, runScore, testCache, testPod, type TestPod } from '../testing.ts';
import { ERR_AFFINITY, ERR_ANTI_AFFINITY, ERR_EXISTING_ANTI_AFFINITY, interPodAffinityFilter, interPodAffinityScore } from './inter-pod-affinity.ts';
import type { NodeSpec } from '../../types.ts';

const nodes: NodeSpec[] = [
  { name: 'node-1', labels: { zone: 'a' } },
  { name: 'node-2', labels: { zone: 'a' } },
  { name: 'node-3', labels: { zone: 'b' } },
];
const HOST = 'kubernetes.io/hostname';
const term = (app: string, topologyKey: string, extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey, ...extra });
const required = (kind: 'podAffinity' | 'podAntiAffinity', ...terms: unknown[]) => ({ affinity: { [kind]: { requiredDuringSchedulingIgnoredDuringExecution: terms } } });
const preferred = (kind: 'podAffinity' | 'podAntiAffinity', weight: number, t: unknown) => ({ affinity: { [kind]: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: t }] } } });
const pod = (name: string, node: string | undefined, app: string, spec: Record<string, unknown> = {}, extra: Partial<TestPod> = {}): TestPod => ({ name, node, labels: { app }, spec, ...extra });
const affinityFail = { code: 'UnschedulableAndUnresolvable', reasons: [ERR_AFFINITY] };
const antiFail = { code: 'Unschedulable', reasons: [ERR_ANTI_AFFINITY] };
const existingFail = { code: 'Unschedulable', reasons: [ERR_EXISTING_ANTI_AFFINITY] };
const ok = { 'node-1': 'ok', 'node-2': 'ok', 'node-3': 'ok' };

describe('InterPodAffinity filter', () => {
  it.each([
    ['anti-affinity per hostname keeps off nodes with a matching Pod', [pod('w1', 'node-1', 'web')], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST))), { ...ok, 'node-1': antiFail }],
    ['anti-affinity per zone keeps off the whole zone', [pod('w1', 'node-1', 'web')], pod('new', undefined, 'web', required('podAntiAffinity', term('web', 'zone'))), { ...ok, 'node-1': antiFail, 'node-2': antiFail }],
    ['affinity per zone needs a matching Pod in the zone', [pod('db', 'node-3', 'db')], pod('new', undefined, 'web', required('podAffinity', term('db', 'zone'))), { ...ok, 'node-1': affinityFail, 'node-2': affinityFail }],
    ['affinity with no matching Pod anywhere fails everywhere', [], pod('new', undefined, 'web', required('podAffinity', term('db', 'zone'))), { 'node-1': affinityFail, 'node-2': affinityFail, 'node-3': affinityFail }],
    ['the first Pod of a group with affinity to itself goes anywhere', [], pod('new', undefined, 'web', required('podAffinity', term('web', 'zone'))), ok],
    ['a node without the topology key fails affinity', [pod('db', 'node-1', 'db')], pod('new', undefined, 'web', required('podAffinity', term('db', 'rack'))), { 'node-1': affinityFail, 'node-2': affinityFail, 'node-3': affinityFail }],
    ['an existing Pod’s anti-affinity keeps this Pod off its node', [pod('guard', 'node-2', 'guard', required('podAntiAffinity', term('web', HOST)))], pod('new', undefined, 'web'), { ...ok, 'node-2': existingFail }],
    ['Pods of another namespace do not count by default', [pod('w1', 'node-1', 'web', {}, { namespace: 'other' })], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST))), ok],
    ['namespaces lists the namespaces that count', [pod('w1', 'node-1', 'web', {}, { namespace: 'other' })], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST, { namespaces: ['other'] }))), { ...ok, 'node-1': antiFail }],
    ['an empty namespaceSelector selects every namespace', [pod('w1', 'node-1', 'web', {}, { namespace: 'other' })], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST, { namespaceSelector: {} }))), { ...ok, 'node-1': antiFail }],
    ['a namespaceSelector matches namespace labels', [pod('w1', 'node-1', 'web', {}, { namespace: 'other' })], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST, { namespaceSelector: { matchLabels: { team: 'x' } } }))), { ...ok, 'node-1': antiFail }],
    ['mismatchLabelKeys leaves Pods with the same value alone', [pod('w1', 'node-1', 'web', {}, { labels: { app: 'web', tenant: 't1' } })], pod('new', undefined, 'web', required('podAntiAffinity', term('web', HOST, { mismatchLabelKeys: ['tenant'] })), { labels: { app: 'web', tenant: 't1' } }), ok],
    ['a Pod with no affinity and no anti-affinity around passes', [pod('w1', 'node-1', 'web')], pod('new', undefined, 'web'), ok],
  ] as [string, TestPod[], TestPod, Record<string, unknown>][])('%s', (_title, pods, incoming, expected) => {
    expect(runFilter(interPodAffinityFilter, testCache(nodes, pods, { other: { team: 'x' } }), testPod(incoming))).toEqual(expected);
  });
});

describe('InterPodAffinity score', () => {
  it.each([
    ['preferred affinity favours the zone with matching Pods', [pod('c', 'node-3', 'cache')], preferred('podAffinity', 50, term('cache', 'zone')), { 'node-1': 0, 'node-2': 0, 'node-3': 100 }],
    ['preferred anti-affinity avoids nodes with matching Pods', [pod('w', 'node-1', 'web'), pod('w2', 'node-1', 'web'), pod('w3', 'node-2', 'web')], preferred('podAntiAffinity', 10, term('web', HOST)), { 'node-1': 0, 'node-2': 50, 'node-3': 100 }],
    ['an existing Pod’s required affinity toward this Pod attracts it', [pod('fan', 'node-2', 'fan', required('podAffinity', term('web', HOST)))], {}, { 'node-1': 0, 'node-2': 100, 'node-3': 0 }],
  ] as [string, TestPod[], Record<string, unknown>, Record<string, number>][])('%s', (_title, pods, spec, expected) => {
    expect(runScore(interPodAffinityScore, testCache(nodes, pods), testPod(pod('new', undefined, 'web', spec)))).toEqual(expected);
  });

  it('skips when neither the Pod nor any existing Pod has affinity terms', () => {
    expect(runScore(interPodAffinityScore, testCache(nodes, [pod('w', 'node-1', 'web')]), testPod(pod('new', undefined, 'web')))).toBe('skip');
  });
});
