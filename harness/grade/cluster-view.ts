import type { KubeObject } from '../core/kube.ts';
import type { ClusterSnapshot, ClusterView } from '../core/result.ts';
import type { Cluster, SettleResult } from '../engine/types.ts';
import { describePod, getEvents, getNodes, getPods, getServices, summarizePod } from '../kubectl/index.ts';
import { formatLabels } from '../checks/explain-service.ts';

/** Captures the settled cluster for reports: kubectl tables, describe of unhealthy Pods, and a data snapshot. */
export function captureClusterView(cluster: Cluster, settle: SettleResult): ClusterView {
  const now = cluster.timestamp();
  // Only read here: the stored objects themselves when the cluster offers them, without a copy each.
  const list = (kind: string, namespace?: string): KubeObject[] => (cluster.peekList ? (cluster.peekList(kind, namespace) as KubeObject[]) : cluster.list(kind, namespace));
  const pods = list('Pod', 'default');
  const events = cluster.events();
  const services = list('Service', 'default');
  const view: ClusterView = {
    settled: settle.settled,
    time: Math.round(settle.time / 1000),
    pods: pods.length ? getPods(pods, { now, wide: true }).stdout : 'No resources found in default namespace.\n',
    nodes: getNodes(list('Node'), { now }).stdout,
    events: getEvents(events, { now }).stdout || 'No events found in default namespace.\n',
  };
  const learnerServices = services.filter((s) => s.metadata.name !== 'kubernetes');
  if (learnerServices.length > 0) view.services = getServices(services, { now, wide: true }).stdout;
  const unhealthy = pods.filter((p) => summarizePod(p, now).status !== 'Running' || !isReady(p));
  if (unhealthy.length > 0) view.describes = unhealthy.map((p) => ({ name: p.metadata.name ?? '', text: describePod(p, events, { now }).stdout }));
  view.snapshot = snapshot(cluster, list, pods, services, events, now);
  return view;
}

function snapshot(cluster: Cluster, list: (kind: string, namespace?: string) => KubeObject[], pods: KubeObject[], services: KubeObject[], events: KubeObject[], now: string): ClusterSnapshot {
  const start = Date.parse(now) - cluster.now;
  return {
    nodes: list('Node').map((n) => ({
      name: n.metadata.name ?? '',
      ready: ((n.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === 'Ready' && c.status === 'True'),
      pods: pods.filter((p) => p.spec?.nodeName === n.metadata.name).map((p) => p.metadata.name ?? ''),
    })),
    pods: pods.map((p) => {
      const sum = summarizePod(p, now);
      return {
        name: p.metadata.name ?? '',
        namespace: p.metadata.namespace ?? 'default',
        ...(typeof p.spec?.nodeName === 'string' ? { node: p.spec.nodeName } : {}),
        status: sum.status,
        ready: sum.ready,
        ...(typeof p.status?.podIP === 'string' ? { ip: p.status.podIP } : {}),
        labels: formatLabels(p.metadata.labels),
      };
    }),
    services: services
      .filter((s) => s.metadata.name !== 'kubernetes')
      .map((s) => {
        const slices = list('EndpointSlice', s.metadata.namespace).filter((e) => e.metadata.labels?.['kubernetes.io/service-name'] === s.metadata.name);
        const endpoints = slices.flatMap((slice) =>
          ((slice.endpoints ?? []) as { addresses?: string[]; conditions?: { ready?: boolean }; targetRef?: { kind?: string; name?: string } }[]).flatMap((ep) =>
            (ep.addresses ?? []).map((address) => ({ address, ...(ep.targetRef?.kind === 'Pod' && ep.targetRef.name ? { pod: ep.targetRef.name } : {}), ready: ep.conditions?.ready !== false })),
          ),
        );
        const ports = ((s.spec?.ports ?? []) as { port?: number; nodePort?: number; protocol?: string }[])
          .map((p) => `${p.port ?? ''}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`)
          .join(',');
        return {
          name: s.metadata.name ?? '',
          namespace: s.metadata.namespace ?? 'default',
          type: String(s.spec?.type ?? 'ClusterIP'),
          ...(typeof s.spec?.clusterIP === 'string' ? { clusterIP: s.spec.clusterIP } : {}),
          ports,
          selector: formatLabels(s.spec?.selector),
          endpoints,
        };
      }),
    events: events.map((e) => {
      const io = (e.involvedObject ?? {}) as { kind?: string; name?: string };
      const last = typeof e.lastTimestamp === 'string' ? Date.parse(e.lastTimestamp) : start;
      return {
        seconds: Math.max(0, Math.round((last - start) / 1000)),
        type: String(e.type ?? 'Normal'),
        reason: String(e.reason ?? ''),
        object: `${(io.kind ?? '').toLowerCase()}/${io.name ?? ''}`,
        message: String(e.message ?? ''),
        count: typeof e.count === 'number' ? e.count : 1,
      };
    }),
  };
}

function isReady(pod: KubeObject): boolean {
  return ((pod.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === 'Ready' && c.status === 'True');
}
