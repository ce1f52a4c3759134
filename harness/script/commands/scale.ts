import { clone } from '../../core/kube.ts';
import { kindInfo } from '../../engine/kinds.ts';
import { lastFlag } from '../kubectl-args.ts';
import { notFoundText } from './lookup.ts';
import { namespaceOf } from './objects.ts';
import { createOutput, failed } from './output.ts';
import { displayName, resolveResource, resourceArgs, unknownResourceError } from './resources.ts';
import type { CommandHandler } from './types.ts';

const SCALABLE = new Set(['Deployment', 'ReplicaSet']);

/** `kubectl scale --replicas=N deployment/NAME` (or `deploy NAME`): sets spec.replicas and prints `… scaled`. */
export const scale: CommandHandler = (command, ctx) => {
  const replicasText = lastFlag(command.flags, 'replicas');
  if (replicasText === undefined) return failed('error: required flag(s) "replicas" not set');
  const replicas = Number(replicasText);
  if (!Number.isInteger(replicas) || replicas < 0) {
    return failed('error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  }
  const parsed = resourceArgs(command.args);
  if ('error' in parsed) return failed(parsed.error);
  if ('type' in parsed) return failed('error: resource(s) were provided, but no name was specified');
  const namespace = namespaceOf(command);
  const o = createOutput();
  for (const { type: typeName, name } of parsed.pairs) {
    const type = resolveResource(typeName);
    if (!type) return failed(unknownResourceError(typeName));
    if (!SCALABLE.has(type.kind)) {
      o.err(`error: no scaler has been implemented for {"${kindInfo(type.kind).group}" "${type.kind}"}`);
      continue;
    }
    const obj = ctx.cluster.get({ kind: type.kind, namespace, name });
    if (!obj) {
      o.err(notFoundText(type.kind, name));
      continue;
    }
    const current = lastFlag(command.flags, 'current-replicas');
    const spec = (typeof obj.spec === 'object' && obj.spec !== null ? obj.spec : {}) as Record<string, unknown>;
    if (current !== undefined && Number(current) !== -1 && Number(current) !== spec['replicas']) {
      o.err(`error: Expected replicas to be ${current}, was ${String(spec['replicas'])}`);
      continue;
    }
    const next = clone(obj);
    next.spec = { ...spec, replicas };
    const res = ctx.cluster.update(next);
    o.warn(res.warnings);
    if (!res.ok) {
      if (res.error) o.status(res.error);
      continue;
    }
    o.out(`${displayName(obj)} scaled`);
  }
  return o.done();
};
