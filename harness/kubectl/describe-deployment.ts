/**
 * `kubectl describe deployment` (kubectl pkg/describe describeDeployment, DescribePodTemplate and
 * printReplicaSetsByLabels, v1.34), plus the ReplicaSet lookup kubectl's deployment util does
 * (owned ReplicaSets, oldest first, the new one found by template).
 */
import { createPrefixWriter } from './prefix-writer.ts';
import type { PrefixWriter } from './prefix-writer.ts';
import { describeEvents } from './describe-events.ts';
import { describeContainers } from './describe-containers.ts';
import { writeAnnotations, writeLabels, writeTolerations, writeVolumes } from './describe-pod.ts';
import { formatLabelSelector } from './get-deployments.ts';
import { formatRfc1123z, parseTimestamp } from './duration.ts';
import { escapeTerminal } from './table.ts';
import { obj, objs, str, int, bool, compareStrings } from './fields.ts';
import type { Json } from './fields.ts';
import type { PrinterOutput } from './types.ts';
import type { KubeObject } from '../core/kube.ts';
import { compileSelector } from '../engine/controllers/label-selector.ts';
import { equalIgnoreHash } from '../engine/controllers/deployment/replica-sets.ts';

export interface DescribeDeploymentOptions {
  /** The current virtual instant, RFC 3339. */
  now: string;
}

/** A Deployment's ReplicaSets as kubectl's deployment util finds them (GetAllReplicaSets). */
export interface DeploymentReplicaSets {
  /** Every owned ReplicaSet except the new one, oldest first (zero-sized ones included). */
  oldRSs: Json[];
  /** The oldest owned ReplicaSet whose template equals the Deployment's (ignoring pod-template-hash). */
  newRS?: Json;
}

/** Finds the ReplicaSets a Deployment controls (its selector matches and the controller ownerRef has its uid), split into old and new. */
export function deploymentReplicaSets(deployment: unknown, replicaSets: readonly unknown[]): DeploymentReplicaSets {
  const d = obj(deployment);
  const meta = obj(d.metadata);
  const spec = obj(d.spec);
  const selector = compileSelector(spec.selector);
  if (!selector.valid) return { oldRSs: [] };
  const namespace = str(meta.namespace) || 'default';
  const uid = str(meta.uid);
  const owned = replicaSets.map(obj).filter((rs) => {
    const m = obj(rs.metadata);
    if ((str(m.namespace) || 'default') !== namespace || !selector.matches(obj(m.labels) as Record<string, string>)) return false;
    return objs(m.ownerReferences).some((o) => bool(o.controller) && uid !== '' && str(o.uid) === uid);
  });
  const at = (rs: Json): number => parseTimestamp(obj(rs.metadata).creationTimestamp) ?? 0;
  owned.sort((a, b) => at(a) - at(b) || compareStrings(str(obj(a.metadata).name), str(obj(b.metadata).name)));
  const newRS = owned.find((rs) => equalIgnoreHash(obj(rs.spec).template, spec.template));
  return { newRS, oldRSs: owned.filter((rs) => rs !== newRS) };
}

