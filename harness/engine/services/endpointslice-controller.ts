import type { KubeObject, ObjectRef } from '../../core/kube.ts';
import type { Controller, ControllerContext } from '../controllers/registry.ts';
import { refOf } from '../store.ts';
import { deepEqual } from '../util.ts';
import { desiredEndpoints, MANAGED_BY_LABEL, ownerRefTo, SERVICE_NAME_LABEL, SLICE_CONTROLLER, sliceLabels } from './endpoint-model.ts';
import type { DesiredEndpoint, EndpointPort } from './endpoint-model.ts';
import { selectorOf } from './service-model.ts';

/** `--max-endpoints-per-slice` default. */
export const MAX_ENDPOINTS_PER_SLICE = 100;

/** Maps any Pod change to every Service of its namespace (a label change may drop a Pod from a selector). */
export function servicesOfPodNamespace(pod: KubeObject, ctx: ControllerContext): ObjectRef[] {
  return ctx.store.list('Service', pod.metadata.namespace ?? 'default').filter((s) => selectorOf(s) !== undefined).map(refOf);
}

/** Lists the slices this controller manages for a Service (by label), sorted by name. */
export function managedSlices(ctx: ControllerContext, ns: string, name: string): KubeObject[] {
  return ctx.store.list('EndpointSlice', ns).filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[MANAGED_BY_LABEL] === SLICE_CONTROLLER);
}

function sliceEndpoint(d: DesiredEndpoint): Record<string, unknown> {
  const e: Record<string, unknown> = { addresses: [d.ip], conditions: { ready: d.ready, serving: d.serving, terminating: d.terminating } };
  if (d.hostname) e.hostname = d.hostname;
  if (d.nodeName) e.nodeName = d.nodeName;
  e.targetRef = { kind: 'Pod', name: d.pod.metadata.name, namespace: d.pod.metadata.namespace ?? 'default', uid: d.pod.metadata.uid };
  return e;
}

function sliceObject(svc: KubeObject, existing: KubeObject | undefined, ports: EndpointPort[] | null, endpoints: Record<string, unknown>[] | null): KubeObject {
  const base: KubeObject = existing
    ? { ...existing, metadata: { ...existing.metadata } }
    : { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { generateName: `${svc.metadata.name}-`, namespace: svc.metadata.namespace ?? 'default' } };
  base.metadata.labels = sliceLabels(svc);
  base.metadata.ownerReferences = [ownerRefTo(svc)];
  base.addressType = 'IPv4';
  base.endpoints = endpoints;
  base.ports = ports;
  return base;
}

function createSlice(ctx: ControllerContext, slice: KubeObject): void {
  const base = `${slice.metadata.generateName ?? ''}`.slice(0, 58);
  let name = base + ctx.random.nameSuffix();
  while (ctx.store.peek({ kind: 'EndpointSlice', namespace: slice.metadata.namespace ?? 'default', name })) name = base + ctx.random.nameSuffix();
  ctx.store.create({ ...slice, metadata: { ...slice.metadata, name } });
}

function writeSlice(ctx: ControllerContext, slice: KubeObject): void {
  if (!slice.metadata.name) return createSlice(ctx, slice);
  const current = ctx.store.peek(refOf(slice));
  if (current && !deepEqual({ ...current, metadata: { ...current.metadata, resourceVersion: undefined } }, { ...slice, metadata: { ...slice.metadata, resourceVersion: undefined } })) ctx.store.update(slice);
}

function remove(ctx: ControllerContext, slice: KubeObject): void {
  if (ctx.store.peek(refOf(slice))) ctx.store.remove(refOf(slice));
}

/** Splits a group's endpoints into slices of at most `max`, keeping each endpoint in the slice it already sits in. */
function packGroup(existing: KubeObject[], wanted: DesiredEndpoint[], max: number): { slice?: KubeObject; members: DesiredEndpoint[] }[] {
  const byIp = new Map(wanted.map((d) => [d.ip, d]));
  const placed = new Set<string>();
  const out: { slice?: KubeObject; members: DesiredEndpoint[] }[] = [];
  for (const slice of existing) {
    const members: DesiredEndpoint[] = [];
    for (const e of Array.isArray(slice.endpoints) ? slice.endpoints : []) {
      const ip = (e as { addresses?: unknown[] })?.addresses?.[0];
      const d = typeof ip === 'string' ? byIp.get(ip) : undefined;
      if (d && !placed.has(d.ip) && members.length < max) {
        members.push(d);
        placed.add(d.ip);
      }
    }
    out.push({ slice, members });
  }
  const rest = wanted.filter((d) => !placed.has(d.ip));
  for (const group of out) while (group.members.length < max && rest.length > 0) group.members.push(rest.shift()!);
  while (rest.length > 0) out.push({ members: rest.splice(0, max) });
  return out;
}

/** Creates the EndpointSlice controller (staging/src/k8s.io/endpointslice reconciler, §3.3). */
export function createEndpointSliceController(options: { maxEndpointsPerSlice?: number } = {}): Controller {
  const max = Math.max(1, Math.min(1000, options.maxEndpointsPerSlice ?? MAX_ENDPOINTS_PER_SLICE));
  return {
    name: 'endpointslice-controller',
    for: 'Service',
    owns: ['EndpointSlice'],
    watches: [{ kind: 'Pod', map: servicesOfPodNamespace }],
    reconcile(req, ctx) {
      const svc = ctx.store.peek(req);
      const existing = managedSlices(ctx, req.namespace, req.name);
      if (!svc) {
        for (const s of existing) remove(ctx, s);
        return;
      }
      // Services without a selector get slices out-of-band (the user, or a mirroring controller); ExternalName gets none.
      if (!selectorOf(svc) || svc.spec?.type === 'ExternalName') return;
      const mine = existing.filter((s) => s.metadata.ownerReferences?.some((o) => o.uid === svc.metadata.uid));
      for (const s of existing) if (!mine.includes(s)) remove(ctx, s);
      const wanted = desiredEndpoints(svc, ctx.store.list('Pod', req.namespace));
      const groups = new Map<string, { ports: EndpointPort[]; endpoints: DesiredEndpoint[] }>();
      for (const d of wanted) {
        const key = JSON.stringify(d.ports);
        const g = groups.get(key) ?? { ports: d.ports, endpoints: [] };
        g.endpoints.push(d);
        groups.set(key, g);
      }
      if (groups.size === 0) {
        const [keep, ...extra] = mine;
        writeSlice(ctx, sliceObject(svc, keep, null, null));
        for (const s of extra) remove(ctx, s);
        return;
      }
      const used = new Set<KubeObject>();
      for (const key of [...groups.keys()].sort()) {
        const g = groups.get(key)!;
        // A placeholder (endpoints null) is reused for the first group instead of being replaced.
        const candidates = mine.filter((s) => !used.has(s) && (Array.isArray(s.endpoints) ? JSON.stringify(s.ports ?? []) === key : true));
        for (const part of packGroup(candidates, g.endpoints, max)) {
          if (part.members.length === 0) continue;
          if (part.slice) used.add(part.slice);
          const members = [...part.members].sort((a, b) => ((a.pod.metadata.name ?? '') < (b.pod.metadata.name ?? '') ? -1 : 1));
          writeSlice(ctx, sliceObject(svc, part.slice, g.ports, members.map(sliceEndpoint)));
        }
      }
      for (const s of mine) if (!used.has(s)) remove(ctx, s);
    },
  };
}
