import { describe, it, expect } from 'vitest';
import { createEventRecorder } from './events.ts';
import { createRandom } from './random.ts';
import type { KubeObject } from '../core/kube.ts';

const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default', uid: 'u1' } };

describe('event recorder', () => {
  it('de-duplicates identical events into count and lastTimestamp', () => {
    let now = 'T0';
    const rec = createEventRecorder({ random: createRandom(1), timestamp: () => now });
    const input = { type: 'Warning' as const, reason: 'BackOff', message: 'Back-off', component: 'kubelet', host: 'node-1', fieldPath: 'spec.containers{web}' };
    rec.record(pod, input);
    now = 'T1';
    rec.record(pod, input);
    rec.record(pod, { ...input, message: 'other' });
    rec.record(pod, { ...input, fieldPath: 'spec.containers{side}' });
    const events = rec.list();
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({
      kind: 'Event',
      metadata: { namespace: 'default' },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: 'web', namespace: 'default', uid: 'u1', fieldPath: 'spec.containers{web}' },
      reason: 'BackOff',
      source: { component: 'kubelet', host: 'node-1' },
      reportingComponent: 'kubelet',
      firstTimestamp: 'T0',
      lastTimestamp: 'T1',
      count: 2,
      type: 'Warning',
    });
    expect(String(events[0]!.metadata.name)).toMatch(/^web\.[0-9a-f]{16}$/);
  });

  it('hands out copies', () => {
    const rec = createEventRecorder({ random: createRandom(1), timestamp: () => 'T' });
    rec.record(pod, { type: 'Normal', reason: 'Pulled', message: 'm', component: 'kubelet' });
    rec.list()[0]!.count = 99;
    expect(rec.list()[0]!.count).toBe(1);
  });
});
