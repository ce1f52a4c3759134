/** The `Containers:` / `Init Containers:` sections of kubectl describe pod (describeContainers). */
import { formatRfc1123z } from './duration.ts';
import { obj, objs, str, int, bool, compareStrings } from './fields.ts';
import type { Json } from './fields.ts';
import type { PrefixWriter } from './prefix-writer.ts';

function formatPorts(ports: Json[], field: 'containerPort' | 'hostPort'): string {
  return ports
    .map((p) => {
      const text = `${int(p[field])}/${str(p.protocol) || 'TCP'}`;
      return str(p.name) === '' ? text : `${text} (${str(p.name)})`;
    })
    .join(', ');
}

/** Formats a Go slice of strings as fmt's %v does: `[a b c]`. */
function goSlice(values: unknown): string {
  return `[${(Array.isArray(values) ? values : []).map(str).join(' ')}]`;
}

/** Formats a probe as kubectl's DescribeProbe (`http-get http://:8080/healthz delay=0s timeout=1s …`). */
export function describeProbe(probe: unknown): string {
  const p = obj(probe);
  const attrs = `delay=${int(p.initialDelaySeconds)}s timeout=${int(p.timeoutSeconds, 1)}s period=${int(p.periodSeconds, 10)}s #success=${int(p.successThreshold, 1)} #failure=${int(p.failureThreshold, 3)}`;
  if (p.exec !== undefined && p.exec !== null) return `exec ${goSlice(obj(p.exec).command)} ${attrs}`;
  if (p.httpGet !== undefined && p.httpGet !== null) {
    const h = obj(p.httpGet);
    const scheme = (str(h.scheme) || 'HTTP').toLowerCase();
    const host = str(h.host);
    const port = str(h.port);
    const hostPart = port === '' ? host : `${host.includes(':') ? `[${host}]` : host}:${port}`;
    let path = str(h.path);
    if (path !== '' && !path.startsWith('/') && hostPart !== '') path = `/${path}`;
    return `http-get ${scheme}://${hostPart}${path} ${attrs}`;
  }
  if (p.tcpSocket !== undefined && p.tcpSocket !== null) {
    const t = obj(p.tcpSocket);
    return `tcp-socket ${str(t.host)}:${str(t.port)} ${attrs}`;
  }
  if (p.grpc !== undefined && p.grpc !== null) {
    const g = obj(p.grpc);
    return `grpc <pod>:${int(g.port)} ${str(g.service)} ${attrs}`;
  }
  return `unknown ${attrs}`;
}

