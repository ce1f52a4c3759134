/**
 * `kubectl describe pod` (kubectl pkg/describe describePod and its helpers), reproduced field by
 * field: order, indentation (2 spaces per level) and tabwriter alignment.
 */
import { createPrefixWriter } from './prefix-writer.ts';
import type { PrefixWriter } from './prefix-writer.ts';
import { describeEvents } from './describe-events.ts';
import { describeContainers } from './describe-containers.ts';
import { translateTimestampSince, formatRfc1123z } from './duration.ts';
import { obj, objs, str, int, bool, sortedEntries, compareStrings } from './fields.ts';
import type { Json } from './fields.ts';
import { qosClass } from '../engine/qos.ts';
import type { KubeObject } from '../core/kube.ts';
import type { PrinterOutput } from './types.ts';

export interface DescribeOptions {
  /** The current virtual instant, RFC 3339. */
  now: string;
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** Writes `Title:\tk=v` lines, one label per line sorted by key, or `<none>`. */
export function writeLabels(w: PrefixWriter, title: string, labels: unknown): void {
  w.write(0, `${title}:\t`);
  const entries = sortedEntries(labels);
  if (entries.length === 0) {
    w.writeLine('<none>');
    return;
  }
  entries.forEach(([k, v], i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${k}=${v}\n`);
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** Writes `Annotations:` as kubectl does (last-applied skipped, long or multi-line values folded). */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const entries = sortedEntries(annotations).filter(([k]) => k !== LAST_APPLIED);
  if (entries.length === 0) {
    w.writeLine('<none>');
    return;
  }
  entries.forEach(([key, raw], i) => {
    if (i !== 0) w.write(0, '\t');
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    if (value.length + key.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** Writes `Tolerations:` one per line sorted by key (a pod template passes the title `  Tolerations`). */
export function writeTolerations(w: PrefixWriter, tolerations: Json[], title = 'Tolerations'): void {
  w.write(0, `${title}:\t`);
  if (tolerations.length === 0) {
    w.writeLine('<none>');
    return;
  }
  const sorted = tolerations.map((t, i) => ({ t, i }))
    .sort((a, b) => compareStrings(str(a.t.key), str(b.t.key)) || a.i - b.i)
    .map((e) => e.t);
  sorted.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    let line = str(t.key);
    if (str(t.value) !== '') line += `=${str(t.value)}`;
    if (str(t.effect) !== '') line += `:${str(t.effect)}`;
    if (t.operator === 'Exists' && str(t.value) === '') {
      line += str(t.key) !== '' || str(t.effect) !== '' ? ' op=Exists' : 'op=Exists';
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) line += ` for ${int(t.tolerationSeconds)}s`;
    w.write(0, `${line}\n`);
  });
}

const VOLUME_PRINTERS: Record<string, (source: Json, w: PrefixWriter) => void> = {
  hostPath: (s, w) => w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(s.path)}\n    HostPathType:\t${str(s.type) || '<none>'}\n`),
  emptyDir: (s, w) => w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(s.medium)}\n    SizeLimit:\t${str(s.sizeLimit) && str(s.sizeLimit) !== '0' ? str(s.sizeLimit) : '<unset>'}\n`),
  secret: (s, w) => w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(s.secretName)}\n    Optional:\t${bool(s.optional)}\n`),
  configMap: (s, w) => w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(s.name)}\n    Optional:\t${bool(s.optional)}\n`),
  persistentVolumeClaim: (s, w) => w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(s.claimName)}\n    ReadOnly:\t${bool(s.readOnly)}\n`),
  projected: (s, w) => {
    w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
    for (const source of objs(s.sources)) {
      if (source.secret !== undefined && source.secret !== null) {
        w.write(2, `SecretName:\t${str(obj(source.secret).name)}\n    Optional:\t${bool(obj(source.secret).optional)}\n`);
      } else if (source.downwardAPI !== undefined && source.downwardAPI !== null) {
        w.write(2, 'DownwardAPI:\ttrue\n');
      } else if (source.configMap !== undefined && source.configMap !== null) {
        w.write(2, `ConfigMapName:\t${str(obj(source.configMap).name)}\n    Optional:\t${bool(obj(source.configMap).optional)}\n`);
      } else if (source.serviceAccountToken !== undefined && source.serviceAccountToken !== null) {
        w.write(2, `TokenExpirationSeconds:\t${int(obj(source.serviceAccountToken).expirationSeconds)}\n`);
      }
    }
  },
};

