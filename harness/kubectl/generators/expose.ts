import type { KubeObject } from '../../core/kube.ts';
import type { GeneratorInput, GeneratorResult } from './types.ts';
import { flagValue } from './types.ts';

const PREFIX = "error: couldn't retrieve selectors via --selector flag or introspection: ";

/** Builds the Service of `kubectl expose <kind> NAME` from the already-fetched source object (§8). */
export function exposeObject(input: GeneratorInput, source: KubeObject): GeneratorResult {
  const kind = typeof source?.kind === 'string' ? source.kind : '';
  const srcMeta = isRecord(source?.metadata) ? source.metadata : {};
  const srcName = typeof srcMeta.name === 'string' ? srcMeta.name : '';
  const selectorFlag = flagValue(input, 'selector');
  let selector: Record<string, string>;
  if (selectorFlag !== undefined && selectorFlag !== '') {
    const parsed = parseMap(selectorFlag);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    selector = parsed;
  } else {
    const found = introspectSelector(kind, source);
    if (typeof found === 'string') return { ok: false, error: PREFIX + found };
    selector = found;
  }
  const ports = portsFor(kind, source, input);
  if (typeof ports === 'string') return { ok: false, error: ports };
  if (ports.length === 0) return { ok: false, error: "error: couldn't find port via --port flag or introspection" };
  // kubectl sends --type unchecked (`nodeport` is rejected by the API server, not by kubectl).
  const typeFlag = flagValue(input, 'type') ?? '';
  const labelsFlag = flagValue(input, 'labels');
  let labels: Record<string, string> | undefined;
  if (labelsFlag !== undefined && labelsFlag !== '') {
    const parsed = parseMap(labelsFlag);
    if (typeof parsed === 'string') return { ok: false, error: parsed };
    labels = parsed;
  } else if (isRecord(srcMeta.labels) && Object.keys(srcMeta.labels).length > 0) {
    // expose re-uses the source object's labels when --labels is not given.
    labels = stringMap(srcMeta.labels);
  }
  const metadata: KubeObject['metadata'] = { name: flagValue(input, 'name') || srcName };
  const ns = flagValue(input, 'namespace');
  if (ns) metadata.namespace = ns;
  if (labels) metadata.labels = labels;
  // Field order follows the Go ServiceSpec struct, as kubectl's JSON output does.
  const spec: Record<string, unknown> = { ports, selector };
  const clusterIP = flagValue(input, 'cluster-ip');
  if (clusterIP) spec['clusterIP'] = clusterIP;
  if (typeFlag !== '') spec['type'] = typeFlag;
  const externalIP = flagValue(input, 'external-ip');
  if (externalIP) spec['externalIPs'] = [externalIP];
  const affinity = flagValue(input, 'session-affinity');
  if (affinity) spec['sessionAffinity'] = affinity;
  const lbIP = flagValue(input, 'load-balancer-ip');
  if (lbIP) spec['loadBalancerIP'] = lbIP;
  return { ok: true, objects: [{ kind: 'Service', apiVersion: 'v1', metadata, spec, status: { loadBalancer: {} } }] };
}

function introspectSelector(kind: string, source: KubeObject): Record<string, string> | string {
  const spec: Record<string, unknown> = isRecord(source?.spec) ? source.spec : {};
  switch (kind) {
    case 'Pod': {
      const labels = isRecord(source.metadata?.labels) ? stringMap(source.metadata.labels) : {};
      if (Object.keys(labels).length === 0) return 'the pod has no labels and cannot be exposed';
      return labels;
    }
    case 'Service': {
      const sel = isRecord(spec['selector']) ? stringMap(spec['selector']) : {};
      if (Object.keys(sel).length === 0) return 'the service has no pod selector set';
      return sel;
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const sel = isRecord(spec['selector']) ? spec['selector'] : {};
      const exprs = Array.isArray(sel['matchExpressions']) ? sel['matchExpressions'] : [];
      if (exprs.length > 0) return `couldn't convert expressions - "${goRequirements(exprs)}" to map-based selector format`;
      return isRecord(sel['matchLabels']) ? stringMap(sel['matchLabels']) : {};
    }
    default:
      return `cannot extract pod selector from ${kind}`;
  }
}

/**
 * Lists the service ports as kubectl 1.34 does: one entry per distinct port number (first-seen order), and
 * one entry per protocol when the source uses that number with several protocols (duplicates included).
 */
