import type { ContainerRuntime, PodRuntime, ProbeState } from './kubelet-runtime.ts';
import { answerHttp, CONNECTION_REFUSED, listenerFor } from './pod-network.ts';
import { asInt, asList, asMap } from './util.ts';

/** Reads a probe timing field with its default. */
export function probeNumber(spec: Record<string, unknown>, key: string, fallback: number): number {
  const n = asInt(spec[key]);
  return n !== undefined && n >= 0 ? n : fallback;
}

function resolvePort(port: unknown, container: Record<string, unknown>): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string' && /^\d+$/.test(port)) return Number(port);
  const named = asList(container.ports).map(asMap).find((p) => p?.name === port);
  return typeof named?.containerPort === 'number' ? named.containerPort : undefined;
}

/** Runs one probe against the pod's own network namespace: ok, or the failure text the kubelet logs. */
export function runProbe(probe: ProbeState, rt: PodRuntime, container: ContainerRuntime): { ok: boolean; message?: string } {
  const ip = rt.ip ?? '';
  const http = asMap(probe.spec.httpGet);
  if (http) {
    const port = resolvePort(http.port, container.spec);
    const path = typeof http.path === 'string' && http.path !== '' ? http.path : '/';
    const scheme = String(http.scheme ?? 'HTTP').toLowerCase();
    const url = `${scheme}://${ip}:${port ?? String(http.port)}${path}`;
    const listener = port !== undefined ? listenerFor(rt, port) : undefined;
    if (!listener) return { ok: false, message: `Get "${url}": dial tcp ${ip}:${port ?? String(http.port)}: ${CONNECTION_REFUSED}` };
    const answer = answerHttp(listener.behavior, path);
    return answer.status >= 200 && answer.status < 400 ? { ok: true } : { ok: false, message: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  const tcp = asMap(probe.spec.tcpSocket);
  if (tcp) {
    const port = resolvePort(tcp.port, container.spec);
    if (port !== undefined && listenerFor(rt, port)) return { ok: true };
    return { ok: false, message: `dial tcp ${ip}:${port ?? String(tcp.port)}: ${CONNECTION_REFUSED}` };
  }
  // exec and grpc handlers are not simulated: they succeed.
  return { ok: true };
}

/** Creates probe states for a container run that starts at `start` (ms). */
export function initialProbes(spec: Record<string, unknown>, start: number): ProbeState[] {
  const out: ProbeState[] = [];
  const kinds: [string, ProbeState['kind']][] = [
    ['startupProbe', 'Startup'],
    ['livenessProbe', 'Liveness'],
    ['readinessProbe', 'Readiness'],
  ];
  for (const [key, kind] of kinds) {
    const p = asMap(spec[key]);
    if (!p) continue;
    out.push({ kind, spec: p, result: kind === 'Liveness', successes: 0, failures: 0, nextAt: start + probeNumber(p, 'initialDelaySeconds', 0) * 1000 });
  }
  return out;
}
