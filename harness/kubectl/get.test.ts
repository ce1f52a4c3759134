import { describe, it, expect } from 'vitest';
import { getPods, getNodes, getEvents, getServices, getDeployments, findPrinter, printerNames, nodeStatus, nodeRoles } from './index.ts';
import * as f from './fixtures.ts';

const now = f.NOW;
const lines = (...rows: string[]): string => `${rows.join('\n')}\n`;

const allPods = [f.runningPod, f.imagePullBackOffPod, f.errImagePullPod, f.creatingPod, f.crashLoopPod, f.initPod, f.terminatingPod, f.completedPod, f.halfReadyPod];

const nodes = [
  f.node('node-2', { age: 90000, ip: '192.168.49.3', unschedulable: true }),
  f.node('node-1', { age: 90000, ip: '192.168.49.2', labels: { 'node-role.kubernetes.io/control-plane': '' } }),
  f.node('node-3', { age: 5000, ready: 'False', ip: '192.168.49.4' }),
  f.node('node-4', { age: 50, ready: 'missing', ip: '192.168.49.5' }),
];

// Golden outputs below were checked byte for byte against kubectl v1.34.5 (see kubectl-oracle.test.ts).
describe('getPods', () => {
  it('prints NAME READY STATUS RESTARTS AGE sorted by name', () => {
    expect(getPods(allPods, { now })).toEqual({
      stdout: lines(
        'NAME           READY   STATUS              RESTARTS      AGE',
        'crasher        0/1     CrashLoopBackOff    5 (95s ago)   10m',
        'creating       0/1     ContainerCreating   0             5s',
        'going-away     1/1     Terminating         0             3d2h',
        'hello-pod      1/1     Running             0             5m',
        'job-once       0/1     Completed           0             120m',
        'pull-backoff   0/1     ImagePullBackOff    0             2m5s',
        'pull-err       0/1     ErrImagePull        0             2m5s',
        'two-ctr        1/2     Running             0             3h12m',
        'with-init      0/1     Init:0/2            0             40s',
      ),
      stderr: '',
    });
  });

  it('adds IP NODE NOMINATED NODE READINESS GATES with -o wide', () => {
    expect(getPods([f.runningPod, f.creatingPod], { now, wide: true }).stdout).toBe(lines(
      'NAME        READY   STATUS              RESTARTS   AGE   IP         NODE     NOMINATED NODE   READINESS GATES',
      'creating    0/1     ContainerCreating   0          5s    <none>     node-2   <none>           <none>',
      'hello-pod   1/1     Running             0          5m    10.1.0.5   node-1   <none>           <none>',
    ));
  });

  it('prepends NAMESPACE with -A and appends LABELS with --show-labels', () => {
    expect(getPods([f.runningPod, f.creatingPod], { now, showLabels: true, allNamespaces: true }).stdout).toBe(lines(
      'NAMESPACE   NAME        READY   STATUS              RESTARTS   AGE   LABELS',
      'default     creating    0/1     ContainerCreating   0          5s    <none>',
      'default     hello-pod   1/1     Running             0          5m    app=web,zone=prod',
    ));
  });

  it('lists only the requested namespace', () => {
    const other = { ...f.runningPod, metadata: { ...f.runningPod.metadata, name: 'elsewhere', namespace: 'team-a' } };
    expect(getPods([f.runningPod, other], { now, namespace: 'team-a' }).stdout).toBe(lines(
      'NAME        READY   STATUS    RESTARTS   AGE',
      'elsewhere   1/1     Running   0          5m',
    ));
  });

  it('writes "No resources found" to stderr for an empty list', () => {
    expect(getPods([], { now })).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n' });
    expect(getPods([f.runningPod], { now, namespace: 'kube-system' })).toEqual({ stdout: '', stderr: 'No resources found in kube-system namespace.\n' });
    expect(getPods([], { now, allNamespaces: true })).toEqual({ stdout: '', stderr: 'No resources found\n' });
  });

  it('prints readiness gates as passing/total', () => {
    const gated = {
      ...f.runningPod,
      spec: { ...f.runningPod.spec, readinessGates: [{ conditionType: 'example.com/lb' }, { conditionType: 'example.com/dns' }] },
      status: { ...f.runningPod.status, conditions: [{ type: 'example.com/lb', status: 'True' }] },
    };
    expect(getPods([gated], { now, wide: true }).stdout.split('\n')[1]).toMatch(/<none>\s+1\/2$/);
  });

  it('survives hostile objects', () => {
    expect(() => getPods([null, 'x', { metadata: null }, { metadata: { name: 7 }, status: [] }], { now, wide: true, showLabels: true, allNamespaces: true })).not.toThrow();
  });
});

