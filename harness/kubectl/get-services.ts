/** `kubectl get services` (printService column set). */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { formatLabels, obj, objs, str, int } from './fields.ts';
import type { Json } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const SERVICE_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Type', priority: 0 },
  { name: 'Cluster-IP', priority: 0 },
  { name: 'External-IP', priority: 0 },
  { name: 'Port(s)', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Selector', priority: 1 },
];

/** kubectl cuts the load-balancer column to this width unless `-o wide`. */
const LOAD_BALANCER_WIDTH = 16;

function loadBalancerStatus(status: Json, externalIPs: string[], wide: boolean): string {
  const ingress = objs(obj(status.loadBalancer).ingress).map((i) => str(i.ip) || str(i.hostname)).filter((s) => s !== '');
  const text = [...ingress, ...externalIPs].join(',');
  return !wide && text.length > LOAD_BALANCER_WIDTH ? `${text.slice(0, LOAD_BALANCER_WIDTH - 3)}...` : text;
}

/** Returns the EXTERNAL-IP cell of a Service (getServiceExternalIP). */
export function serviceExternalIP(service: unknown, wide: boolean): string {
  const svc = obj(service);
  const spec = obj(svc.spec);
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs.map(str).filter((s) => s !== '') : [];
  switch (str(spec.type) || 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const text = loadBalancerStatus(obj(svc.status), externalIPs, wide);
      return text === '' ? '<pending>' : text;
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** Returns the PORT(S) cell (`80/TCP`, `80:30080/TCP`, joined by `,`; `<none>` without ports). */
export function servicePorts(service: unknown): string {
  const ports = objs(obj(obj(service).spec).ports).map((p) => {
    const protocol = str(p.protocol) || 'TCP';
    const nodePort = int(p.nodePort);
    return nodePort > 0 ? `${int(p.port)}:${nodePort}/${protocol}` : `${int(p.port)}/${protocol}`;
  });
  return ports.length === 0 ? '<none>' : ports.join(',');
}

function serviceCells(service: unknown, options: GetOptions): string[] {
  const svc = obj(service);
  const meta = obj(svc.metadata);
  const spec = obj(svc.spec);
  return [
    str(meta.name),
    str(spec.type) || 'ClusterIP',
    str(spec.clusterIP) || '<none>',
    serviceExternalIP(svc, options.wide === true),
    servicePorts(svc),
    translateTimestampSince(meta.creationTimestamp, options.now),
    formatLabels(spec.selector),
  ];
}

/** The column set and cell rules of this resource's table. */
export const SERVICE_TABLE: TableSpec<unknown> = { columns: SERVICE_COLUMNS, cells: serviceCells, namespaced: true };

/** Prints Services as `kubectl get services [-o wide] [--show-labels] [-A]` does. */
export function getServices(services: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(services, options, SERVICE_TABLE);
}
