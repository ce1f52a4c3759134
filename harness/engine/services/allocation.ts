import type { KubeObject } from '../../core/kube.ts';
import type { FieldError } from '../../validate/types.ts';
import type { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { registerAdmission } from '../api/admission.ts';
import { registerAllocation } from '../api/server.ts';
import { asInt, asList, asMap, deepEqual } from '../util.ts';
import {
  clusterIpBand,
  inBand,
  IP_ALREADY_ALLOCATED,
  ipNotInRange,
  nodePortBand,
  pickFree,
  PORT_ALREADY_ALLOCATED,
  portNotInRange,
  SERVICE_CIDR,
} from './allocator.ts';
import { formatIPv4, parseIPv4 } from './ipv4.ts';
import { isHeadless, needsClusterIP, needsNodePort, selectorOf, serviceType } from './service-model.ts';

const CLUSTER_IP_BAND = clusterIpBand(SERVICE_CIDR);
const NODE_PORT_BAND = nodePortBand();

type Spec = Record<string, unknown>;

function clusterIPsOf(spec: Spec | undefined): unknown[] {
  return asList(spec?.clusterIPs);
}

function sameClusterIPs(a: Spec, b: Spec): boolean {
  return deepEqual(clusterIPsOf(a), clusterIPsOf(b));
}

function portsOf(spec: Spec | undefined): Record<string, unknown>[] {
  return asList(spec?.ports).map((p) => asMap(p)).filter((p): p is Record<string, unknown> => p !== undefined);
}

/** Clears fields the new type no longer uses when the user left them as they were (strategy.go dropTypeDependentFields). */
function dropTypeDependentFields(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && !needsClusterIP(spec) && serviceType(spec) === 'ExternalName') {
    if (spec.clusterIP === old.clusterIP && sameClusterIPs(spec, old)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
      if (deepEqual(spec.ipFamilies, old.ipFamilies)) delete spec.ipFamilies;
      if (spec.ipFamilyPolicy === old.ipFamilyPolicy) delete spec.ipFamilyPolicy;
    }
  }
  if (needsNodePort(old) && !needsNodePort(spec)) {
    const oldPorts = portsOf(old);
    const newPorts = portsOf(spec);
    const same = newPorts.every((p, i) => asInt(p.nodePort) === undefined || asInt(p.nodePort) === asInt(oldPorts[i]?.nodePort));
    if (same) for (const p of newPorts) delete p.nodePort;
  }
  if (serviceType(old) === 'LoadBalancer' && serviceType(spec) !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts === old.allocateLoadBalancerNodePorts) delete spec.allocateLoadBalancerNodePorts;
    if (spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
  }
  const external = (s: Spec): boolean => serviceType(s) === 'NodePort' || serviceType(s) === 'LoadBalancer';
  if (external(old) && !external(spec) && spec.externalTrafficPolicy === old.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.externalTrafficPolicy !== 'Local' && spec.healthCheckNodePort === old.healthCheckNodePort) delete spec.healthCheckNodePort;
}

