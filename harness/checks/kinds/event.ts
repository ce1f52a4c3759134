import type { KubeObject } from '../../core/kube.ts';
import type { CheckKind } from '../types.ts';

export interface EventParams {
  reason: string;
  type?: 'Normal' | 'Warning';
  object?: { kind?: string; name?: string; namespace?: string };
  messageContains?: string;
  /** When true, the check passes only if no such event was recorded. */
  absent?: boolean;
}

/** An event was (or, with absent, was never) recorded. */
export const eventCheck: CheckKind<EventParams> = {
  name: 'event',
  description: 'an event with a reason (type, object, message text) was recorded, or with absent: true never was',
  schema: {
    type: 'object',
    required: ['reason'],
    additionalProperties: false,
    properties: {
      reason: { type: 'string', minLength: 1 },
      type: { enum: ['Normal', 'Warning'] },
      object: {
        type: 'object',
        additionalProperties: false,
        properties: { kind: { type: 'string' }, name: { type: 'string' }, namespace: { type: 'string' } },
      },
      messageContains: { type: 'string' },
      absent: { type: 'boolean' },
    },
  },
  run(params, ctx) {
    const matching = ctx.cluster.events().filter((e) => matches(e, params));
    const describe = `${params.type ? `${params.type} ` : ''}event ${params.reason}${params.object?.name ? ` for ${params.object.kind ?? 'object'} "${params.object.name}"` : ''}`;
    if (params.absent) {
      if (matching.length === 0) return { status: 'passed' };
      const e = matching[0]!;
      const io = e.involvedObject as { kind: string; name: string; namespace?: string };
      return {
        status: 'failed',
        message: `unexpected ${describe}: ${String(e.message)}`,
        location: ctx.sources.locate({ kind: io.kind, namespace: io.namespace ?? 'default', name: io.name }, fieldOf(e)),
      };
    }
    if (matching.length > 0) return { status: 'passed' };
    return { status: 'failed', message: `no ${describe} was recorded` };
  },
};

function matches(e: KubeObject, p: EventParams): boolean {
  const io = (e.involvedObject ?? {}) as { kind?: string; name?: string; namespace?: string };
  if (e.reason !== p.reason) return false;
  if (p.type && e.type !== p.type) return false;
  if (p.object?.kind && io.kind !== p.object.kind) return false;
  if (p.object?.name && io.name !== p.object.name) return false;
  if (p.object?.namespace && io.namespace !== p.object.namespace) return false;
  if (p.messageContains && !String(e.message ?? '').includes(p.messageContains)) return false;
  return true;
}

/** Maps an event's `fieldPath` (`spec.containers{web-ctr}`) to a field of the learner's manifest. */
function fieldOf(e: KubeObject): string | undefined {
  const fp = (e.involvedObject as { fieldPath?: string } | undefined)?.fieldPath;
  const m = fp ? /^spec\.containers\{(.+)\}$/.exec(fp) : null;
  return m ? `spec.containers[name=${m[1]}]` : undefined;
}
