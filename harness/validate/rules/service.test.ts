import { describe, expect, it } from 'vitest';
import { serviceRule } from './service.ts';
import { causes } from './test-helpers.ts';

const svc = (spec: Record<string, unknown>): Record<string, unknown> => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec });
const p80 = { port: 80, protocol: 'TCP', targetPort: 8080 };

describe('service rule', () => {
  it.each<[string, Record<string, unknown>, string[]]>([
    ['valid ClusterIP', svc({ type: 'ClusterIP', selector: { app: 'web' }, ports: [p80] }), []],
    ['no selector is valid', svc({ type: 'ClusterIP', ports: [p80] }), []],
    ['no ports', svc({ type: 'ClusterIP' }), ['spec.ports: Required value']],
    ['headless without ports', svc({ type: 'ClusterIP', clusterIP: 'None' }), []],
    ['ExternalName without ports', svc({ type: 'ExternalName', externalName: 'example.com.' }), []],
    ['ExternalName without name', svc({ type: 'ExternalName' }), ['spec.externalName: Required value']],
    ['second port unnamed', svc({ ports: [{ ...p80, name: 'http' }, { port: 81, protocol: 'TCP' }] }), ['spec.ports[1].name: Required value']],
    ['duplicate port name', svc({ ports: [{ ...p80, name: 'http' }, { port: 81, name: 'http' }] }), ['spec.ports[1].name: Duplicate value: "http"']],
    ['port 0', svc({ ports: [{ port: 0 }] }), ['spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive']],
    ['duplicate protocol/port', svc({ ports: [{ ...p80, name: 'a' }, { port: 80, protocol: 'TCP', name: 'b' }] }), [
      'spec.ports[1]: Duplicate value: {"Name":"","Protocol":"TCP","AppProtocol":null,"Port":80,"TargetPort":0,"NodePort":0}',
    ]],
    ['same port on UDP is fine', svc({ ports: [{ ...p80, name: 'a' }, { port: 80, protocol: 'UDP', name: 'b' }] }), []],
    ['duplicate nodePort', svc({ type: 'NodePort', ports: [{ port: 80, name: 'a', nodePort: 30080 }, { port: 81, name: 'b', nodePort: 30080 }] }), ['spec.ports[1].nodePort: Duplicate value: 30080']],
    ['targetPort out of range', svc({ ports: [{ port: 80, targetPort: 70000 }] }), ['spec.ports[0].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive']],
    ['targetPort bad name', svc({ ports: [{ port: 80, targetPort: 'http_web' }] }), ['spec.ports[0].targetPort: Invalid value: "http_web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)']],
    ['bad type', svc({ type: 'Nodeport', ports: [p80] }), ['spec.type: Unsupported value: "Nodeport": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"']],
    ['nodePort on ClusterIP', svc({ type: 'ClusterIP', ports: [{ port: 80, nodePort: 30080 }] }), ["spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'"]],
    ['None with NodePort', svc({ type: 'NodePort', clusterIP: 'None', ports: [p80] }), ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for NodePort services']],
    ['None with LoadBalancer', svc({ type: 'LoadBalancer', clusterIP: 'None', ports: [p80] }), ['spec.clusterIPs[0]: Invalid value: "None": may not be set to \'None\' for LoadBalancer services']],
    ['bad sessionAffinity', svc({ ports: [p80], sessionAffinity: 'Sticky' }), ['spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"']],
    ['ClientIP timeout 0', svc({ ports: [p80], sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 0 } } }), [
      'spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 0: must be greater than 0 and less than 86400',
    ]],
    ['selector validated as labels', svc({ ports: [p80], selector: { app: 'my web' } }), [expect.stringMatching(/^spec\.selector: Invalid value: "my web": a valid label/) as unknown as string]],
    ['bad port name', svc({ ports: [{ port: 80, name: 'Http' }] }), [expect.stringMatching(/^spec\.ports\[0\]\.name: Invalid value: "Http": a lowercase RFC 1123 label/) as unknown as string]],
    // Guards a past bug: port names were checked as DNS-1035 labels, rejecting kubectl create service's `80-8080`.
    ['port name starting with a digit', svc({ ports: [{ port: 80, name: '80-8080' }] }), []],
    ['hostile ports', svc({ ports: 'eighty' }), ['spec.ports: Required value']],
  ])('%s', (_t, obj, expected) => {
    expect(causes(serviceRule, obj)).toEqual(expected);
  });
});
