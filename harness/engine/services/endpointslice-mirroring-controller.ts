import type { KubeObject } from '../../core/kube.ts';
import type { Controller, ControllerContext } from '../controllers/registry.ts';
import { refOf } from '../store.ts';
import { asInt, asList, asMap, deepEqual } from '../util.ts';
import { MANAGED_BY_LABEL, SERVICE_NAME_LABEL } from './endpoint-model.ts';
import { parseIPv4 } from './ipv4.ts';
import { selectorOf } from './service-model.ts';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
export const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** `--mirroring-max-endpoints-per-subset` default. */
export const MAX_MIRRORED_PER_SUBSET = 1000;

function mirroredSlices(ctx: ControllerContext, ns: string, name: string): KubeObject[] {
  return ctx.store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === MIRRORING_CONTROLLER);
}

function mirrorAddress(raw: unknown, ready: boolean): Record<string, unknown> | undefined {
  const a = asMap(raw);
  if (!a || parseIPv4(a.ip) === undefined) return undefined;
  const e: Record<string, unknown> = { addresses: [a.ip], conditions: { ready } };
  if (typeof a.hostname === 'string' && a.hostname !== '') e.hostname = a.hostname;
  if (typeof a.nodeName === 'string' && a.nodeName !== '') e.nodeName = a.nodeName;
  if (asMap(a.targetRef)) e.targetRef = a.targetRef;
  return e;
}

/** Converts each Endpoints subset into the content of one mirrored EndpointSlice. */
export function mirrorSubsets(ep: KubeObject): { ports: Record<string, unknown>[]; endpoints: Record<string, unknown>[] }[] {
  return asList(ep.subsets).flatMap((raw) => {
    const s = asMap(raw);
    if (!s) return [];
    const endpoints = [
      ...asList(s.addresses).map((a) => mirrorAddress(a, true)),
      ...asList(s.notReadyAddresses).map((a) => mirrorAddress(a, false)),
    ].filter((e): e is Record<string, unknown> => e !== undefined);
    if (endpoints.length === 0) return [];
    const ports = asList(s.ports).flatMap((p) => {
      const m = asMap(p);
      const port = asInt(m?.port);
      if (!m || port === undefined) return [];
      return [{ name: typeof m.name === 'string' ? m.name : '', port, protocol: typeof m.protocol === 'string' && m.protocol !== '' ? m.protocol : 'TCP' }];
    });
    return [{ ports, endpoints: endpoints.slice(0, MAX_MIRRORED_PER_SUBSET) }];
  });
}

/** Creates the EndpointSlice mirroring controller: user Endpoints of selector-less Services become EndpointSlices kube-proxy reads. */
export function createEndpointSliceMirroringController(): Controller {
  return {
    name: 'endpointslicemirroring-controller',
    for: 'Endpoints',
    watches: [{ kind: 'Service', map: (svc) => [{ kind: 'Endpoints', namespace: svc.metadata.namespace ?? 'default', name: svc.metadata.name ?? '' }] }],
    reconcile(req, ctx) {
      const existing = mirroredSlices(ctx, req.namespace, req.name);
      const ep = ctx.store.peek(req);
      const svc = ctx.store.peek({ kind: 'Service', namespace: req.namespace, name: req.name });
      const wanted = !ep || !svc || selectorOf(svc) || ep.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true' ? [] : mirrorSubsets(ep);
      wanted.forEach((content, i) => {
        const current = existing[i];
        const labels: Record<string, string> = { ...(ep!.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: req.name, [MANAGED_BY_LABEL]: MIRRORING_CONTROLLER };
        const owner = { apiVersion: 'v1', kind: 'Endpoints', name: req.name, uid: ep!.metadata.uid ?? '', controller: true, blockOwnerDeletion: true };
        const next: KubeObject = current
          ? { ...current, metadata: { ...current.metadata } }
          : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${req.name}-`, namespace: req.namespace } };
        next.metadata.labels = labels;
        next.metadata.ownerReferences = [owner];
        next.addressType = 'IPv4';
        next.endpoints = content.endpoints;
        next.ports = content.ports;
        if (current) {
          if (!deepEqual(next, current)) ctx.store.update(next);
          return;
        }
        const base = `${req.name}-`.slice(0, 58);
        let name = base + ctx.random.nameSuffix();
        while (ctx.store.peek({ kind: 'EndpointSlice', namespace: req.namespace, name })) name = base + ctx.random.nameSuffix();
        ctx.store.create({ ...next, metadata: { ...next.metadata, name } });
      });
      for (const s of existing.slice(wanted.length)) if (ctx.store.peek(refOf(s))) ctx.store.remove(refOf(s));
    },
  };
}
