import type { FieldError } from '../types.ts';
import { asList, asMap, isInt, notSupported, labelErrors, portNumberErrors } from './util.ts';
import type { Rule } from './util.ts';

/** EndpointSlice basics: addressType, endpoints[].addresses, ports. */
export const endpointSliceRule: Rule = {
  id: 'endpointslice',
  kinds: ['EndpointSlice'],
  check(obj) {
    const out: FieldError[] = [];
    const at = obj.addressType;
    if (at === undefined || at === null || at === '') out.push({ type: 'Required', field: 'addressType' });
    else out.push(...notSupported(at, 'addressType', ['IPv4', 'IPv6', 'FQDN']));
    asList(obj.endpoints).forEach((raw, i) => {
      const e = asMap(raw);
      if (!e) return;
      const addrs = asList(e.addresses);
      if (addrs.length === 0) out.push({ type: 'Required', field: `endpoints[${i}].addresses`, detail: 'must contain at least 1 address' });
    });
    const names = new Set<string>();
    asList(obj.ports).forEach((raw, i) => {
      const p = asMap(raw);
      if (!p) return;
      const name = typeof p.name === 'string' ? p.name : '';
      if (name !== '') for (const d of labelErrors(name)) out.push({ type: 'Invalid', field: `ports[${i}].name`, value: name, detail: d });
      if (names.has(name)) out.push({ type: 'Duplicate', field: `ports[${i}].name`, value: name });
      names.add(name);
      out.push(...notSupported(p.protocol, `ports[${i}].protocol`, ['SCTP', 'TCP', 'UDP']));
      if (isInt(p.port)) out.push(...portNumberErrors(p.port, `ports[${i}].port`));
    });
    return out;
  },
};
