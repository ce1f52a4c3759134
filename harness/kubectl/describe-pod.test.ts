import { describe, it, expect } from 'vitest';
import { describePod, describeProbe } from './index.ts';
import * as f from './fixtures.ts';

const now = f.NOW;
const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

const SA_TAIL = [
  'Volumes:',
  '  kube-api-access-x7k2p:',
  '    Type:                    Projected (a volume that contains injected data from multiple sources)',
  '    TokenExpirationSeconds:  3607',
  '    ConfigMapName:           kube-root-ca.crt',
  '    Optional:                false',
  '    DownwardAPI:             true',
  'QoS Class:                   BestEffort',
  'Node-Selectors:              <none>',
  'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
];

const DETAILED = lines(
  'Name:             web-7c5ddbdf54-x2x9q',
  'Namespace:        default',
  'Priority:         0',
  'Service Account:  default',
  'Node:             node-1/192.168.49.2',
  'Start Time:       Thu, 01 Jan 2026 00:59:57 +0000',
  'Labels:           app=web',
  '                  zone=prod',
  'Annotations:      note: hello',
  'Status:           Pending',
  'IP:               ',
  'IPs:              <none>',
  'Controlled By:    ReplicaSet/web-7c5ddbdf54',
  'Containers:',
  '  web:',
  '    Image:       nginx',
  '    Ports:       80/TCP (http), 53/UDP',
  '    Host Ports:  0/TCP (http), 0/UDP',
  '    Limits:',
  '      memory:  128Mi',
  '    Requests:',
  '      cpu:      250m',
  '      memory:   64Mi',
  '    Liveness:   http-get http://:8080/healthz delay=0s timeout=1s period=10s #success=1 #failure=3',
  '    Readiness:  tcp-socket :http delay=5s timeout=1s period=10s #success=1 #failure=3',
  '    Environment:',
  '      MODE:      prod',
  '      POD_NAME:  web-7c5ddbdf54-x2x9q (v1:metadata.name)',
  "      PASS:      <set to the key 'password' in secret 'db'>  Optional: false",
  '    Mounts:',
  '      /etc/app from cfg (ro)',
  '      /var/data from data (rw,path="sub")',
  'Conditions:',
  '  Type           Status',
  '  PodScheduled   True ',
  'Volumes:',
  '  data:',
  "    Type:       EmptyDir (a temporary directory that shares a pod's lifetime)",
  '    Medium:     ',
  '    SizeLimit:  <unset>',
  '  cfg:',
  '    Type:        ConfigMap (a volume populated by a ConfigMap)',
  '    Name:        app-cfg',
  '    Optional:    false',
  'QoS Class:       Burstable',
  'Node-Selectors:  <none>',
  'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
  '                 node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
  'Events:          <none>',
);