function writeTopologySpread(w: PrefixWriter, constraints: Json[], space: string): void {
  if (constraints.length === 0) return;
  const sorted = constraints.map((c, i) => ({ c, i })).sort((a, b) => compareStrings(str(a.c.topologyKey), str(b.c.topologyKey)) || a.i - b.i);
  w.write(0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach(({ c }, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let line = `${str(c.topologyKey)}:${str(c.whenUnsatisfiable)} when max skew ${int(c.maxSkew)} is exceeded`;
    if (c.labelSelector !== undefined && c.labelSelector !== null) line += ` for selector ${formatLabelSelector(c.labelSelector)}`;
    w.write(0, `${line}\n`);
  });
}

/** Writes the `Pod Template:` section of describe deployment / replicaset and `rollout history --revision` (DescribePodTemplate). */
export function writePodTemplate(w: PrefixWriter, template: unknown): void {
  w.write(0, 'Pod Template:\n');
  if (template === undefined || template === null) {
    w.write(1, '<unset>');
    return;
  }
  const t = obj(template);
  const meta = obj(t.metadata);
  const spec = obj(t.spec);
  writeLabels(w, '  Labels', meta.labels);
  if (Object.keys(obj(meta.annotations)).length > 0) writeAnnotations(w, '  Annotations', meta.annotations);
  if (str(spec.serviceAccountName) !== '') w.write(1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  // A template has no status and no Pod to resolve field references against: those values print empty.
  const initContainers = objs(spec.initContainers);
  if (initContainers.length > 0) describeContainers(w, 'Init Containers', initContainers, [], {}, '  ');
  describeContainers(w, 'Containers', objs(spec.containers), [], {}, '  ');
  writeVolumes(w, objs(spec.volumes), '  ');
  writeTopologySpread(w, objs(spec.topologySpreadConstraints), '  ');
  if (str(spec.priorityClassName) !== '') w.write(1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, objs(spec.tolerations), '  Tolerations');
}

/** Renders a pod template as `kubectl rollout history --revision=N` does: a prefix writer straight to the output, tabs not aligned. */
export function podTemplateText(template: unknown): string {
  let out = '';
  const raw: PrefixWriter = {
    write: (level, text) => void (out += escapeTerminal('  '.repeat(Math.max(0, level)) + text)),
    writeLine: (text) => void (out += escapeTerminal(`${text}\n`)),
    flush: () => undefined,
    done: () => out,
  };
  writePodTemplate(raw, template);
  return out;
}

/** Formats `name (status/spec replicas created)` joined by `, `, or `<none>` (printReplicaSetsByLabels). */
export function replicaSetsCreated(replicaSets: readonly Json[]): string {
  const list = replicaSets.map((rs) => `${str(obj(rs.metadata).name)} (${int(obj(rs.status).replicas)}/${int(obj(rs.spec).replicas, 1)} replicas created)`).join(', ');
  return list === '' ? '<none>' : list;
}

/** Formats an int-or-string field as Go's IntOrString.String() does (`1`, `25%`). */
function intOrString(value: unknown): string {
  return typeof value === 'string' ? value : String(int(value));
}

/** Formats a selector as LabelSelectorAsSelector(...).String(): like FormatLabelSelector, but empty instead of `<none>`. */
function selectorString(selector: unknown): string {
  const text = formatLabelSelector(selector);
  return text === '<none>' ? '' : text;
}

function eventsAbout(object: Json, kind: string, events: readonly unknown[]): Json[] {
  const meta = obj(object.metadata);
  const namespace = str(meta.namespace) || 'default';
  const uid = str(meta.uid);
  // kubectl searches events by involvedObject name, namespace, kind and uid.
  return events.map(obj).filter((e) => {
    const involved = obj(e.involvedObject);
    return str(involved.name) === str(meta.name) &&
      (str(involved.namespace) || 'default') === namespace &&
      (str(involved.kind) === '' || str(involved.kind) === kind) &&
      (uid === '' || str(involved.uid) === '' || str(involved.uid) === uid);
  });
}

/** Writes the `Conditions:` table with Type, Status and Reason (deployments and replica sets). */
export function writeWorkloadConditions(w: PrefixWriter, status: Json): void {
  const conditions = objs(status.conditions);
  if (conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

/** Prints a Deployment, its ReplicaSets and its events as `kubectl describe deployment` v1.34 does. */
export function describeDeployment(deployment: unknown, replicaSets: readonly unknown[], events: readonly unknown[], options: DescribeDeploymentOptions): PrinterOutput {
  const d = obj(deployment);
  const meta = obj(d.metadata);
  const spec = obj(d.spec);
  const status = obj(d.status);
  const strategy = obj(spec.strategy);
  const w = createPrefixWriter();
  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace) || 'default'}\n`);
  w.write(0, `CreationTimestamp:\t${formatRfc1123z(meta.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  w.write(0, `Selector:\t${selectorString(spec.selector)}\n`);
  w.write(0, `Replicas:\t${int(spec.replicas, 1)} desired | ${int(status.updatedReplicas)} updated | ${int(status.replicas)} total | ${int(status.availableReplicas)} available | ${int(status.unavailableReplicas)} unavailable\n`);
  w.write(0, `StrategyType:\t${str(strategy.type)}\n`);
  w.write(0, `MinReadySeconds:\t${int(spec.minReadySeconds)}\n`);
  if (strategy.rollingUpdate !== undefined && strategy.rollingUpdate !== null) {
    const ru = obj(strategy.rollingUpdate);
    w.write(0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  }
  writePodTemplate(w, spec.template);
  writeWorkloadConditions(w, status);
  const { oldRSs, newRS } = deploymentReplicaSets(d, replicaSets);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetsCreated(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetsCreated(newRS ? [newRS] : [])}\n`);
  }
  describeEvents(eventsAbout(d, 'Deployment', events), w, options.now);
  return { stdout: w.done(), stderr: '' };
}

/** Counts the Pods a ReplicaSet controls by phase: Running, Pending (waiting), Succeeded, Failed. */
function podPhases(rs: Json, pods: readonly unknown[]): [number, number, number, number] {
  const uid = str(obj(rs.metadata).uid);
  const counts: [number, number, number, number] = [0, 0, 0, 0];
  const index: Record<string, number> = { Running: 0, Pending: 1, Succeeded: 2, Failed: 3 };
  for (const pod of pods.map(obj)) {
    const owner = objs(obj(pod.metadata).ownerReferences).find((o) => bool(o.controller));
    if (!owner || uid === '' || str(owner.uid) !== uid) continue;
    const at = index[str(obj(pod.status).phase)];
    if (at !== undefined) counts[at]! += 1;
  }
  return counts;
}

/** Prints a ReplicaSet, its Pods' phases and its events as `kubectl describe replicaset` v1.34 does. */
export function describeReplicaSet(replicaSet: unknown, pods: readonly unknown[], events: readonly unknown[], options: DescribeDeploymentOptions): PrinterOutput {
  const rs = obj(replicaSet);
  const meta = obj(rs.metadata);
  const spec = obj(rs.spec);
  const status = obj(rs.status);
  const w = createPrefixWriter();
  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace) || 'default'}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(spec.selector)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  const owner = objs(meta.ownerReferences).find((o) => bool(o.controller));
  if (owner) w.write(0, `Controlled By:\t${str(owner.kind)}/${str(owner.name)}\n`);
  w.write(0, `Replicas:\t${int(status.replicas)} current / ${int(spec.replicas, 1)} desired\n`);
  const [running, waiting, succeeded, failed] = podPhases(rs, pods);
  w.write(0, 'Pods Status:\t');
  w.write(0, `${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
  writePodTemplate(w, spec.template);
  writeWorkloadConditions(w, status);
  describeEvents(eventsAbout(rs, 'ReplicaSet', events), w, options.now);
  return { stdout: w.done(), stderr: '' };
}

/** Returns the Deployment's ReplicaSets from typed store objects (convenience for callers holding KubeObjects). */
export function ownedReplicaSets(deployment: KubeObject, replicaSets: readonly KubeObject[]): { oldRSs: KubeObject[]; newRS?: KubeObject } {
  const found = deploymentReplicaSets(deployment, replicaSets);
  return { oldRSs: found.oldRSs as unknown as KubeObject[], newRS: found.newRS as unknown as KubeObject | undefined };
}
