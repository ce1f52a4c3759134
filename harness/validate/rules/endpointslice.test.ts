import { describe, expect, it } from 'vitest';
import { endpointSliceRule } from './endpointslice.ts';
import { causes } from './test-helpers.ts';

const es = (extra: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'web-abc' }, ...extra });

describe('endpointslice rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid', es({ addressType: 'IPv4', endpoints: [{ addresses: ['10.1.0.5'] }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }), []],
    ['missing addressType', es({ endpoints: [] }), ['addressType: Required value']],
    ['bad addressType', es({ addressType: 'IPv5' }), ['addressType: Unsupported value: "IPv5": supported values: "IPv4", "IPv6", "FQDN"']],
    ['endpoint without addresses', es({ addressType: 'IPv4', endpoints: [{ addresses: [] }] }), ['endpoints[0].addresses: Required value: must contain at least 1 address']],
    ['bad port protocol', es({ addressType: 'IPv4', ports: [{ port: 80, protocol: 'HTTP' }] }), ['ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"']],
    ['duplicate port name', es({ addressType: 'IPv4', ports: [{ name: 'a', port: 80 }, { name: 'a', port: 81 }] }), ['ports[1].name: Duplicate value: "a"']],
    ['port out of range', es({ addressType: 'IPv4', ports: [{ port: 70000 }] }), ['ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive']],
  ])('%s', (_t, obj, expected) => {
    expect(causes(endpointSliceRule, obj)).toEqual(expected);
  });
});