describe('getNodes', () => {
  it('prints STATUS, ROLES and VERSION', () => {
    expect(getNodes(nodes, { now })).toEqual({
      stdout: lines(
        'NAME     STATUS                     ROLES           AGE   VERSION',
        'node-1   Ready                      control-plane   25h   v1.34.1',
        'node-2   Ready,SchedulingDisabled   <none>          25h   v1.34.1',
        'node-3   NotReady                   <none>          83m   v1.34.1',
        'node-4   Unknown                    <none>          50s   v1.34.1',
      ),
      stderr: '',
    });
  });

  it('adds addresses and node info with -o wide', () => {
    expect(getNodes([f.node('node-1', { age: 90000, ip: '192.168.49.2' })], { now, wide: true }).stdout).toBe(lines(
      'NAME     STATUS   ROLES    AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
      'node-1   Ready    <none>   25h   v1.34.1   192.168.49.2   <none>        Ubuntu 24.04.3 LTS   6.8.0-79-generic   containerd://1.7.28',
    ));
  });

  it('says "No resources found" without a namespace (nodes are cluster-scoped)', () => {
    expect(getNodes([], { now })).toEqual({ stdout: '', stderr: 'No resources found\n' });
  });

  it.each([
    [{ 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '' }, 'control-plane,worker'],
    [{ 'kubernetes.io/role': 'master' }, 'master'],
    [{ 'kubernetes.io/role': '' }, '<none>'],
    [{ 'node-role.kubernetes.io/': '' }, '<none>'],
    [{}, '<none>'],
  ])('roles from labels %j → %s', (labels, expected) => {
    expect(nodeRoles({ metadata: { labels } })).toBe(expected);
  });

  it('reads Unknown Ready condition as NotReady', () => {
    expect(nodeStatus({ status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } })).toBe('NotReady');
    expect(nodeStatus(null)).toBe('Unknown');
  });
});

describe('getEvents', () => {
  it('prints LAST SEEN TYPE REASON OBJECT MESSAGE in recorded order', () => {
    expect(getEvents(f.backOffEvents, { now }).stdout).toBe(lines(
      'LAST SEEN   TYPE      REASON      OBJECT             MESSAGE',
      '2m5s        Normal    Scheduled   pod/pull-backoff   Successfully assigned default/pull-backoff to node-1',
      '40s         Normal    Pulling     pod/pull-backoff   Pulling image "nginxx:1.0"',
      '39s         Warning   Failed      pod/pull-backoff   Failed to pull image "nginxx:1.0": failed to resolve reference "docker.io/library/nginxx:1.0": pull access denied',
      '39s         Warning   Failed      pod/pull-backoff   Error: ErrImagePull',
      '10s         Normal    BackOff     pod/pull-backoff   Back-off pulling image "nginxx:1.0"',
      '10s         Warning   Failed      pod/pull-backoff   Error: ImagePullBackOff',
    ));
  });

  it('adds SUBOBJECT SOURCE FIRST SEEN COUNT NAME with -o wide', () => {
    expect(getEvents(f.runningEvents.slice(0, 2), { now, wide: true }).stdout).toBe(lines(
      'LAST SEEN   TYPE     REASON      OBJECT          SUBOBJECT                  SOURCE              MESSAGE                                                FIRST SEEN   COUNT   NAME',
      '5m          Normal   Scheduled   pod/hello-pod                              default-scheduler   Successfully assigned default/hello-pod to node-1      5m           1       hello-pod.1',
      '4m59s       Normal   Pulling     pod/hello-pod   spec.containers{web-ctr}   kubelet, node-1     Pulling image "nigelpoulton/getting-started-k8s:1.0"   4m59s        1       hello-pod.2',
    ));
  });

  it('falls back to firstTimestamp and eventTime when lastTimestamp is unset', () => {
    const e = { ...f.runningEvents[0], lastTimestamp: null, firstTimestamp: null, eventTime: f.ago(30), count: 0 };
    expect(getEvents([e], { now, wide: true }).stdout.split('\n')[1]).toMatch(/^30s .* 30s {10}1 {7}hello-pod\.1$/);
  });

  it('names the object kind/name in lower case (node events too)', () => {
    const e = f.event({ about: nodes[0]!, name: 'n', reason: 'NodeNotSchedulable', message: 'Node node-2 status is now: NodeNotSchedulable', first: 30 });
    expect(getEvents([e], { now }).stdout).toBe(lines(
      'LAST SEEN   TYPE     REASON               OBJECT        MESSAGE',
      '30s         Normal   NodeNotSchedulable   node/node-2   Node node-2 status is now: NodeNotSchedulable',
    ));
  });

  it('writes "No resources found in default namespace." for no events', () => {
    expect(getEvents([], { now })).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n' });
  });
});

describe('printer registry', () => {
  it('finds printers by plural, singular and short names', () => {
    expect(findPrinter('pods')).toBe(getPods);
    expect(findPrinter('po')).toBe(getPods);
    expect(findPrinter('Node')).toBe(getNodes);
    expect(findPrinter('ev')).toBe(getEvents);
    expect(findPrinter('svc')).toBe(getServices);
    expect(findPrinter('deploy')).toBe(getDeployments);
    expect(findPrinter('ingresses')).toBeUndefined();
    expect(printerNames()).toEqual(['configmaps', 'deployments', 'endpoints', 'endpointslices', 'events', 'jobs', 'nodes', 'pods', 'replicasets', 'services']);
  });
});