// Goldens checked byte for byte against kubectl v1.34.5 describe (see kubectl-oracle.test.ts).
describe('describePod', () => {
  it('prints a running pod with its events', () => {
    const out = describePod(f.runningPod, [...f.runningEvents, ...f.backOffEvents], { now });
    expect(out.stderr).toBe('');
    expect(out.stdout).toBe(lines(
      'Name:             hello-pod',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             node-1/192.168.49.2',
      'Start Time:       Thu, 01 Jan 2026 00:55:00 +0000',
      'Labels:           app=web',
      '                  zone=prod',
      'Annotations:      <none>',
      'Status:           Running',
      'IP:               10.1.0.5',
      'IPs:',
      '  IP:  10.1.0.5',
      'Containers:',
      '  web-ctr:',
      '    Container ID:   containerd://a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6',
      '    Image:          nigelpoulton/getting-started-k8s:1.0',
      '    Image ID:       docker.io/nigelpoulton/getting-started-k8s@sha256:3d5d1e2a5b7c0f6c1e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a3928170f6e5d4c3',
      '    Port:           8080/TCP',
      '    Host Port:      0/TCP',
      '    State:          Running',
      '      Started:      Thu, 01 Jan 2026 00:55:10 +0000',
      '    Ready:          True',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)',
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       True ',
      '  ContainersReady             True ',
      '  PodScheduled                True ',
      ...SA_TAIL,
      'Events:',
      '  Type    Reason     Age    From               Message',
      '  ----    ------     ----   ----               -------',
      '  Normal  Scheduled  5m     default-scheduler  Successfully assigned default/hello-pod to node-1',
      '  Normal  Pulling    4m59s  kubelet            Pulling image "nigelpoulton/getting-started-k8s:1.0"',
      '  Normal  Pulled     4m51s  kubelet            Successfully pulled image "nigelpoulton/getting-started-k8s:1.0" in 8.2s (8.2s including waiting). Image size: 62958873 bytes.',
      '  Normal  Created    4m51s  kubelet            Created container: web-ctr',
      '  Normal  Started    4m50s  kubelet            Started container web-ctr',
    ));
  });

  it('prints an ImagePullBackOff pod with repeated events as "age (xN over first)" sorted by last seen', () => {
    const shuffled = [...f.backOffEvents].reverse();
    expect(describePod(f.imagePullBackOffPod, shuffled, { now }).stdout).toBe(lines(
      'Name:             pull-backoff',
      'Namespace:        default',
      'Priority:         0',
      'Service Account:  default',
      'Node:             node-1/192.168.49.2',
      'Start Time:       Thu, 01 Jan 2026 00:57:55 +0000',
      'Labels:           <none>',
      'Annotations:      <none>',
      'Status:           Pending',
      'IP:               10.1.0.5',
      'IPs:',
      '  IP:  10.1.0.5',
      'Containers:',
      '  web:',
      '    Container ID:   ',
      '    Image:          nginxx:1.0',
      '    Image ID:       ',
      '    Port:           <none>',
      '    Host Port:      <none>',
      '    State:          Waiting',
      '      Reason:       ImagePullBackOff',
      '    Ready:          False',
      '    Restart Count:  0',
      '    Environment:    <none>',
      '    Mounts:',
      '      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-x7k2p (ro)',
      'Conditions:',
      '  Type                        Status',
      '  PodReadyToStartContainers   True ',
      '  Initialized                 True ',
      '  Ready                       False ',
      '  ContainersReady             False ',
      '  PodScheduled                True ',
      ...SA_TAIL,
      'Events:',
      '  Type     Reason     Age                 From               Message',
      '  ----     ------     ----                ----               -------',
      '  Normal   Scheduled  2m5s                default-scheduler  Successfully assigned default/pull-backoff to node-1',
      '  Normal   Pulling    40s (x4 over 2m4s)  kubelet            Pulling image "nginxx:1.0"',
      // Equal lastTimestamps keep their input order (the input is reversed here), as Go's sort does for short lists.
      '  Warning  Failed     39s (x4 over 2m3s)  kubelet            Error: ErrImagePull',
      '  Warning  Failed     39s (x4 over 2m3s)  kubelet            Failed to pull image "nginxx:1.0": failed to resolve reference "docker.io/library/nginxx:1.0": pull access denied',
      '  Warning  Failed     10s (x6 over 2m2s)  kubelet            Error: ImagePullBackOff',
      '  Normal   BackOff    10s (x6 over 2m2s)  kubelet            Back-off pulling image "nginxx:1.0"',
    ));
  });

  it('aligns "Events: <none>" with the header block and shows Last State for a crash loop', () => {
    const out = describePod(f.crashLoopPod, [], { now }).stdout;
    expect(out).toContain(lines(
      '    State:          Waiting',
      '      Reason:       CrashLoopBackOff',
      '    Last State:     Terminated',
      '      Reason:       Error',
      '      Exit Code:    1',
      '      Started:      Thu, 01 Jan 2026 00:58:25 +0000',
      '      Finished:     Thu, 01 Jan 2026 00:58:25 +0000',
      '    Ready:          False',
      '    Restart Count:  5',
    ));
    expect(out.endsWith(lines(
      'Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
      '                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s',
      'Events:                      <none>',
    ))).toBe(true);
  });

  it('ignores events about other objects', () => {
    const out = describePod(f.runningPod, f.backOffEvents, { now }).stdout;
    expect(out).toContain('Events:                      <none>\n');
  });

  it('prints Terminating (lasts …) with the grace period while the pod is being deleted', () => {
    const out = describePod(f.terminatingPod, [], { now }).stdout;
    expect(out).toContain('Status:                    Terminating (lasts <invalid>)\nTermination Grace Period:  30s\n');
  });

  it('folds long and multi-line annotations (140 characters, then ...)', () => {
    expect(describePod(f.terminatingPod, [], { now }).stdout).toContain(lines(
      'Annotations:               example.com/long:',
      `                             ${'x'.repeat(138)}...`,
      '                           example.com/multi:',
      '                             line one',
      '                             line two',
      '                           short: yes',
    ));
  });

  it('prints init containers before containers with their commands', () => {
    const out = describePod(f.initPod, [], { now }).stdout;
    expect(out).toContain(lines(
      'Init Containers:',
      '  wait-db:',
      '    Container ID:  containerd://e1',
      '    Image:         busybox:1.36',
      '    Image ID:      docker.io/library/busybox@sha256:0123',
      '    Port:          <none>',
      '    Host Port:     <none>',
      '    Command:',
      '      sh',
      '      -c',
      '      until nslookup db; do sleep 2; done',
      '    State:          Running',
    ));
    expect(out.indexOf('Init Containers:')).toBeLessThan(out.indexOf('\nContainers:'));
  });

  it('prints controller, ports, probes, resources, env, mounts and volumes', () => {
    expect(describePod(f.detailedPod, [], { now }).stdout).toBe(DETAILED);
  });

  it('does not throw on hostile input', () => {
    for (const pod of [null, 'x', { metadata: [], spec: { containers: 'web' }, status: null }, { spec: { containers: [null, { name: 3, ports: {} }] } }]) {
      expect(() => describePod(pod, [null, 'e', { involvedObject: null }], { now })).not.toThrow();
    }
  });
});

describe('describeProbe', () => {
  it.each([
    [{ exec: { command: ['cat', '/tmp/healthy'] }, periodSeconds: 5 }, 'exec [cat /tmp/healthy] delay=0s timeout=1s period=5s #success=1 #failure=3'],
    [{ httpGet: { path: 'ready', port: 'http', scheme: 'HTTPS', host: '10.0.0.1' } }, 'http-get https://10.0.0.1:http/ready delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{ tcpSocket: { port: 5432 }, failureThreshold: 30 }, 'tcp-socket :5432 delay=0s timeout=1s period=10s #success=1 #failure=30'],
    [{ grpc: { port: 9000 } }, 'grpc <pod>:9000  delay=0s timeout=1s period=10s #success=1 #failure=3'],
    [{}, 'unknown delay=0s timeout=1s period=10s #success=1 #failure=3'],
  ])('%j', (probe, expected) => {
    expect(describeProbe(probe)).toBe(expected);
  });
});
