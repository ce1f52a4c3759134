import type { KubeObject } from '../../core/kube.ts';
import type { Controller } from '../controllers/registry.ts';
import { asList, asMap } from '../util.ts';
import { expandPool } from './ipv4.ts';
import { serviceType } from './service-model.ts';

export const LB_COMPONENT = 'service-controller';
export const EVENT_ENSURING = { reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer' };
export const EVENT_ENSURED = { reason: 'EnsuredLoadBalancer', message: 'Ensured load balancer' };
export const EVENT_DELETING = { reason: 'DeletingLoadBalancer', message: 'Deleting load balancer' };
export const EVENT_DELETED = { reason: 'DeletedLoadBalancer', message: 'Deleted load balancer' };
export const EVENT_FAILED = { reason: 'SyncLoadBalancerFailed', message: 'Error syncing load balancer: failed to ensure load balancer: no available IPs in the load-balancer pool' };

/** Reads the IPs in a Service's status.loadBalancer.ingress. */
export function ingressIps(svc: KubeObject | undefined): string[] {
  return asList(asMap(asMap(svc?.status)?.loadBalancer)?.ingress)
    .map((i) => asMap(i)?.ip)
    .filter((ip): ip is string => typeof ip === 'string' && ip !== '');
}

/** Creates the cloud load-balancer controller: LoadBalancer Services get the next free IP of the pool (ipMode VIP). */
export function createLoadBalancerController(pool: readonly string[] | undefined): Controller {
  const ips = expandPool(pool);
  return {
    name: 'service-controller',
    for: 'Service',
    // A released IP lets a pending LoadBalancer Service take it.
    onChange(entry, enqueue, ctx) {
      if (entry.object.kind !== 'Service' || ips.length === 0 || (entry.type === 'ADDED' && ingressIps(entry.object).length === 0)) return;
      for (const s of ctx.store.list('Service')) {
        if (s.metadata.uid !== entry.object.metadata.uid && serviceType(s.spec) === 'LoadBalancer' && ingressIps(s).length === 0) enqueue({ kind: 'Service', namespace: s.metadata.namespace ?? 'default', name: s.metadata.name ?? '' });
      }
    },
    reconcile(req, ctx) {
      const svc = ctx.store.get(req);
      if (!svc || ips.length === 0) return;
      const spec = asMap(svc.spec);
      const current = ingressIps(svc);
      const wantsLb = serviceType(spec) === 'LoadBalancer' && (spec?.loadBalancerClass === undefined || spec.loadBalancerClass === null);
      if (!wantsLb) {
        if (current.length === 0 || !current.every((ip) => ips.includes(ip))) return;
        ctx.events.record(svc, { type: 'Normal', ...EVENT_DELETING, component: LB_COMPONENT });
        ctx.store.update({ ...svc, status: { ...(asMap(svc.status) ?? {}), loadBalancer: {} } });
        ctx.events.record(svc, { type: 'Normal', ...EVENT_DELETED, component: LB_COMPONENT });
        return;
      }
      const taken = new Set<string>();
      for (const other of ctx.store.list('Service')) if (other.metadata.uid !== svc.metadata.uid) for (const ip of ingressIps(other)) taken.add(ip);
      const requested = typeof spec?.loadBalancerIP === 'string' && spec.loadBalancerIP !== '' ? spec.loadBalancerIP : undefined;
      const keep = current.length === 1 && ips.includes(current[0]!) && !taken.has(current[0]!) && (requested === undefined || requested === current[0]);
      const ingress = asList(asMap(asMap(svc.status)?.loadBalancer)?.ingress);
      if (keep && asMap(ingress[0])?.ipMode === 'VIP') return;
      const ip = keep ? current[0] : requested !== undefined ? (ips.includes(requested) && !taken.has(requested) ? requested : undefined) : ips.find((x) => !taken.has(x));
      ctx.events.record(svc, { type: 'Normal', ...EVENT_ENSURING, component: LB_COMPONENT });
      if (ip === undefined) {
        ctx.events.record(svc, { type: 'Warning', ...EVENT_FAILED, component: LB_COMPONENT });
        return;
      }
      ctx.store.update({ ...svc, status: { ...(asMap(svc.status) ?? {}), loadBalancer: { ingress: [{ ip, ipMode: 'VIP' }] } } });
      ctx.events.record(svc, { type: 'Normal', ...EVENT_ENSURED, component: LB_COMPONENT });
    },
  };
}
