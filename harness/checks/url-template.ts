import type { Cluster } from '../engine/types.ts';

/**
 * Fills placeholders in a check's URL with values the cluster allocated, so an exercise can name
 * a NodePort or IP it cannot know in advance: `{nodePort:hello-svc}`, `{nodePort:web:http}`,
 * `{clusterIP:web}`, `{loadBalancerIP:web}`, `{podIP:hello-pod}`, `{nodeIP:node-1}`.
 * Returns the URL, or why a placeholder cannot be filled (in words for the learner).
 */
export function fillUrl(url: string, cluster: Cluster, namespace = 'default'): { ok: true; url: string } | { ok: false; reason: string } {
  let failure: string | undefined;
  const filled = url.replace(/\{(nodePort|clusterIP|loadBalancerIP|podIP|nodeIP):([a-z0-9.-]+)(?::([a-z0-9-]+|\d+))?\}/g, (_m, what: string, name: string, port?: string) => {
    const value = lookup(what, name, port);
    if (value === undefined) failure ??= describeMissing(what, name, port);
    return value ?? '';
  });
  return failure ? { ok: false, reason: failure } : { ok: true, url: filled };

  function lookup(what: string, name: string, port?: string): string | undefined {
    if (what === 'podIP') return cluster.get({ kind: 'Pod', namespace, name })?.status?.podIP as string | undefined;
    if (what === 'nodeIP') {
      const node = cluster.get({ kind: 'Node', namespace: '', name });
      return (node?.status?.addresses as { type: string; address: string }[] | undefined)?.find((a) => a.type === 'InternalIP')?.address;
    }
    const svc = cluster.get({ kind: 'Service', namespace, name });
    if (!svc) return undefined;
    if (what === 'clusterIP') return typeof svc.spec?.clusterIP === 'string' && svc.spec.clusterIP !== 'None' ? svc.spec.clusterIP : undefined;
    if (what === 'loadBalancerIP') return (svc.status?.loadBalancer?.ingress as { ip?: string }[] | undefined)?.[0]?.ip;
    const ports = (svc.spec?.ports ?? []) as { name?: string; port?: number; nodePort?: number }[];
    const p = port === undefined ? ports[0] : ports.find((x) => x.name === port || String(x.port) === port);
    return p?.nodePort !== undefined ? String(p.nodePort) : undefined;
  }

  function describeMissing(what: string, name: string, port?: string): string {
    if (what === 'podIP') return `Pod "${name}" does not exist or has no IP yet`;
    if (what === 'nodeIP') return `node "${name}" does not exist`;
    if (!cluster.get({ kind: 'Service', namespace, name })) return `Service "${name}" does not exist`;
    if (what === 'clusterIP') return `Service "${name}" has no ClusterIP (headless or ExternalName)`;
    if (what === 'loadBalancerIP') {
      const type = cluster.get({ kind: 'Service', namespace, name })?.spec?.type;
      return type === 'LoadBalancer'
        ? `Service "${name}" has no external IP yet: EXTERNAL-IP is <pending> (no load balancer has given it an address)`
        : `Service "${name}" is of type ${String(type ?? 'ClusterIP')}, not LoadBalancer: it gets no external IP (EXTERNAL-IP is <none>)`;
    }
    return `Service "${name}" has no nodePort${port ? ` for port ${port}` : ''} (is its type NodePort or LoadBalancer?)`;
  }
}
