/** The `kubectl get` printers by resource name (plural, singular and short names), one entry per resource. */
import { getPods } from './get-pods.ts';
import { getNodes } from './get-nodes.ts';
import { getEvents } from './get-events.ts';
import { getServices } from './get-services.ts';
import { getEndpoints } from './get-endpoints.ts';
import { getEndpointSlices } from './get-endpointslices.ts';
import { getDeployments } from './get-deployments.ts';
import { getReplicaSets } from './get-replicasets.ts';
import { getConfigMaps } from './get-configmaps.ts';
import { getJobs } from './get-jobs.ts';
import type { GetPrinter } from './types.ts';

const PRINTERS: Record<string, GetPrinter> = {
  pods: getPods,
  nodes: getNodes,
  events: getEvents,
  services: getServices,
  endpoints: getEndpoints,
  endpointslices: getEndpointSlices,
  deployments: getDeployments,
  replicasets: getReplicaSets,
  configmaps: getConfigMaps,
  jobs: getJobs,
};

const ALIASES: Record<string, string> = {
  pod: 'pods', po: 'pods',
  node: 'nodes', no: 'nodes',
  event: 'events', ev: 'events',
  service: 'services', svc: 'services',
  ep: 'endpoints',
  endpointslice: 'endpointslices',
  deployment: 'deployments', deploy: 'deployments',
  replicaset: 'replicasets', rs: 'replicasets',
  configmap: 'configmaps', cm: 'configmaps',
  job: 'jobs',
};

/** Lists the canonical resource names that have a `get` printer, sorted. */
export function printerNames(): string[] {
  return Object.keys(PRINTERS).sort();
}

/** Returns the `get` printer for a resource name or alias, or undefined when none is registered. */
export function findPrinter(resource: string): GetPrinter | undefined {
  const key = resource.toLowerCase();
  return PRINTERS[ALIASES[key] ?? key];
}
