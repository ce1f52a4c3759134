import type { FieldError } from '../types.ts';
import { asList, asMap, isInt, labelErrors, notSupported, portNumberErrors, portRefErrors, subdomainErrors, validateLabels } from './util.ts';
import type { Rule } from './util.ts';

const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

/** Service spec: type, ports, nodePorts, clusterIP None, externalName, session affinity, selector (§2.4). */
export const serviceRule: Rule = {
  id: 'service',
  kinds: ['Service'],
  check(obj) {
    const spec = asMap(obj.spec) ?? {};
    const out: FieldError[] = [];
    const type = spec.type ?? 'ClusterIP';
    out.push(...notSupported(spec.type, 'spec.type', TYPES));
    const headless = spec.clusterIP === 'None' || asList(spec.clusterIPs)[0] === 'None';
    const ports = asList(spec.ports);
    if (ports.length === 0 && !headless && type !== 'ExternalName') out.push({ type: 'Required', field: 'spec.ports' });
    const names = new Set<string>();
    const keys = new Set<string>();
    const nodePorts = new Set<string>();
    ports.forEach((raw, i) => {
      const p = asMap(raw);
      if (!p) return;
      const pp = `spec.ports[${i}]`;
      const name = p.name;
      if (typeof name !== 'string' || name === '') {
        if (ports.length > 1) out.push({ type: 'Required', field: `${pp}.name` });
      } else {
        // validateServicePort checks port names as DNS-1123 labels (so `80-8080`, kubectl create service's default, is valid).
        for (const d of labelErrors(name)) out.push({ type: 'Invalid', field: `${pp}.name`, value: name, detail: d });
        if (names.has(name)) out.push({ type: 'Duplicate', field: `${pp}.name`, value: name });
        names.add(name);
      }
      if (!isInt(p.port) || p.port < 1 || p.port > 65535) {
        out.push({ type: 'Invalid', field: `${pp}.port`, value: p.port ?? 0, detail: 'must be between 1 and 65535, inclusive' });
      }
      out.push(...notSupported(p.protocol, `${pp}.protocol`, ['SCTP', 'TCP', 'UDP']));
      if (p.targetPort !== 0 && p.targetPort !== '') out.push(...portRefErrors(p.targetPort, `${pp}.targetPort`));
      const proto = typeof p.protocol === 'string' ? p.protocol : 'TCP';
      const key = `${proto}/${String(p.port)}`;
      if (keys.has(key)) {
        out.push({
          type: 'Duplicate',
          field: pp,
          value: { Name: '', Protocol: proto, AppProtocol: null, Port: p.port, TargetPort: 0, NodePort: 0 },
        });
      }
      keys.add(key);
      if (isInt(p.nodePort) && p.nodePort !== 0) {
        if (type === 'ClusterIP') out.push({ type: 'Forbidden', field: `${pp}.nodePort`, detail: "may not be used when `type` is 'ClusterIP'" });
        const nk = `${proto}/${p.nodePort}`;
        if (nodePorts.has(nk)) out.push({ type: 'Duplicate', field: `${pp}.nodePort`, value: p.nodePort });
        nodePorts.add(nk);
      } else out.push(...portNumberErrors(isInt(p.nodePort) && p.nodePort < 0 ? p.nodePort : undefined, `${pp}.nodePort`));
    });
    if (headless && (type === 'NodePort' || type === 'LoadBalancer')) {
      out.push({ type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: `may not be set to 'None' for ${type} services` });
    }
    if (type === 'ExternalName') {
      const en = spec.externalName;
      if (typeof en !== 'string' || en === '') out.push({ type: 'Required', field: 'spec.externalName' });
      else for (const d of subdomainErrors(en.endsWith('.') ? en.slice(0, -1) : en)) out.push({ type: 'Invalid', field: 'spec.externalName', value: en, detail: d });
    }
    out.push(...notSupported(spec.sessionAffinity, 'spec.sessionAffinity', ['ClientIP', 'None']));
    const timeout = asMap(asMap(asMap(spec.sessionAffinityConfig)?.clientIP))?.timeoutSeconds;
    if (spec.sessionAffinity === 'ClientIP' && isInt(timeout) && (timeout <= 0 || timeout > 86400)) {
      out.push({ type: 'Invalid', field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds', value: timeout, detail: 'must be greater than 0 and less than 86400' });
    }
    out.push(...notSupported(spec.externalTrafficPolicy, 'spec.externalTrafficPolicy', ['Cluster', 'Local']));
    out.push(...notSupported(spec.internalTrafficPolicy, 'spec.internalTrafficPolicy', ['Cluster', 'Local']));
    out.push(...validateLabels(spec.selector, 'spec.selector'));
    return out;
  },
};
