import { describe, expect, it } from 'vitest';
import { describeService, formatEndpointSlices } from './describe-service.ts';

const now = '2026-01-01T01:00:00Z';

const service = {
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', labels: { tier: 'fe', app: 'web' }, annotations: { owner: 'ana' } },
  spec: {
    type: 'LoadBalancer',
    selector: { app: 'web' },
    clusterIP: '10.152.183.20',
    clusterIPs: ['10.152.183.20'],
    ipFamilyPolicy: 'SingleStack',
    ipFamilies: ['IPv4'],
    externalIPs: ['1.2.3.4'],
    ports: [
      { name: 'http', port: 80, targetPort: 'web', protocol: 'TCP', nodePort: 30080 },
      { name: 'metrics', port: 9090, targetPort: 9090, protocol: 'TCP', nodePort: 30090 },
    ],
    sessionAffinity: 'None',
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
  },
  status: { loadBalancer: { ingress: [{ ip: '192.168.100.200', ipMode: 'VIP' }] } },
};

const ep = (ip: string, ready: boolean) => ({ addresses: [ip], conditions: { ready, serving: ready, terminating: false } });
const slice = {
  metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }, { name: 'metrics', port: 9090, protocol: 'TCP' }],
  endpoints: [ep('10.1.0.5', true), ep('10.1.0.6', false), ep('10.1.0.7', true), ep('10.1.0.8', true), ep('10.1.0.9', true)],
};
const otherSlice = { ...slice, metadata: { ...slice.metadata, labels: { 'kubernetes.io/service-name': 'api' } } };
const event = {
  involvedObject: { kind: 'Service', name: 'web', namespace: 'default' },
  type: 'Normal', reason: 'EnsuringLoadBalancer', message: 'Ensuring load balancer', source: { component: 'service-controller' },
  firstTimestamp: '2026-01-01T00:59:00Z', lastTimestamp: '2026-01-01T00:59:00Z', count: 1,
};

describe('describeService', () => {
  it('prints every section as kubectl describe service v1.34 does (golden)', () => {
    expect(describeService(service, [slice, otherSlice], [event], { now })).toEqual({
      stdout: `Name:                     web
Namespace:                default
Labels:                   app=web
                          tier=fe
Annotations:              owner: ana
Selector:                 app=web
Type:                     LoadBalancer
IP Family Policy:         SingleStack
IP Families:              IPv4
IP:                       10.152.183.20
IPs:                      10.152.183.20
External IPs:             1.2.3.4
LoadBalancer Ingress:     192.168.100.200
Port:                     http  80/TCP
TargetPort:               web/TCP
NodePort:                 http  30080/TCP
Endpoints:                10.1.0.5:8080,10.1.0.7:8080,10.1.0.8:8080 + 1 more...
Port:                     metrics  9090/TCP
TargetPort:               9090/TCP
NodePort:                 metrics  30090/TCP
Endpoints:                10.1.0.5:9090,10.1.0.7:9090,10.1.0.8:9090 + 1 more...
Session Affinity:         None
External Traffic Policy:  Cluster
Internal Traffic Policy:  Cluster
Events:
  Type    Reason                Age   From                Message
  ----    ------                ----  ----                -------
  Normal  EnsuringLoadBalancer  60s   service-controller  Ensuring load balancer
`,
      stderr: '',
    });
  });

  it.each([
    ['no slices', [], '', '<none>'],
    ['slices without ready endpoints', [{ ports: [{ name: '', port: 80 }], endpoints: [ep('10.1.0.5', false)] }], '', ''],
    ['an unnamed port', [{ ports: [{ port: 80 }], endpoints: [ep('10.1.0.5', true)] }], '', '10.1.0.5:80'],
    ['a headless slice without ports', [{ endpoints: [ep('10.1.0.5', true), { addresses: ['10.1.0.6'] }] }], '', '10.1.0.5,10.1.0.6'],
    ['another port name', [{ ports: [{ name: 'http', port: 80 }], endpoints: [ep('10.1.0.5', true)] }], 'https', ''],
  ])('formats Endpoints for %s', (_name, slices, port, text) => {
    expect(formatEndpointSlices(slices, port)).toBe(text);
  });

  it('prints a ClusterIP Service without the NodePort-only lines and never throws on odd shapes', () => {
    const out = describeService({ metadata: { name: 'db' }, spec: { type: 'ClusterIP', clusterIP: 'None', ports: [{ port: 5432 }], sessionAffinity: 'None' } }, [], [], { now });
    expect(out.stdout).toBe(`Name:              db
Namespace:         default
Labels:            <none>
Annotations:       <none>
Selector:          <none>
Type:              ClusterIP
IP Families:       <none>
IP:                None
IPs:               <none>
Port:              <unset>  5432/TCP
TargetPort:        5432/TCP
Endpoints:         <none>
Session Affinity:  None
Events:            <none>
`);
    expect(() => describeService(null, [null, 3], ['x'], { now })).not.toThrow();
  });
});