function writeState(w: PrefixWriter, title: string, state: Json): void {
  if (state.running !== undefined && state.running !== null) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${formatRfc1123z(obj(state.running).startedAt)}\n`);
  } else if (state.waiting !== undefined && state.waiting !== null) {
    w.write(2, `${title}:\tWaiting\n`);
    if (str(obj(state.waiting).reason) !== '') w.write(3, `Reason:\t${str(obj(state.waiting).reason)}\n`);
  } else if (state.terminated !== undefined && state.terminated !== null) {
    const t = obj(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (str(t.reason) !== '') w.write(3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message) !== '') w.write(3, `Message:\t${str(t.message)}\n`);
    w.write(3, `Exit Code:\t${int(t.exitCode)}\n`);
    if (int(t.signal) > 0) w.write(3, `Signal:\t${int(t.signal)}\n`);
    w.write(3, `Started:\t${formatRfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${formatRfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

function writeResources(w: PrefixWriter, resources: Json, level: number): void {
  for (const [title, list] of [['Limits', obj(resources.limits)], ['Requests', obj(resources.requests)]] as const) {
    const names = Object.keys(list).sort(compareStrings);
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${str(list[name])}\n`);
  }
}

/** Resolves a downward-API field reference against the pod (the paths kubectl's resolver supports). */
function fieldRefValue(pod: Json, fieldPath: string): string {
  const meta = obj(pod.metadata);
  const mapKey = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (mapKey) return str(obj(meta[mapKey[1] as string])[mapKey[2] as string]);
  const paths: Record<string, () => unknown> = {
    'metadata.name': () => meta.name,
    'metadata.namespace': () => meta.namespace,
    'metadata.uid': () => meta.uid,
    'spec.nodeName': () => obj(pod.spec).nodeName,
    'spec.serviceAccountName': () => obj(pod.spec).serviceAccountName,
    'status.hostIP': () => obj(pod.status).hostIP,
    'status.podIP': () => obj(pod.status).podIP,
  };
  return str(paths[fieldPath]?.());
}

function writeEnv(w: PrefixWriter, container: Json, pod: Json): void {
  const envFrom = objs(container.envFrom);
  if (envFrom.length > 0) {
    w.write(2, 'Environment Variables from:\n');
    for (const e of envFrom) {
      const ref = e.configMapRef !== undefined && e.configMapRef !== null ? obj(e.configMapRef) : e.secretRef !== undefined && e.secretRef !== null ? obj(e.secretRef) : undefined;
      const from = e.configMapRef !== undefined && e.configMapRef !== null ? 'ConfigMap' : ref ? 'Secret' : '';
      const optional = bool(ref?.optional);
      const kind = str(e.prefix) === '' ? from : `${from} with prefix '${str(e.prefix)}'`;
      w.write(3, `${str(ref?.name)}\t${kind}\tOptional: ${optional}\n`);
    }
  }
  const env = objs(container.env);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e.name);
    if (e.valueFrom === undefined || e.valueFrom === null) {
      str(e.value).split('\n').forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const from = obj(e.valueFrom);
    if (from.fieldRef !== undefined && from.fieldRef !== null) {
      const ref = obj(from.fieldRef);
      w.write(3, `${name}:\t${fieldRefValue(pod, str(ref.fieldPath))} (${str(ref.apiVersion) || 'v1'}:${str(ref.fieldPath)})\n`);
    } else if (from.resourceFieldRef !== undefined && from.resourceFieldRef !== null) {
      const resource = str(obj(from.resourceFieldRef).resource);
      const [kind, name2] = resource.split('.');
      let value = str(obj(obj(container.resources)[kind ?? ''])[name2 ?? '']);
      if (value === '' && (resource === 'limits.cpu' || resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${name}:\t${value} (${resource})\n`);
    } else if (from.secretKeyRef !== undefined && from.secretKeyRef !== null) {
      const ref = obj(from.secretKeyRef);
      w.write(3, `${name}:\t<set to the key '${str(ref.key)}' in secret '${str(ref.name)}'>\tOptional: ${bool(ref.optional)}\n`);
    } else if (from.configMapKeyRef !== undefined && from.configMapKeyRef !== null) {
      const ref = obj(from.configMapKeyRef);
      w.write(3, `${name}:\t<set to the key '${str(ref.key)}' of config map '${str(ref.name)}'>\tOptional: ${bool(ref.optional)}\n`);
    }
  }
}

function writeMounts(w: PrefixWriter, container: Json): void {
  const mounts = objs(container.volumeMounts)
    .map((m, i) => ({ m, i }))
    .sort((a, b) => compareStrings(str(a.m.mountPath), str(b.m.mountPath)) || a.i - b.i)
    .map((e) => e.m);
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [bool(m.readOnly) ? 'ro' : 'rw'];
    if (str(m.subPath) !== '') flags.push(`path=${JSON.stringify(str(m.subPath))}`);
    w.write(3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
}

/**
 * Writes one containers section (`Containers:` or `Init Containers:`) as kubectl describe pod does; a
 * pod template passes `space` = two spaces, which indents the title and the names by one more space.
 */
export function describeContainers(w: PrefixWriter, label: string, containers: Json[], statuses: Json[], pod: Json, space = ''): void {
  const byName = new Map<string, Json>();
  for (const s of statuses) byName.set(str(s.name), s);
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  const nameIndent = space === '' ? '' : ' ';
  for (const container of containers) {
    const status = byName.get(str(container.name));
    w.write(1, `${nameIndent}${str(container.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${str(status.containerID)}\n`);
    w.write(2, `Image:\t${str(container.image)}\n`);
    if (status) w.write(2, `Image ID:\t${str(status.imageID)}\n`);
    const ports = objs(container.ports);
    const portText = formatPorts(ports, 'containerPort');
    if (portText.includes(',')) w.write(2, `Ports:\t${portText}\n`);
    else w.write(2, `Port:\t${portText || '<none>'}\n`);
    const hostText = formatPorts(ports, 'hostPort');
    if (hostText.includes(',')) w.write(2, `Host Ports:\t${hostText}\n`);
    else w.write(2, `Host Port:\t${hostText || '<none>'}\n`);
    const seccomp = obj(obj(container.securityContext).seccompProfile);
    if (str(seccomp.type) !== '') {
      w.write(2, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    for (const [title, list] of [['Command', container.command], ['Args', container.args]] as const) {
      if (!Array.isArray(list) || list.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of list) for (const line of str(item).split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      writeState(w, 'State', obj(status.state));
      const last = obj(status.lastState);
      if (last.terminated !== undefined && last.terminated !== null) writeState(w, 'Last State', last);
      w.write(2, `Ready:\t${bool(status.ready) ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${int(status.restartCount)}\n`);
    }
    writeResources(w, obj(container.resources), 2);
    for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      if (container[key] !== undefined && container[key] !== null) w.write(2, `${title}:\t${describeProbe(container[key])}\n`);
    }
    writeEnv(w, container, pod);
    writeMounts(w, container);
  }
}
