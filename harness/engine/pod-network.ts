import type { ImageBehavior, ImagePort } from './types.ts';
import type { ContainerRuntime, PodRuntime } from './kubelet-runtime.ts';
import { asList, asMap } from './util.ts';

export const CONNECTION_REFUSED = 'connect: connection refused';
export const NO_ROUTE = 'connect: no route to host';
export const TIMED_OUT = 'connect: connection timed out';
/** What `nc -u` sees when nothing answers a datagram (the ICMP port-unreachable surfaces on read). */
export const UDP_NO_ANSWER = 'read: connection refused';

/** Resolves the ports an image listens on for a container (an env var may override a port). */
export function listeningPorts(behavior: ImageBehavior, container: Record<string, unknown>): { port: number; protocol: 'TCP' | 'UDP' }[] {
  const env = new Map<string, string>();
  for (const raw of asList(container.env)) {
    const e = asMap(raw);
    if (e && typeof e.name === 'string' && e.value !== undefined) env.set(e.name, String(e.value));
  }
  return behavior.listens.map((p: ImagePort) => {
    const override = p.env !== undefined ? env.get(p.env) : undefined;
    const n = override !== undefined && /^\d+$/.test(override.trim()) ? Number(override) : NaN;
    return { port: Number.isInteger(n) && n >= 1 && n <= 65535 ? n : p.port, protocol: p.protocol };
  });
}

/** Finds the running, listening container of a pod that serves a port (containers share one network namespace). */
export function listenerFor(rt: PodRuntime, port: number, protocol: 'TCP' | 'UDP' = 'TCP'): ContainerRuntime | undefined {
  return rt.containers.find((c) => c.stage === 'running' && c.listening && c.ports.some((p) => p.port === port && p.protocol === protocol));
}

/** Answers an HTTP GET from an image's routes; unknown paths give 404 `Not Found`. */
export function answerHttp(behavior: ImageBehavior | undefined, path: string): { status: number; body: string } {
  const clean = path.split('?')[0] || '/';
  const route = behavior?.http.find((r) => r.path === clean);
  return route ? { status: route.status, body: route.body } : { status: 404, body: 'Not Found' };
}

/** Answers a UDP datagram: the image's fixed reply, else an echo of the payload (the URL path without its `/`). */
export function answerUdp(behavior: ImageBehavior | undefined, path: string): string {
  if (behavior?.udp) return behavior.udp.reply;
  const raw = path.replace(/^\//, '').split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}
