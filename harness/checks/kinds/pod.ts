import type { KubeObject } from '../../core/kube.ts';
import type { CheckKind } from '../types.ts';
import { explainPod } from '../explain-pod.ts';
import { missingObject } from '../missing-object.ts';

export interface PodParams {
  name: string;
  namespace?: string;
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';
  ready?: boolean;
  /** Most restarts allowed, summed over containers. */
  restarts?: number;
  /** A container that must be Ready. */
  containerReady?: string;
}

/** A Pod's phase, readiness, restarts or a container's readiness, explained from status and events when wrong. */
export const podCheck: CheckKind<PodParams> = {
  name: 'pod',
  description: 'a Pod has a phase, is Ready, has at most N restarts, or has a given container Ready',
  schema: {
    type: 'object',
    required: ['name'],
    additionalProperties: false,
    properties: {
      name: { type: 'string', minLength: 1 },
      namespace: { type: 'string', minLength: 1 },
      phase: { enum: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'] },
      ready: { type: 'boolean' },
      restarts: { type: 'integer', minimum: 0 },
      containerReady: { type: 'string', minLength: 1 },
    },
  },
  run(params, ctx) {
    const ref = { kind: 'Pod', namespace: params.namespace ?? 'default', name: params.name };
    const pod = ctx.cluster.get(ref);
    if (!pod) return missingObject(ref, ctx);
    const problems: string[] = [];
    const phase = (pod.status?.phase as string | undefined) ?? 'Pending';
    if (params.phase && phase !== params.phase) problems.push(`is ${phase}, expected ${params.phase}`);
    if (params.ready !== undefined && isReady(pod) !== params.ready) problems.push(params.ready ? 'is not Ready' : 'is Ready, expected not Ready');
    const statuses = (pod.status?.containerStatuses ?? []) as { name: string; ready?: boolean; restartCount?: number }[];
    if (params.containerReady !== undefined) {
      const cs = statuses.find((c) => c.name === params.containerReady);
      if (!cs) problems.push(`has no container named ${params.containerReady}`);
      else if (!cs.ready) problems.push(`container ${params.containerReady} is not Ready`);
    }
    if (params.restarts !== undefined) {
      const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
      if (restarts > params.restarts) problems.push(`restarted ${restarts} time${restarts === 1 ? '' : 's'} (at most ${params.restarts} allowed)`);
    }
    if (problems.length === 0) return { status: 'passed' };
    const why = explainPod(pod, ctx.cluster.events(), ctx.images);
    const noContainer = params.containerReady !== undefined && !statuses.some((c) => c.name === params.containerReady);
    const field = noContainer ? 'spec.containers' : why.field;
    return {
      status: 'failed',
      message: `Pod "${params.name}" ${problems.join(', ')}: ${why.summary}`,
      location: ctx.sources.locate(ref, field),
      ...(why.hint ? { hint: why.hint } : {}),
    };
  },
};

function isReady(pod: KubeObject): boolean {
  const conditions = (pod.status?.conditions ?? []) as { type: string; status: string }[];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}
