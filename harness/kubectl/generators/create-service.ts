import type { GeneratorInput, GeneratorResult } from './types.ts';
import { exactlyOneName, flagValue, flagValues, intFlag, meta } from './types.ts';

const TYPES: Record<string, string> = {
  'create service clusterip': 'ClusterIP',
  'create service nodeport': 'NodePort',
  'create service loadbalancer': 'LoadBalancer',
};

/** Builds the Service of `kubectl create service clusterip|nodeport|loadbalancer NAME --tcp=port[:targetPort] …`. */
export function createService(input: GeneratorInput): GeneratorResult {
  const type = TYPES[input.verb];
  if (type === undefined) return { ok: false, error: `error: ${input.verb} is not supported here` };
  if (input.args.length !== 1) return exactlyOneName(input);
  const name = input.args[0]!;
  const clusterIP = type === 'ClusterIP' ? flagValue(input, 'clusterip') : undefined;
  const tcp = flagValues(input, 'tcp');
  if (tcp.length === 0 && clusterIP !== 'None') {
    return { ok: false, error: 'error: at least one tcp port specifier must be provided' };
  }
  const nodePort = type === 'NodePort' ? intFlag(input, 'node-port', 0) : 0;
  const ports: Record<string, unknown>[] = [];
  for (const spec of tcp) {
    const parts = spec.split(':');
    const port = parseUint16(parts[0]!);
    if (typeof port === 'string') return { ok: false, error: `error: ${port}` };
    const targetRaw = parts.length > 1 ? parts[1]! : undefined;
    const targetPort = targetRaw === undefined ? port : intOrString(targetRaw);
    const p: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port, targetPort };
    if (nodePort !== 0) p['nodePort'] = nodePort;
    ports.push(p);
  }
  const labels = { app: name };
  const spec: Record<string, unknown> = {};
  if (ports.length > 0) spec['ports'] = ports;
  spec['selector'] = { ...labels };
  if (clusterIP !== undefined && clusterIP !== '') spec['clusterIP'] = clusterIP;
  spec['type'] = type;
  return {
    ok: true,
    objects: [{ kind: 'Service', apiVersion: 'v1', metadata: meta(name, input, labels), spec, status: { loadBalancer: {} } }],
  };
}

/** Parses like Go's strconv.ParseUint(s, 10, 16), returning its error text on failure. */
function parseUint16(s: string): number | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/** Mirrors intstr.Parse: a base-10 int32 becomes a number, anything else stays a string. */
function intOrString(s: string): number | string {
  if (/^[+-]?[0-9]+$/.test(s)) {
    const n = Number(s);
    if (n >= -2147483648 && n <= 2147483647) return n;
  }
  return s;
}
