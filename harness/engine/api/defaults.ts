import { clone } from '../../core/kube.ts';
import type { KubeObject } from '../../core/kube.ts';
import { parseImageReference } from '../images.ts';
import { canonicalQuantity } from '../quantity-canonical.ts';
import { asList, asMap } from '../util.ts';
import { defaultJob } from './defaults-job.ts';

/** Applies one kind's defaults in place (registry entries; later kinds add their own). */
export type Defaulter = (obj: KubeObject) => void;

const DEFAULTERS = new Map<string, Defaulter>();

/** Registers the defaulting function of a kind. */
export function registerDefaulter(kind: string, fn: Defaulter): void {
  DEFAULTERS.set(kind, fn);
}

/** Returns a copy of the object with the API server's defaults (pkg/apis/core/v1, apps/v1 defaults.go). */
export function applyDefaults(obj: KubeObject): KubeObject {
  const copy = clone(obj);
  if (asMap(copy) === undefined) return copy;
  DEFAULTERS.get(copy.kind)?.(copy);
  return copy;
}

function setIfMissing(target: Record<string, unknown>, key: string, value: unknown): void {
  if (target[key] === undefined || target[key] === null) target[key] = value;
}

/** Chooses the default imagePullPolicy: Always iff the parsed tag is `latest`. */
export function defaultPullPolicy(image: unknown): 'Always' | 'IfNotPresent' {
  const parsed = parseImageReference(image);
  return parsed.ok && parsed.ref.tag === 'latest' && parsed.ref.digest === undefined ? 'Always' : 'IfNotPresent';
}

function defaultProbe(probe: unknown): void {
  const p = asMap(probe);
  if (!p) return;
  setIfMissing(p, 'timeoutSeconds', 1);
  setIfMissing(p, 'periodSeconds', 10);
  setIfMissing(p, 'successThreshold', 1);
  setIfMissing(p, 'failureThreshold', 3);
  const http = asMap(p.httpGet);
  if (http) {
    setIfMissing(http, 'path', '/');
    setIfMissing(http, 'scheme', 'HTTP');
  }
}

/** Rewrites each readable quantity of a resource list in its canonical form, as the API server stores it. */
function canonicalQuantities(list: Record<string, unknown> | undefined): void {
  if (!list) return;
  for (const name of Object.keys(list)) {
    const canonical = canonicalQuantity(list[name]);
    if (canonical !== undefined) list[name] = canonical;
  }
}

function defaultContainer(container: unknown, hostNetwork: boolean, podOnly: boolean): void {
  const c = asMap(container);
  if (!c) return;
  if (c.imagePullPolicy === undefined || c.imagePullPolicy === '') c.imagePullPolicy = defaultPullPolicy(c.image);
  setIfMissing(c, 'terminationMessagePath', '/dev/termination-log');
  setIfMissing(c, 'terminationMessagePolicy', 'File');
  for (const port of asList(c.ports)) {
    const p = asMap(port);
    if (!p) continue;
    if (p.protocol === undefined || p.protocol === '') p.protocol = 'TCP';
    if (hostNetwork && (p.hostPort === undefined || p.hostPort === 0)) p.hostPort = p.containerPort;
  }
  for (const key of ['livenessProbe', 'readinessProbe', 'startupProbe']) defaultProbe(c[key]);
  // SetDefaults_ObjectFieldSelector: a downward-API fieldRef without apiVersion reads v1.
  for (const env of asList(c.env)) {
    const fieldRef = asMap(asMap(asMap(env)?.valueFrom)?.fieldRef);
    if (fieldRef) setIfMissing(fieldRef, 'apiVersion', 'v1');
  }
  const resources = asMap(c.resources);
  canonicalQuantities(asMap(resources?.limits));
  canonicalQuantities(asMap(resources?.requests));
  const limits = asMap(resources?.limits);
  if (podOnly && resources && limits) {
    const requests = asMap(resources.requests) ?? {};
    for (const name of Object.keys(limits).sort()) setIfMissing(requests, name, limits[name]);
    resources.requests = requests;
  }
}

