import type { KubeObject } from '../../core/kube.ts';
import { describeDeployment, describeReplicaSet } from '../../kubectl/describe-deployment.ts';
import { describeJob } from '../../kubectl/describe-job.ts';
import { describePod } from '../../kubectl/describe-pod.ts';
import { describeService } from '../../kubectl/describe-service.ts';
import type { PrinterOutput } from '../../kubectl/types.ts';
import { notFoundText } from './lookup.ts';
import { namespaceOf } from './objects.ts';
import { failed, unsupported } from './output.ts';
import { resolveResource, resourceArgs, unknownResourceError } from './resources.ts';
import type { CommandHandler, ScriptContext } from './types.ts';

type Describer = (obj: KubeObject, ctx: ScriptContext) => PrinterOutput;

/** Describers by kind; a kind missing here is reported as not run. */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  Pod: (obj, ctx) => describePod(obj, ctx.cluster.events(), { now: ctx.cluster.timestamp() }),
  Service: (obj, ctx) =>
    describeService(obj, ctx.cluster.list('EndpointSlice', obj.metadata.namespace ?? 'default'), ctx.cluster.events(), { now: ctx.cluster.timestamp() }),
  Deployment: (obj, ctx) =>
    describeDeployment(obj, ctx.cluster.list('ReplicaSet', obj.metadata.namespace ?? 'default'), ctx.cluster.events(), { now: ctx.cluster.timestamp() }),
  ReplicaSet: (obj, ctx) =>
    describeReplicaSet(obj, ctx.cluster.list('Pod', obj.metadata.namespace ?? 'default'), ctx.cluster.events(), { now: ctx.cluster.timestamp() }),
  Job: (obj, ctx) => describeJob(obj, ctx.cluster.events(), { now: ctx.cluster.timestamp() }),
};

/** `kubectl describe (pod|svc|deploy|rs) [NAME…]` or `TYPE/NAME`: each description separated by a blank line, as kubectl prints them. */
export const describe: CommandHandler = (command, ctx) => {
  const parsed = resourceArgs(command.args);
  if ('error' in parsed) return failed(parsed.error);
  const namespace = namespaceOf(command);
  const targets: { type: string; name?: string }[] = 'type' in parsed ? [{ type: parsed.type }] : parsed.pairs;
  const texts: string[] = [];
  let stderr = '';
  for (const t of targets) {
    const type = resolveResource(t.type);
    if (!type) return failed(unknownResourceError(t.type));
    const describer = DESCRIBERS[type.kind];
    if (!describer) return unsupported(`describing ${type.resource} is not simulated yet (pods, services, deployments and replicasets are)`);
    const ns = type.namespaced ? namespace : '';
    let objects: KubeObject[];
    if (t.name === undefined) objects = ctx.cluster.list(type.kind, type.namespaced ? namespace : undefined);
    else {
      const obj = ctx.cluster.get({ kind: type.kind, namespace: ns, name: t.name });
      if (!obj) {
        stderr += `${notFoundText(type.kind, t.name)}\n`;
        continue;
      }
      objects = [obj];
    }
    if (t.name === undefined && objects.length === 0) stderr += `No resources found in ${namespace} namespace.\n`;
    for (const obj of objects) texts.push(describer(obj, ctx).stdout);
  }
  // kubectl writes the first description as is and every further one after a blank line.
  return { stdout: texts.join('\n\n'), stderr, exitCode: stderr.includes('Error from server') ? 1 : 0 };
};
