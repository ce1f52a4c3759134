import { clone } from '../core/kube.ts';
import type { KubeObject } from '../core/kube.ts';
import type { Random } from './random.ts';
import { refill, refillArray, type StatePart } from './snapshot.ts';

export interface EventInput {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** `kubelet`, `default-scheduler`, a controller name. */
  component: string;
  /** The node, for kubelet events. */
  host?: string;
  /** e.g. `spec.containers{web-ctr}`. */
  fieldPath?: string;
}

export interface EventRecorder {
  /** Records an event about an object, de-duplicating as client-go's correlator does (count++). */
  record(about: KubeObject, input: EventInput): void;
  /** All events in the order first recorded (copies). */
  list(): KubeObject[];
  /** How many record calls changed something (cheap idempotence checks). */
  revision(): number;
}

/** Creates the event recorder on virtual time; names are `<object>.<16 hex>` from the seeded PRNG. */
export function createEventRecorder(deps: { random: Random; timestamp: () => string }): EventRecorder & StatePart {
  const events: KubeObject[] = [];
  // Event key → its index in `events`.
  const byKey = new Map<string, number>();
  let revision = 0;
  return {
    record(about, input) {
      const involved: Record<string, unknown> = {
        apiVersion: about.apiVersion,
        kind: about.kind,
        name: about.metadata.name,
        namespace: about.metadata.namespace ?? 'default',
        uid: about.metadata.uid,
      };
      if (about.kind === 'Node') involved.namespace = '';
      if (input.fieldPath) involved.fieldPath = input.fieldPath;
      const key = JSON.stringify([involved, input.type, input.reason, input.message, input.component, input.host ?? '']);
      const now = deps.timestamp();
      revision++;
      const at = byKey.get(key);
      if (at !== undefined) {
        // A repeat replaces the event with a new object (never changed in place: forks share them).
        const existing = events[at]!;
        events[at] = { ...existing, count: (existing.count as number) + 1, lastTimestamp: now };
        return;
      }
      const source: Record<string, string> = { component: input.component };
      if (input.host) source.host = input.host;
      const event: KubeObject = {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: `${about.metadata.name}.${deps.random.hex(16)}`, namespace: (involved.namespace as string) || 'default', creationTimestamp: now },
        involvedObject: involved,
        reason: input.reason,
        message: input.message,
        source,
        reportingComponent: input.component,
        reportingInstance: input.host ?? '',
        firstTimestamp: now,
        lastTimestamp: now,
        count: 1,
        type: input.type,
      };
      byKey.set(key, events.length);
      events.push(event);
    },
    list() {
      return events.map((e) => clone(e));
    },
    revision() {
      return revision;
    },
    // Events are replaced, never changed in place: a fork shares them and copies the lists.
    save: () => ({ events: [...events], keys: new Map(byKey), revision }),
    load(state) {
      const saved = state as { events: KubeObject[]; keys: Map<string, number>; revision: number };
      refillArray(events, saved.events);
      refill(byKey, saved.keys);
      revision = saved.revision;
    },
  };
}