function portsFor(kind: string, source: KubeObject, input: GeneratorInput): Record<string, unknown>[] | string {
  const protocolFlag = flagValue(input, 'protocol') ?? '';
  const targetFlag = flagValue(input, 'target-port') ?? '';
  const portFlag = flagValue(input, 'port') ?? '';
  const introspected = introspectPorts(kind, source);
  const protocolsByPort = new Map<string, string[]>();
  const portStrings: string[] = [];
  for (const p of introspected) {
    const key = String(p.port);
    if (!protocolsByPort.has(key)) {
      protocolsByPort.set(key, []);
      portStrings.push(key);
    }
    protocolsByPort.get(key)!.push(p.protocol);
  }
  const wanted = portFlag !== '' ? portFlag.split(',') : portStrings;
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const text = wanted[i]!;
    if (!/^[+-]?[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text))) {
      return `error: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`;
    }
    const port = Number(text);
    const protocols = protocolFlag !== '' ? [protocolFlag] : (protocolsByPort.get(String(port)) ?? ['TCP']);
    for (const protocol of protocols) {
      const entry: Record<string, unknown> = {};
      if (protocols.length > 1) entry['name'] = `port-${i + 1}-${protocol.toLowerCase()}`;
      else if (wanted.length > 1) entry['name'] = `port-${i + 1}`;
      entry['protocol'] = protocol;
      entry['port'] = port;
      entry['targetPort'] = targetFlag !== '' ? intOrString(targetFlag) : port;
      out.push(entry);
    }
  }
  return out;
}

function introspectPorts(kind: string, source: KubeObject): { port: number; protocol: string }[] {
  const spec: Record<string, unknown> = isRecord(source?.spec) ? source.spec : {};
  let raw: { port: unknown; protocol: unknown }[] = [];
  if (kind === 'Service') {
    const ports = Array.isArray(spec['ports']) ? spec['ports'] : [];
    raw = ports.filter(isRecord).map((p) => ({ port: p['port'], protocol: p['protocol'] }));
  } else {
    const template = isRecord(spec['template']) ? spec['template'] : {};
    const podSpec = kind === 'Pod' ? spec : isRecord(template['spec']) ? template['spec'] : {};
    const containers = Array.isArray(podSpec['containers']) ? podSpec['containers'] : [];
    raw = containers
      .filter(isRecord)
      .flatMap((c) => (Array.isArray(c['ports']) ? c['ports'] : []))
      .filter(isRecord)
      .map((p) => ({ port: p['containerPort'], protocol: p['protocol'] }));
  }
  const out: { port: number; protocol: string }[] = [];
  for (const p of raw) {
    if (typeof p.port !== 'number' || !Number.isFinite(p.port)) continue;
    out.push({ port: p.port, protocol: typeof p.protocol === 'string' && p.protocol !== '' ? p.protocol : 'TCP' });
  }
  return out;
}

/** Formats label selector requirements as Go's `%+v` does (`[{Key:tier Operator:In Values:[fe]}]`). */
function goRequirements(exprs: unknown[]): string {
  const one = (e: unknown): string => {
    const r = isRecord(e) ? e : {};
    const values = Array.isArray(r['values']) ? r['values'].map(String).join(' ') : '';
    return `{Key:${String(r['key'] ?? '')} Operator:${String(r['operator'] ?? '')} Values:[${values}]}`;
  };
  return `[${exprs.map(one).join(' ')}]`;
}

function parseMap(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const part of text.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) return `error: unexpected label spec: ${part}`;
    out[kv[0]!.trim()] = kv[1]!.trim();
  }
  return stringMap(out);
}

function intOrString(s: string): number | string {
  return /^[0-9]+$/.test(s) && Number(s) <= 2147483647 ? Number(s) : s;
}

function stringMap(v: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(v).sort()) out[k] = String(v[k]);
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const KIND_ALIASES: Record<string, string> = {
  pod: 'Pod', pods: 'Pod', po: 'Pod',
  service: 'Service', services: 'Service', svc: 'Service',
  deployment: 'Deployment', deployments: 'Deployment', deploy: 'Deployment',
  'deployment.apps': 'Deployment', 'deployments.apps': 'Deployment',
  replicaset: 'ReplicaSet', replicasets: 'ReplicaSet', rs: 'ReplicaSet',
  'replicaset.apps': 'ReplicaSet', 'replicasets.apps': 'ReplicaSet',
};

/** Resolves the `TYPE NAME` or `TYPE/NAME` arguments of `kubectl expose` to the kind and name to fetch. */
export function exposeTarget(args: readonly string[]): { kind: string; name: string } | { error: string } {
  let type: string | undefined;
  let name: string | undefined;
  if (args.length === 1 && !args[0]!.includes('/')) return { error: 'error: resource(s) were provided, but no name was specified' };
  if (args.length === 1 && args[0]!.includes('/')) {
    const at = args[0]!.indexOf('/');
    type = args[0]!.slice(0, at);
    name = args[0]!.slice(at + 1);
  } else if (args.length === 2) {
    type = args[0];
    name = args[1];
  }
  if (type === undefined || name === undefined || name === '') {
    return {
      error:
        'error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n' +
        "   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'",
    };
  }
  const kind = KIND_ALIASES[type.toLowerCase()];
  if (kind === undefined) return { error: `error: the server doesn't have a resource type "${type}"` };
  return { kind, name };
}