/** Applies PodSpec and container defaults; `podOnly` adds the ones Pods get but templates do not. */
export function defaultPodSpec(spec: unknown, podOnly: boolean): void {
  const s = asMap(spec);
  if (!s) return;
  setIfMissing(s, 'restartPolicy', 'Always');
  setIfMissing(s, 'dnsPolicy', 'ClusterFirst');
  setIfMissing(s, 'terminationGracePeriodSeconds', 30);
  setIfMissing(s, 'schedulerName', 'default-scheduler');
  setIfMissing(s, 'securityContext', {});
  if (podOnly) setIfMissing(s, 'enableServiceLinks', true);
  const podResources = asMap(s.resources);
  canonicalQuantities(asMap(podResources?.limits));
  canonicalQuantities(asMap(podResources?.requests));
  canonicalQuantities(asMap(s.overhead));
  for (const v of asList(s.volumes)) {
    const emptyDir = asMap(asMap(v)?.emptyDir);
    if (emptyDir && emptyDir.sizeLimit !== undefined) emptyDir.sizeLimit = canonicalQuantity(emptyDir.sizeLimit) ?? emptyDir.sizeLimit;
  }
  const hostNetwork = s.hostNetwork === true;
  for (const c of asList(s.containers)) defaultContainer(c, hostNetwork, podOnly);
  for (const c of asList(s.initContainers)) defaultContainer(c, hostNetwork, podOnly);
}

function defaultTemplate(spec: unknown): void {
  defaultPodSpec(asMap(asMap(asMap(spec)?.template)?.spec), false);
}

registerDefaulter('Pod', (obj) => defaultPodSpec(obj.spec, true));

registerDefaulter('Service', (obj) => {
  const s = asMap(obj.spec);
  if (!s) return;
  setIfMissing(s, 'type', 'ClusterIP');
  setIfMissing(s, 'sessionAffinity', 'None');
  if (s.sessionAffinity === 'None') delete s.sessionAffinityConfig;
  if (s.sessionAffinity === 'ClientIP') {
    const cfg = asMap(s.sessionAffinityConfig) ?? {};
    const ip = asMap(cfg.clientIP) ?? {};
    setIfMissing(ip, 'timeoutSeconds', 10800);
    cfg.clientIP = ip;
    s.sessionAffinityConfig = cfg;
  }
  for (const port of asList(s.ports)) {
    const p = asMap(port);
    if (!p) continue;
    if (p.protocol === undefined || p.protocol === '') p.protocol = 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  if (s.type === 'NodePort' || s.type === 'LoadBalancer') setIfMissing(s, 'externalTrafficPolicy', 'Cluster');
  if (s.type !== 'ExternalName') setIfMissing(s, 'internalTrafficPolicy', 'Cluster');
  if (s.type === 'LoadBalancer') setIfMissing(s, 'allocateLoadBalancerNodePorts', true);
});

registerDefaulter('Deployment', (obj) => {
  const s = asMap(obj.spec);
  if (!s) return;
  setIfMissing(s, 'replicas', 1);
  const strategy = asMap(s.strategy) ?? {};
  if (strategy.type === undefined || strategy.type === '') strategy.type = 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = asMap(strategy.rollingUpdate) ?? {};
    setIfMissing(ru, 'maxUnavailable', '25%');
    setIfMissing(ru, 'maxSurge', '25%');
    strategy.rollingUpdate = ru;
  }
  s.strategy = strategy;
  setIfMissing(s, 'revisionHistoryLimit', 10);
  setIfMissing(s, 'progressDeadlineSeconds', 600);
  defaultTemplate(s);
});

registerDefaulter('ReplicaSet', (obj) => {
  const s = asMap(obj.spec);
  if (!s) return;
  setIfMissing(s, 'replicas', 1);
  defaultTemplate(s);
});

// SetDefaults_EndpointPort: a port of a v1 Endpoints subset without a protocol is TCP.
registerDefaulter('Endpoints', (obj) => {
  const subsets = Array.isArray(obj.subsets) ? (obj.subsets as unknown[]) : [];
  for (const subset of subsets) {
    const ports = asMap(subset)?.ports;
    if (!Array.isArray(ports)) continue;
    for (const port of ports) {
      const p = asMap(port);
      if (p) setIfMissing(p, 'protocol', 'TCP');
    }
  }
});

// SetDefaults_Job (batch/v1): completions, parallelism, backoffLimit, completionMode, suspend, podReplacementPolicy.
registerDefaulter('Job', defaultJob);
