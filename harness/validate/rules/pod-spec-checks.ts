import type { FieldError } from '../types.ts';
import {
  asList, asMap, isInt, labelErrors, nonNegative, notSupported, portNameErrors, portNumberErrors, portRefErrors, validateLabels,
} from './util.ts';

export interface PodSpecOptions {
  /** True for a Pod (not a template): checks image whitespace and the full restartPolicy set. */
  podOnly: boolean;
  /** True when the caller checks restartPolicy itself (a Job template allows OnFailure and Never only). */
  skipRestartPolicy?: boolean;
}

const PROBE_INTS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold', 'terminationGracePeriodSeconds'];
const HANDLERS = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** Validates a PodSpec the way ValidatePodSpec does; pushes port warnings into `warnings`. */
export function validatePodSpec(specRaw: unknown, path: string, opts: PodSpecOptions, warnings: string[]): FieldError[] {
  const spec = asMap(specRaw);
  if (!spec) return [];
  const out: FieldError[] = [];
  const containers = asList(spec.containers);
  if (containers.length === 0) out.push({ type: 'Required', field: `${path}.containers` });
  const names = new Set<string>();
  const hostPorts = new Set<string>();
  const seenPorts = new Map<string, string>();
  const groups: [string, unknown[]][] = [['initContainers', asList(spec.initContainers)], ['containers', containers]];
  for (const [group, list] of groups) {
    list.forEach((raw, i) => {
      const c = asMap(raw);
      if (!c) return;
      const cp = `${path}.${group}[${i}]`;
      out.push(...validateContainer(c, cp, opts, names));
      asList(c.ports).forEach((rp, j) => {
        const p = asMap(rp);
        if (!p) return;
        const pp = `${cp}.ports[${j}]`;
        const proto = typeof p.protocol === 'string' ? p.protocol : 'TCP';
        const hostIP = typeof p.hostIP === 'string' ? p.hostIP : '';
        if (isInt(p.hostPort) && p.hostPort !== 0) {
          const key = `${proto}/${hostIP}/${p.hostPort}`;
          if (hostPorts.has(key)) out.push({ type: 'Duplicate', field: `${pp}.hostPort`, value: key });
          hostPorts.add(key);
        }
        if (group === 'containers' && isInt(p.containerPort) && p.containerPort !== 0) {
          const key = `${p.containerPort}/${proto}/${hostIP}/${isInt(p.hostPort) ? p.hostPort : 0}`;
          const first = seenPorts.get(key);
          if (first) warnings.push(`${pp}: duplicate port definition with ${first}`);
          else seenPorts.set(key, pp);
        }
      });
    });
  }
  const restart = spec.restartPolicy;
  if (!opts.skipRestartPolicy) out.push(...(opts.podOnly ? notSupported(restart, `${path}.restartPolicy`, ['Always', 'OnFailure', 'Never']) : notSupported(restart, `${path}.restartPolicy`, ['Always'])));
  out.push(...notSupported(spec.dnsPolicy, `${path}.dnsPolicy`, ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None']));
  out.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  out.push(...nonNegative(spec.terminationGracePeriodSeconds, `${path}.terminationGracePeriodSeconds`));
  if (isInt(spec.activeDeadlineSeconds) && spec.activeDeadlineSeconds <= 0) {
    out.push({ type: 'Invalid', field: `${path}.activeDeadlineSeconds`, value: spec.activeDeadlineSeconds, detail: 'must be greater than or equal to 1' });
  }
  const volNames = new Set<string>();
  asList(spec.volumes).forEach((raw, i) => {
    const v = asMap(raw);
    if (!v) return;
    const f = `${path}.volumes[${i}].name`;
    if (typeof v.name !== 'string' || v.name === '') out.push({ type: 'Required', field: f });
    else {
      for (const d of labelErrors(v.name)) out.push({ type: 'Invalid', field: f, value: v.name, detail: d });
      if (volNames.has(v.name)) out.push({ type: 'Duplicate', field: f, value: v.name });
      volNames.add(v.name);
    }
  });
  return out;
}

function validateContainer(c: Record<string, unknown>, cp: string, opts: PodSpecOptions, names: Set<string>): FieldError[] {
  const out: FieldError[] = [];
  const name = c.name;
  if (typeof name !== 'string' || name === '') out.push({ type: 'Required', field: `${cp}.name` });
  else {
    for (const d of labelErrors(name)) out.push({ type: 'Invalid', field: `${cp}.name`, value: name, detail: d });
    if (names.has(name)) out.push({ type: 'Duplicate', field: `${cp}.name`, value: name });
    names.add(name);
  }
  const image = c.image;
  if (typeof image !== 'string' || image === '') out.push({ type: 'Required', field: `${cp}.image` });
  else if (opts.podOnly && image.trim() !== image) {
    out.push({ type: 'Invalid', field: `${cp}.image`, value: image, detail: 'must not have leading or trailing whitespace' });
  }
  out.push(...notSupported(c.imagePullPolicy, `${cp}.imagePullPolicy`, ['Always', 'IfNotPresent', 'Never']));
  out.push(...notSupported(c.terminationMessagePolicy, `${cp}.terminationMessagePolicy`, ['File', 'FallbackToLogsOnError']));
  const portNames = new Set<string>();
  asList(c.ports).forEach((raw, j) => {
    const p = asMap(raw);
    if (!p) return;
    const pp = `${cp}.ports[${j}]`;
    if (typeof p.name === 'string' && p.name !== '') {
      for (const d of portNameErrors(p.name)) out.push({ type: 'Invalid', field: `${pp}.name`, value: p.name, detail: d });
      if (portNames.has(p.name)) out.push({ type: 'Duplicate', field: `${pp}.name`, value: p.name });
      portNames.add(p.name);
    }
    if (p.containerPort === undefined || p.containerPort === null || p.containerPort === 0) out.push({ type: 'Required', field: `${pp}.containerPort` });
    else out.push(...portNumberErrors(p.containerPort, `${pp}.containerPort`));
    if (isInt(p.hostPort) && p.hostPort !== 0) out.push(...portNumberErrors(p.hostPort, `${pp}.hostPort`));
    out.push(...notSupported(p.protocol, `${pp}.protocol`, ['SCTP', 'TCP', 'UDP']));
  });
  for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) {
    out.push(...validateProbe(c[probe], `${cp}.${probe}`, probe !== 'readinessProbe'));
  }
  return out;
}

function validateProbe(raw: unknown, path: string, successMustBeOne: boolean): FieldError[] {
  const probe = asMap(raw);
  if (!probe) return [];
  const out: FieldError[] = [];
  for (const k of PROBE_INTS) out.push(...nonNegative(probe[k], `${path}.${k}`));
  if (successMustBeOne && isInt(probe.successThreshold) && probe.successThreshold !== 1) {
    out.push({ type: 'Invalid', field: `${path}.successThreshold`, value: probe.successThreshold, detail: 'must be 1' });
  }
  let count = 0;
  for (const h of HANDLERS) {
    if (probe[h] === undefined || probe[h] === null) continue;
    if (count > 0) out.push({ type: 'Forbidden', field: `${path}.${h}`, detail: 'may not specify more than 1 handler type' });
    count++;
  }
  if (count === 0) out.push({ type: 'Required', field: path, detail: 'must specify a handler type' });
  const http = asMap(probe.httpGet);
  if (http) {
    out.push(...portRefErrors(http.port, `${path}.httpGet.port`));
    out.push(...notSupported(http.scheme, `${path}.httpGet.scheme`, ['HTTP', 'HTTPS']));
  }
  const tcp = asMap(probe.tcpSocket);
  if (tcp) out.push(...portRefErrors(tcp.port, `${path}.tcpSocket.port`));
  const grpc = asMap(probe.grpc);
  if (grpc) out.push(...portNumberErrors(grpc.port, `${path}.grpc.port`));
  return out;
}