/** Writes `Volumes:` (a pod template passes `space` = two spaces, which indents the names by one more space). */
export function writeVolumes(w: PrefixWriter, volumes: Json[], space = ''): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const volume of volumes) {
    w.write(1, `${space === '' ? '' : ' '}${str(volume.name)}:\n`);
    const kind = Object.keys(VOLUME_PRINTERS).find((k) => volume[k] !== undefined && volume[k] !== null);
    if (kind === undefined) w.write(1, '<unknown>\n');
    else VOLUME_PRINTERS[kind]?.(obj(volume[kind]), w);
  }
}

/** Returns the `Kind/name` of the controlling owner, or ''. */
function controlledBy(meta: Json): string {
  const owner = objs(meta.ownerReferences).find((o) => bool(o.controller));
  return owner === undefined ? '' : `${str(owner.kind)}/${str(owner.name)}`;
}

function podQos(pod: Json): string {
  const recorded = str(obj(pod.status).qosClass);
  if (recorded !== '') return recorded;
  return qosClass({ apiVersion: 'v1', kind: 'Pod', metadata: obj(pod.metadata), spec: obj(pod.spec), status: obj(pod.status) } as KubeObject);
}

function eventsAbout(pod: Json, events: readonly unknown[]): Json[] {
  const meta = obj(pod.metadata);
  const namespace = str(meta.namespace) || 'default';
  const uid = str(meta.uid);
  // kubectl lists events with a field selector on involvedObject name, namespace and uid.
  return events.map(obj).filter((e) => {
    const involved = obj(e.involvedObject);
    return str(involved.name) === str(meta.name) &&
      (str(involved.namespace) || 'default') === namespace &&
      (uid === '' || str(involved.uid) === '' || str(involved.uid) === uid);
  });
}

/** Prints a Pod and its events as `kubectl describe pod` v1.34 does (events about other objects are ignored). */
export function describePod(pod: unknown, events: readonly unknown[], options: DescribeOptions): PrinterOutput {
  const p = obj(pod);
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  const w = createPrefixWriter();
  const phase = str(status.phase);

  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace) || 'default'}\n`);
  if (spec.priority !== undefined && spec.priority !== null) w.write(0, `Priority:\t${int(spec.priority)}\n`);
  if (str(spec.priorityClassName) !== '') w.write(0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (str(spec.runtimeClassName) !== '') w.write(0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (str(spec.serviceAccountName) !== '') w.write(0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (str(spec.nodeName) === '') w.write(0, 'Node:\t<none>\n');
  else w.write(0, `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
  if (status.startTime !== undefined && status.startTime !== null) w.write(0, `Start Time:\t${formatRfc1123z(status.startTime)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, options.now)})\n`);
    w.write(0, `Termination Grace Period:\t${int(meta.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(0, `Status:\t${phase}\n`);
  }
  if (str(status.reason) !== '') w.write(0, `Reason:\t${str(status.reason)}\n`);
  if (str(status.message) !== '') w.write(0, `Message:\t${str(status.message)}\n`);
  const seccomp = obj(obj(spec.securityContext).seccompProfile);
  if (str(seccomp.type) !== '') {
    w.write(0, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
  w.write(0, `IP:\t${str(status.podIP)}\n`);
  const podIPs = objs(status.podIPs);
  if (podIPs.length === 0) {
    w.write(0, 'IPs:\t<none>\n');
  } else {
    w.write(0, 'IPs:\n');
    for (const ip of podIPs) w.write(1, `IP:\t${str(ip.ip)}\n`);
  }
  const owner = controlledBy(meta);
  if (owner !== '') w.write(0, `Controlled By:\t${owner}\n`);
  if (str(status.nominatedNodeName) !== '') w.write(0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);

  const initContainers = objs(spec.initContainers);
  if (initContainers.length > 0) describeContainers(w, 'Init Containers', initContainers, objs(status.initContainerStatuses), p);
  describeContainers(w, 'Containers', objs(spec.containers), objs(status.containerStatuses), p);

  const gates = objs(spec.readinessGates);
  const conditions = objs(status.conditions);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const gate of gates) {
      const found = conditions.find((c) => c.type === gate.conditionType);
      w.write(1, `${str(gate.conditionType)} \t${found === undefined ? '<none>' : str(found.status)} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \n`);
  }
  writeVolumes(w, objs(spec.volumes));
  w.write(0, `QoS Class:\t${podQos(p)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, objs(spec.tolerations));
  describeEvents(eventsAbout(p, events), w, options.now);
  return { stdout: w.done(), stderr: '' };
}