/** Keeps allocated values an apply did not mention (rest.go patchAllocatedValues): clusterIP, nodePorts by port name. */
function patchAllocatedValues(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && needsClusterIP(spec) && (spec.clusterIP === undefined || spec.clusterIP === '') && typeof old.clusterIP === 'string') {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs = clusterIPsOf(old).slice();
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const nodePorts = (s: Spec): Set<number> => new Set(portsOf(s).map((p) => asInt(p.nodePort) ?? 0).filter((n) => n !== 0));
    const newUsed = nodePorts(spec);
    const used = new Set([...nodePorts(old)].filter((n) => newUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of portsOf(old)) byName.set(typeof p.name === 'string' ? p.name : '', asInt(p.nodePort) ?? 0);
    for (const p of portsOf(spec)) {
      if ((asInt(p.nodePort) ?? 0) !== 0) continue;
      const oldValue = byName.get(typeof p.name === 'string' ? p.name : '') ?? 0;
      if (oldValue !== 0 && !used.has(oldValue)) p.nodePort = oldValue;
    }
  }
  if (spec.externalTrafficPolicy === 'Local' && old.externalTrafficPolicy === 'Local' && spec.healthCheckNodePort === undefined && old.healthCheckNodePort !== undefined) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/** Links clusterIP and clusterIPs the way the registry does (rest.go normalizeClusterIPs). */
function normalizeClusterIPs(spec: Spec, old: Spec | undefined): void {
  const ip = typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
  if (!old) {
    if (ip !== '' && clusterIPsOf(spec).length === 0) spec.clusterIPs = [ip];
    return;
  }
  if (clusterIPsOf(old).length > 0 && clusterIPsOf(spec).length === 0 && old.clusterIP === spec.clusterIP) spec.clusterIPs = clusterIPsOf(old).slice();
  if (old.clusterIP !== spec.clusterIP) {
    if (typeof old.clusterIP === 'string' && old.clusterIP !== '' && ip === '') {
      if (sameClusterIPs(old, spec)) delete spec.clusterIPs;
    } else if (sameClusterIPs(old, spec)) spec.clusterIPs = [ip];
  }
}

/** Sets the registry-time IP family fields (SingleStack/[IPv4]; headless without selector → RequireDualStack). */
function defaultIpFamilies(svc: KubeObject, spec: Spec): void {
  if (serviceType(spec) === 'ExternalName') return;
  const dual = isHeadless(spec) && !selectorOf(svc);
  if (spec.ipFamilyPolicy === undefined || spec.ipFamilyPolicy === null || spec.ipFamilyPolicy === '') spec.ipFamilyPolicy = dual ? 'RequireDualStack' : 'SingleStack';
  if (!Array.isArray(spec.ipFamilies) || spec.ipFamilies.length === 0) {
    spec.ipFamilies = spec.ipFamilyPolicy === 'RequireDualStack' ? ['IPv4', 'IPv6'] : ['IPv4'];
  } else if (spec.ipFamilyPolicy === 'RequireDualStack' && spec.ipFamilies.length === 1) {
    spec.ipFamilies = [spec.ipFamilies[0], spec.ipFamilies[0] === 'IPv6' ? 'IPv4' : 'IPv6'];
  }
}

/** Prepares a Service before validation: type-dependent fields, kept allocations, clusterIPs, IP families. */
export function prepareService(svc: KubeObject, old?: KubeObject): void {
  const spec = asMap(svc.spec);
  if (!spec) return;
  const oldSpec = asMap(old?.spec);
  if (oldSpec) {
    dropTypeDependentFields(spec, oldSpec);
    patchAllocatedValues(spec, oldSpec);
  }
  normalizeClusterIPs(spec, oldSpec);
  if (isHeadless(spec) && spec.clusterIP === 'None' && clusterIPsOf(spec).length === 0) spec.clusterIPs = ['None'];
  defaultIpFamilies(svc, spec);
}

/** Collects the ClusterIPs and NodePorts every other Service holds (the allocators' bitmaps, rebuilt from the store). */
export function allocatedByOthers(store: Store, self: KubeObject): { ips: Set<number>; ports: Set<number> } {
  const ips = new Set<number>();
  const ports = new Set<number>();
  for (const s of store.list('Service')) {
    if (s.metadata.namespace === (self.metadata.namespace ?? 'default') && s.metadata.name === self.metadata.name) continue;
    const spec = asMap(s.spec);
    for (const raw of [spec?.clusterIP, ...clusterIPsOf(spec)]) {
      const n = parseIPv4(raw);
      if (n !== undefined) ips.add(n);
    }
    for (const p of portsOf(spec)) {
      const np = asInt(p.nodePort);
      if (np !== undefined && np !== 0) ports.add(np);
    }
    const hc = asInt(spec?.healthCheckNodePort);
    if (hc !== undefined && hc !== 0) ports.add(hc);
  }
  return { ips, ports };
}

function firstClusterIP(spec: Spec): string {
  const first = clusterIPsOf(spec)[0];
  if (typeof first === 'string' && first !== '') return first;
  return typeof spec.clusterIP === 'string' ? spec.clusterIP : '';
}

function allocateClusterIP(spec: Spec, oldSpec: Spec | undefined, used: Set<number>, random: Random): FieldError[] {
  const ips = clusterIPsOf(spec);
  const requested = firstClusterIP(spec);
  if (oldSpec && needsClusterIP(oldSpec) && requested !== '' && requested === firstClusterIP(oldSpec)) return [];
  if (requested !== '') {
    const n = parseIPv4(requested);
    if (n === undefined) return [{ type: 'Invalid', field: 'spec.clusterIPs[0]', value: requested, detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' }];
    const value = ips.length > 0 ? ips : [requested];
    if (!inBand(CLUSTER_IP_BAND, n)) return [{ type: 'Invalid', field: 'spec.clusterIPs', value, detail: `failed to allocate IP ${requested}: ${ipNotInRange(requested)}` }];
    if (used.has(n)) return [{ type: 'Invalid', field: 'spec.clusterIPs', value, detail: `failed to allocate IP ${requested}: ${IP_ALREADY_ALLOCATED}` }];
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    return [];
  }
  const picked = pickFree(CLUSTER_IP_BAND, used, random);
  if (picked === undefined) return [{ type: 'Internal', field: 'spec.clusterIPs', detail: 'failed to allocate a serviceIP: range is full' }];
  spec.clusterIP = formatIPv4(picked);
  spec.clusterIPs = [spec.clusterIP];
  return [];
}

function allocateNodePorts(spec: Spec, oldSpec: Spec | undefined, used: Set<number>, random: Random): FieldError[] {
  const errors: FieldError[] = [];
  const owned = new Set<number>();
  if (oldSpec) for (const p of portsOf(oldSpec)) if (asInt(p.nodePort)) owned.add(asInt(p.nodePort)!);
  const taken = new Set(used);
  const claim = (value: number, field: string): boolean => {
    if (!owned.has(value) && !inBand(NODE_PORT_BAND, value)) {
      errors.push({ type: 'Invalid', field, value, detail: portNotInRange() });
      return false;
    }
    if (used.has(value)) {
      errors.push({ type: 'Invalid', field, value, detail: PORT_ALREADY_ALLOCATED });
      return false;
    }
    taken.add(value);
    return true;
  };
  const ports = portsOf(spec);
  const byPortNumber = new Map<number, number>();
  ports.forEach((p, i) => {
    const field = `spec.ports[${i}].nodePort`;
    const portNumber = asInt(p.port) ?? -1;
    const requested = asInt(p.nodePort) ?? 0;
    const shared = byPortNumber.get(portNumber);
    if (shared !== undefined) {
      if (requested === 0) p.nodePort = shared;
      else if (requested !== shared && claim(requested, field)) p.nodePort = requested;
      return;
    }
    const wanted = requested !== 0 ? requested : (asInt(ports.slice(i + 1).find((q) => asInt(q.port) === portNumber && (asInt(q.nodePort) ?? 0) !== 0)?.nodePort) ?? 0);
    if (wanted !== 0) {
      if (taken.has(wanted) && !used.has(wanted)) {
        // Another port number of this Service already holds it: the allocator refuses the second claim.
        errors.push({ type: 'Invalid', field, value: wanted, detail: PORT_ALREADY_ALLOCATED });
      } else if (claim(wanted, field)) p.nodePort = wanted;
      byPortNumber.set(portNumber, wanted);
      return;
    }
    const picked = pickFree(NODE_PORT_BAND, taken, random);
    if (picked === undefined) {
      errors.push({ type: 'Internal', field, detail: 'failed to allocate a nodePort: range is full' });
      return;
    }
    taken.add(picked);
    p.nodePort = picked;
    byPortNumber.set(portNumber, picked);
  });
  if (serviceType(spec) === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local') {
    const hc = asInt(spec.healthCheckNodePort) ?? 0;
    const oldHc = asInt(oldSpec?.healthCheckNodePort) ?? 0;
    if (hc !== 0 && hc !== oldHc) claim(hc, 'spec.healthCheckNodePort');
    else if (hc === 0) {
      const picked = pickFree(NODE_PORT_BAND, taken, random);
      if (picked !== undefined) spec.healthCheckNodePort = picked;
    }
  }
  return errors;
}

/** Allocates (or checks) a Service's ClusterIP and NodePorts against every other Service in the store. */
export function allocateService(svc: KubeObject, ctx: { store: Store; random: Random; old?: KubeObject }): FieldError[] {
  const spec = asMap(svc.spec);
  if (!spec) return [];
  const oldSpec = asMap(ctx.old?.spec);
  const { ips, ports } = allocatedByOthers(ctx.store, svc);
  const errors: FieldError[] = [];
  if (oldSpec && serviceType(oldSpec) !== 'ExternalName' && serviceType(spec) !== 'ExternalName') {
    const before = firstClusterIP(oldSpec);
    const after = firstClusterIP(spec);
    if (before !== '' && after !== before) {
      const ips = clusterIPsOf(spec);
      return [{ type: 'Invalid', field: 'spec.clusterIPs[0]', value: ips.length > 0 ? ips : after === '' ? null : [after], detail: 'may not change once set' }];
    }
  }
  if (needsClusterIP(spec)) errors.push(...allocateClusterIP(spec, oldSpec, ips, ctx.random));
  if (errors.length > 0) return errors;
  if (needsNodePort(spec)) errors.push(...allocateNodePorts(spec, oldSpec && needsNodePort(oldSpec) ? oldSpec : undefined, ports, ctx.random));
  return errors;
}

registerAdmission('Service', (obj, ctx) => prepareService(obj, ctx.old));
registerAllocation('Service', allocateService);
