import type { CheckKind } from '../types.ts';
import { execProblem } from '../exec-source.ts';

export interface DnsParams {
  from: 'outside' | { pod: string; namespace?: string };
  name: string;
  /** The answer must be this Service's ClusterIP. */
  service?: string;
  /** The answers must be exactly these Pods' IPs (headless Services). */
  pods?: string[];
  /** The answer must be a CNAME to this name (ExternalName Services). */
  cname?: string;
  /** With false: the name must NOT resolve. Default true. */
  resolves?: boolean;
}

/** A DNS lookup (as `nslookup` in a Pod would do it) gives the expected answer. */
export const dnsCheck: CheckKind<DnsParams> = {
  name: 'dns',
  description: 'a name looked up from a Pod resolves to a Service\'s ClusterIP, to given Pods\' IPs (headless), to a CNAME, or does not resolve',
  schema: {
    type: 'object',
    required: ['from', 'name'],
    additionalProperties: false,
    properties: {
      from: {
        oneOf: [
          { const: 'outside' },
          { type: 'object', required: ['pod'], additionalProperties: false, properties: { pod: { type: 'string' }, namespace: { type: 'string' } } },
        ],
      },
      name: { type: 'string', minLength: 1 },
      service: { type: 'string' },
      pods: { type: 'array', items: { type: 'string' } },
      cname: { type: 'string' },
      resolves: { type: 'boolean' },
    },
  },
  run(params, ctx) {
    const ns = params.from === 'outside' ? 'default' : (params.from.namespace ?? 'default');
    const what = `nslookup ${params.name}${params.from === 'outside' ? ' from outside the cluster' : ` from ${params.from.pod}`}`;
    if (params.from !== 'outside') {
      const cannot = execProblem(params.from, ctx);
      if (cannot) {
        const ref = { kind: 'Pod', namespace: ns, name: params.from.pod };
        return { status: 'failed', message: `${what} could not run: ${cannot.message}`, location: ctx.sources.locate(ref, cannot.field) ?? ctx.sources.locate(ref) };
      }
    }
    const res = ctx.cluster.resolve({ from: params.from }, params.name);
    if (params.resolves === false) {
      return res.ok ? { status: 'failed', message: `${what} resolved to ${res.answers.join(', ')}, expected no answer` } : { status: 'passed' };
    }
    if (!res.ok) return { status: 'failed', message: `${what} failed: ${res.error ?? 'no answer'}` };
    let expected: string[] | undefined;
    if (params.service) {
      const svc = ctx.cluster.get({ kind: 'Service', namespace: ns, name: params.service });
      if (!svc) return { status: 'failed', message: `${what}: Service "${params.service}" does not exist` };
      expected = [String(svc.spec?.clusterIP)];
    } else if (params.pods) {
      expected = params.pods.map((p) => String(ctx.cluster.get({ kind: 'Pod', namespace: ns, name: p })?.status?.podIP ?? `<no IP for ${p}>`)).sort();
    } else if (params.cname) {
      expected = [params.cname];
    }
    if (expected && JSON.stringify([...res.answers].sort()) !== JSON.stringify([...expected].sort())) {
      return { status: 'failed', message: `${what} answered ${res.answers.join(', ') || 'nothing'}, expected ${expected.join(', ')}` };
    }
    return { status: 'passed' };
  },
};
