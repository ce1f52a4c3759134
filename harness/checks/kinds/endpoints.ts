import type { KubeObject } from '../../core/kube.ts';
import type { CheckKind } from '../types.ts';
import { explainService } from '../explain-service.ts';
import { missingObject } from '../missing-object.ts';

export interface EndpointsParams {
  service: string;
  namespace?: string;
  /** Exactly these Pods must be ready endpoints (order does not matter). */
  pods?: string[];
  /** Exactly this many ready endpoints. */
  count?: number;
  /** Every ready endpoint must use this port (the resolved targetPort). */
  port?: number;
  /** Addresses (IPs) that must be among the endpoints (selector-less Services). */
  addresses?: string[];
}

interface SliceEndpoint {
  addresses?: string[];
  conditions?: { ready?: boolean };
  targetRef?: { kind?: string; name?: string };
}

/** The Service's ready endpoints (from its EndpointSlices, as kube-proxy reads them) are exactly the expected Pods. */
export const endpointsCheck: CheckKind<EndpointsParams> = {
  name: 'endpoints',
  description: 'a Service\'s ready endpoints are exactly the given Pods (or count, port, addresses), read from its EndpointSlices',
  schema: {
    type: 'object',
    required: ['service'],
    additionalProperties: false,
    properties: {
      service: { type: 'string', minLength: 1 },
      namespace: { type: 'string', minLength: 1 },
      pods: { type: 'array', items: { type: 'string' } },
      count: { type: 'integer', minimum: 0 },
      port: { type: 'integer', minimum: 1, maximum: 65535 },
      addresses: { type: 'array', items: { type: 'string' }, minItems: 1 },
    },
  },
  run(params, ctx) {
    const namespace = params.namespace ?? 'default';
    const ref = { kind: 'Service', namespace, name: params.service };
    const svc = ctx.cluster.get(ref);
    if (!svc) return missingObject(ref, ctx);
    const slices = ctx.cluster.list('EndpointSlice', namespace).filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === params.service);
    const ready = readyEndpoints(slices);
    const podNames = [...new Set(ready.map((e) => e.pod).filter((p): p is string => p !== undefined))].sort();
    const problems: string[] = [];
    if (params.pods) {
      const want = [...params.pods].sort();
      if (JSON.stringify(want) !== JSON.stringify(podNames)) {
        problems.push(`its ready endpoints are ${podNames.length ? podNames.join(', ') : 'none'}, expected ${want.join(', ') || 'none'}`);
      }
    }
    if (params.count !== undefined && ready.length !== params.count) problems.push(`it has ${ready.length} ready endpoint${ready.length === 1 ? '' : 's'}, expected ${params.count}`);
    if (params.port !== undefined) {
      const wrong = ready.filter((e) => !e.ports.includes(params.port!));
      if (wrong.length > 0 || ready.length === 0) {
        const seen = [...new Set(ready.flatMap((e) => e.ports))].sort((a, b) => a - b);
        problems.push(`its endpoints use port ${seen.length ? seen.join(', ') : 'none'}, expected ${params.port}`);
      }
    }
    for (const address of params.addresses ?? []) {
      if (!ready.some((e) => e.address === address)) problems.push(`${address} is not among its ready endpoints`);
    }
    if (problems.length === 0) return { status: 'passed' };
    const why = explainService(svc, ctx.cluster.list('Pod', namespace));
    const portBlame = params.port !== undefined && problems.some((p) => p.startsWith('its endpoints use port'));
    const field = portBlame ? 'spec.ports[0].targetPort' : why.field;
    return {
      status: 'failed',
      message: `Service "${params.service}": ${problems.join('; ')}. ${why.summary}`,
      location: ctx.sources.locate(ref, field) ?? ctx.sources.locate(ref),
      ...(why.hint ? { hint: why.hint } : {}),
    };
  },
};

/** Reads the ready endpoints of a Service's EndpointSlices: address, the Pod behind it, and the slice's ports. */
export function readyEndpoints(slices: readonly KubeObject[]): { address: string; pod?: string; ports: number[] }[] {
  const out: { address: string; pod?: string; ports: number[] }[] = [];
  for (const slice of slices) {
    const ports = ((slice.ports ?? []) as { port?: number }[]).map((p) => p.port).filter((p): p is number => typeof p === 'number');
    for (const ep of (slice.endpoints ?? []) as SliceEndpoint[]) {
      if (ep.conditions?.ready === false) continue;
      for (const address of ep.addresses ?? []) {
        out.push({ address, ...(ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? { pod: ep.targetRef.name } : {}), ports });
      }
    }
  }
  return out;
}
