import type { RequestSource } from '../../engine/types.ts';
import type { CheckContext, CheckKind } from '../types.ts';
import { explainPod } from '../explain-pod.ts';

/**
 * A request "from a container" is what `kubectl exec -c <container> -- wget …` would send, so the
 * container must exist and be running; otherwise kubectl exec itself fails.
 */
function execProblem(from: { pod: string; namespace?: string; container?: string }, ctx: CheckContext): { message: string; field?: string } | undefined {
  const pod = ctx.cluster.get({ kind: 'Pod', namespace: from.namespace ?? 'default', name: from.pod });
  if (!pod) return undefined; // reported below with the engine's own words
  const containers = (Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) as { name?: string }[];
  if (from.container === undefined) return undefined;
  const index = containers.findIndex((c) => c.name === from.container);
  if (index < 0) {
    return { message: `Pod "${from.pod}" has no container named ${from.container} (it has ${containers.map((c) => c.name).join(', ') || 'none'})`, field: 'spec.containers' };
  }
  const statuses = (pod.status?.containerStatuses ?? []) as { name: string; state?: { running?: object; waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  const st = statuses.find((c) => c.name === from.container);
  if (!st?.state?.running) {
    const why = st?.state?.waiting?.reason ?? st?.state?.terminated?.reason ?? 'not started';
    const detail = explainPod(pod, ctx.cluster.events());
    return { message: `container ${from.container} is not running (${why}): ${detail.summary}`, field: detail.field ?? `spec.containers[${index}]` };
  }
  return undefined;
}

export interface RequestParams {
  from: 'outside' | { pod: string; namespace?: string; container?: string };
  url: string;
  status?: number;
  bodyContains?: string;
  /** The Pod (and container) that must answer. */
  servedBy?: { pod?: string; container?: string };
}

/** An HTTP request (from a container or from outside) gets the expected answer. */
export const requestCheck: CheckKind<RequestParams> = {
  name: 'request',
  description: 'an HTTP GET from a Pod\'s container or from outside the cluster gets a status, a body, or is served by a given Pod',
  schema: {
    type: 'object',
    required: ['from', 'url'],
    additionalProperties: false,
    properties: {
      from: {
        oneOf: [
          { const: 'outside' },
          {
            type: 'object',
            required: ['pod'],
            additionalProperties: false,
            properties: { pod: { type: 'string' }, namespace: { type: 'string' }, container: { type: 'string' } },
          },
        ],
      },
      url: { type: 'string', pattern: '^http://' },
      status: { type: 'integer', minimum: 100, maximum: 599 },
      bodyContains: { type: 'string' },
      servedBy: {
        type: 'object',
        additionalProperties: false,
        properties: { pod: { type: 'string' }, container: { type: 'string' } },
      },
    },
  },
  run(params, ctx) {
    const source: RequestSource = { from: params.from };
    const fromText = params.from === 'outside' ? 'from outside the cluster' : `from ${params.from.pod}${params.from.container ? `/${params.from.container}` : ''}`;
    const what = `GET ${params.url} ${fromText}`;
    const expectStatus = params.status ?? 200;
    const cannotExec = params.from === 'outside' ? undefined : execProblem(params.from, ctx);
    if (cannotExec) {
      const ref = { kind: 'Pod', namespace: params.from === 'outside' ? 'default' : (params.from.namespace ?? 'default'), name: params.from === 'outside' ? '' : params.from.pod };
      return { status: 'failed', message: `${what} could not be sent: ${cannotExec.message}`, location: ctx.sources.locate(ref, cannotExec.field) ?? ctx.sources.locate(ref) };
    }
    const res = ctx.cluster.request(source, params.url);
    const problems: string[] = [];
    if (!res.ok) problems.push(`failed: ${res.error ?? 'no answer'}`);
    else {
      if (res.status !== expectStatus) problems.push(`answered ${res.status}, expected ${expectStatus}`);
      if (params.bodyContains !== undefined && !(res.body ?? '').includes(params.bodyContains)) {
        problems.push(`answered a body without "${params.bodyContains}"`);
      }
      if (params.servedBy?.pod && res.servedBy?.pod !== params.servedBy.pod) problems.push(`was answered by ${res.servedBy?.pod ?? 'nobody'}, expected ${params.servedBy.pod}`);
      if (params.servedBy?.container && res.servedBy?.container !== params.servedBy.container) {
        problems.push(`was answered by container ${res.servedBy?.container ?? 'none'}, expected ${params.servedBy.container}`);
      }
    }
    if (problems.length === 0) return { status: 'passed' };
    // Blame the requesting Pod when it is not running; otherwise the Pod's manifest as a whole.
    let detail = '';
    let location;
    if (params.from !== 'outside') {
      const ref = { kind: 'Pod', namespace: params.from.namespace ?? 'default', name: params.from.pod };
      const pod = ctx.cluster.get(ref);
      if (!pod) detail = `: Pod "${params.from.pod}" does not exist`;
      else {
        const why = explainPod(pod, ctx.cluster.events());
        if (!/is Running$/.test(why.summary)) detail = ` (${why.summary})`;
        location = ctx.sources.locate(ref, why.field ?? 'spec.containers');
      }
      if (!location) location = ctx.sources.locate(ref);
    }
    return { status: 'failed', message: `${what} ${problems.join(', ')}${detail}`, location };
  },
};
