import type { RequestSource } from '../../engine/types.ts';
import type { CheckContext, CheckKind } from '../types.ts';
import { explainPod } from '../explain-pod.ts';
import { execProblem } from '../exec-source.ts';
import { fillUrl } from '../url-template.ts';
import { explainService } from '../explain-service.ts';
import type { KubeObject } from '../../core/kube.ts';

export interface RequestParams {
  from: 'outside' | { pod: string; namespace?: string; container?: string };
  url: string;
  status?: number;
  bodyContains?: string;
  /** The Pod (and container) that must answer. */
  servedBy?: { pod?: string; container?: string };
  /** Send the request this many times (default 1); every answer must match. */
  times?: number;
  /** With times > 1: every request must reach the same Pod (session affinity). */
  sameServer?: boolean;
  /** Pods that must NEVER answer (e.g. the old version behind a Service). */
  notServedBy?: string[];
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
      url: { type: 'string', pattern: '^(http|udp)://' },
      status: { type: 'integer', minimum: 100, maximum: 599 },
      bodyContains: { type: 'string' },
      servedBy: {
        type: 'object',
        additionalProperties: false,
        properties: { pod: { type: 'string' }, container: { type: 'string' } },
      },
      times: { type: 'integer', minimum: 1, maximum: 1000 },
      sameServer: { type: 'boolean' },
      notServedBy: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
  },
  run(params, ctx) {
    const source: RequestSource = { from: params.from };
    const fromText = params.from === 'outside' ? 'from outside the cluster' : `from ${params.from.pod}${params.from.container ? `/${params.from.container}` : ''}`;
    const what = `${params.url.startsWith('udp:') ? 'UDP datagram to' : 'GET'} ${params.url} ${fromText}`;
    const expectStatus = params.status ?? 200;
    const cannotExec = params.from === 'outside' ? undefined : execProblem(params.from, ctx);
    if (cannotExec) {
      const ref = { kind: 'Pod', namespace: params.from === 'outside' ? 'default' : (params.from.namespace ?? 'default'), name: params.from === 'outside' ? '' : params.from.pod };
      return { status: 'failed', message: `${what} could not be sent: ${cannotExec.message}`, location: ctx.sources.locate(ref, cannotExec.field) ?? ctx.sources.locate(ref) };
    }
    const filled = fillUrl(params.url, ctx.cluster, params.from === 'outside' ? 'default' : (params.from.namespace ?? 'default'));
    if (!filled.ok) return { status: 'failed', message: `${what} could not be sent: ${filled.reason}` };
    const problems: string[] = [];
    const servers = new Set<string>();
    const times = params.times ?? 1;
    let lastPath: string[] = [];
    for (let i = 0; i < times && problems.length === 0; i++) {
      const res = ctx.cluster.request(source, filled.url);
      lastPath = res.path;
      const nth = times > 1 ? ` (request ${i + 1} of ${times})` : '';
      if (!res.ok) {
        problems.push(`failed${nth}: ${res.error ?? 'no answer'}`);
        break;
      }
      if (res.servedBy) servers.add(res.servedBy.pod);
      if (res.status !== undefined && res.status !== expectStatus) problems.push(`answered ${res.status}${nth}, expected ${expectStatus}`);
      if (params.bodyContains !== undefined && !(res.body ?? '').includes(params.bodyContains)) problems.push(`answered a body without "${params.bodyContains}"${nth}`);
      if (params.servedBy?.pod && res.servedBy?.pod !== params.servedBy.pod) problems.push(`was answered by ${res.servedBy?.pod ?? 'nobody'}${nth}, expected ${params.servedBy.pod}`);
      if (params.servedBy?.container && res.servedBy?.container !== params.servedBy.container) {
        problems.push(`was answered by container ${res.servedBy?.container ?? 'none'}${nth}, expected ${params.servedBy.container}`);
      }
      if (res.servedBy && params.notServedBy?.includes(res.servedBy.pod)) problems.push(`was answered by ${res.servedBy.pod}${nth}, which must not receive traffic`);
    }
    if (problems.length === 0 && params.sameServer && servers.size > 1) {
      problems.push(`reached ${servers.size} different Pods (${[...servers].sort().join(', ')}) over ${times} requests from one client, expected one`);
    }
    const trace = lastPath.length > 0 ? { trace: lastPath } : {};
    if (problems.length === 0) return { status: 'passed' };
    const viaService = serviceOnPath(lastPath, filled.url, ctx);
    if (viaService) {
      const svcRef = { kind: 'Service', namespace: viaService.metadata.namespace ?? 'default', name: viaService.metadata.name ?? '' };
      const why = explainService(viaService, ctx.cluster.list('Pod', svcRef.namespace));
      return {
        status: 'failed',
        message: `${what} ${problems.join(', ')}. ${why.summary}`,
        location: ctx.sources.locate(svcRef, why.field) ?? ctx.sources.locate(svcRef),
        ...(why.hint ? { hint: why.hint } : {}),
        ...trace,
      };
    }
    // Blame the requesting Pod when it is not running; otherwise the Pod's manifest as a whole.
    let detail = '';
    let location;
    if (params.from !== 'outside') {
      const ref = { kind: 'Pod', namespace: params.from.namespace ?? 'default', name: params.from.pod };
      const pod = ctx.cluster.get(ref);
      if (!pod) detail = `: Pod "${params.from.pod}" does not exist`;
      else {
        const why = explainPod(pod, ctx.cluster.events(), ctx.images);
        if (!/is Running$/.test(why.summary)) detail = ` (${why.summary})`;
        location = ctx.sources.locate(ref, why.field ?? 'spec.containers');
      }
      if (!location) location = ctx.sources.locate(ref);
    }
    return { status: 'failed', message: `${what} ${problems.join(', ')}${detail}`, location, ...trace };
  },
};

/** Finds the Service a request went through (named on its path, or its host is a Service name or ClusterIP). */
function serviceOnPath(path: readonly string[], url: string, ctx: CheckContext): KubeObject | undefined {
  for (const hop of path) {
    const m = /service\/([a-z0-9-]+)/.exec(hop);
    if (m) {
      const svc = ctx.cluster.list('Service').find((s) => s.metadata.name === m[1]);
      if (svc) return svc;
    }
  }
  let host = '';
  try {
    host = new URL(url.replace(/^udp:/, 'http:')).hostname;
  } catch {
    return undefined;
  }
  const first = host.split('.')[0];
  return ctx.cluster.list('Service').find((s) => s.spec?.clusterIP === host || (s.metadata.name === first && !/^\d/.test(host)));
}
