/** `kubectl describe service` (kubectl pkg/describe describeService, v1.34: Endpoints built from EndpointSlices). */
import { createPrefixWriter } from './prefix-writer.ts';
import { describeEvents } from './describe-events.ts';
import { writeAnnotations, writeLabels } from './describe-pod.ts';
import { joinHostPort } from './get-endpoints.ts';
import { formatLabels, obj, objs, str, int } from './fields.ts';
import type { Json } from './fields.ts';
import type { PrinterOutput } from './types.ts';

export interface DescribeServiceOptions {
  /** The current virtual instant, RFC 3339. */
  now: string;
}

const MAX_SHOWN = 3;
const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** Returns the Endpoints line of one service port from the Service's EndpointSlices (ready endpoints only). */
export function formatEndpointSlices(slices: readonly Json[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  const add = (text: string): void => {
    if (list.length < MAX_SHOWN) list.push(text);
    count++;
  };
  for (const slice of slices) {
    const endpoints = objs(slice.endpoints);
    const ready = endpoints.filter((e) => obj(e.conditions).ready !== false);
    const first = (e: Json): string => (Array.isArray(e.addresses) ? str(e.addresses[0]) : '');
    const ports = objs(slice.ports);
    // Headless services may have no ports: bare addresses are listed.
    if (ports.length === 0) ready.forEach((e) => add(first(e)));
    for (const port of ports) {
      if (str(port.name) !== portName) continue;
      ready.forEach((e) => add(joinHostPort(first(e), int(port.port))));
    }
  }
  const text = list.join(',');
  return count > MAX_SHOWN ? `${text} + ${count - MAX_SHOWN} more...` : text;
}

function slicesOf(service: Json, slices: readonly unknown[]): Json[] {
  const meta = obj(service.metadata);
  const namespace = str(meta.namespace) || 'default';
  return slices
    .map(obj)
    .filter((s) => (str(obj(s.metadata).namespace) || 'default') === namespace && str(obj(obj(s.metadata).labels)[SERVICE_NAME_LABEL]) === str(meta.name));
}

function eventsAbout(service: Json, events: readonly unknown[]): Json[] {
  const meta = obj(service.metadata);
  const namespace = str(meta.namespace) || 'default';
  return events.map(obj).filter((e) => {
    const involved = obj(e.involvedObject);
    return str(involved.kind) === 'Service' && str(involved.name) === str(meta.name) && (str(involved.namespace) || 'default') === namespace;
  });
}

/** Prints a Service, its EndpointSlices' ready addresses and its events as `kubectl describe service` does. */
export function describeService(service: unknown, slices: readonly unknown[], events: readonly unknown[], options: DescribeServiceOptions): PrinterOutput {
  const svc = obj(service);
  const meta = obj(svc.metadata);
  const spec = obj(svc.spec);
  const w = createPrefixWriter();
  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace) || 'default'}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${str(spec.type)}\n`);
  if (str(spec.ipFamilyPolicy) !== '') w.write(0, `IP Family Policy:\t${str(spec.ipFamilyPolicy)}\n`);
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.map(str) : [];
  w.write(0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${str(spec.clusterIP)}\n`);
  const clusterIPs = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(str) : [];
  w.write(0, `IPs:\t${clusterIPs.length > 0 ? clusterIPs.join(',') : '<none>'}\n`);
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.map(str) : [];
  if (externalIPs.length > 0) w.write(0, `External IPs:\t${externalIPs.join(',')}\n`);
  if (str(spec.loadBalancerIP) !== '') w.write(0, `IP:\t${str(spec.loadBalancerIP)}\n`);
  if (str(spec.externalName) !== '') w.write(0, `External Name:\t${str(spec.externalName)}\n`);
  const ingress = objs(obj(obj(svc.status).loadBalancer).ingress).map((i) => str(i.ip) || str(i.hostname));
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.join(', ')}\n`);
  const own = slicesOf(svc, slices);
  for (const port of objs(spec.ports)) {
    const name = str(port.name) || '<unset>';
    const protocol = str(port.protocol) || 'TCP';
    w.write(0, `Port:\t${name}\t${int(port.port)}/${protocol}\n`);
    const target = port.targetPort === undefined || port.targetPort === null ? int(port.port) : str(port.targetPort);
    w.write(0, `TargetPort:\t${target}/${protocol}\n`);
    if (int(port.nodePort) !== 0) w.write(0, `NodePort:\t${name}\t${int(port.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(own, str(port.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
  if (str(spec.externalTrafficPolicy) !== '') w.write(0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
  if (int(spec.healthCheckNodePort) !== 0) w.write(0, `HealthCheck NodePort:\t${int(spec.healthCheckNodePort)}\n`);
  if (str(spec.internalTrafficPolicy) !== '') w.write(0, `Internal Traffic Policy:\t${str(spec.internalTrafficPolicy)}\n`);
  const ranges = Array.isArray(spec.loadBalancerSourceRanges) ? spec.loadBalancerSourceRanges.map(str) : [];
  if (ranges.length > 0) w.write(0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
  describeEvents(eventsAbout(svc, events), w, options.now);
  return { stdout: w.done(), stderr: '' };
}
