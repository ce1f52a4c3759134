import type { ObjectRef } from '../../core/kube.ts';
import type { DeleteOptions } from '../../engine/types.ts';
import { lastFlag, type KubectlInvocation } from '../kubectl-args.ts';
import { readFileObjects } from './from-files.ts';
import { flagOn, namespaceOf } from './objects.ts';
import { createOutput, failed, type OutputBuilder } from './output.ts';
import { resolveResource, resourceArgs, resourceOfKind, unknownResourceError, type ResourceType } from './resources.ts';
import { matchesSelector, parseSelector } from './selector.ts';
import type { CommandHandler, ScriptContext } from './types.ts';

/** Formats kubectl 1.34's delete line: `pod "x" deleted from default namespace` (no namespace for cluster-scoped kinds). */
export function deletedLine(type: ResourceType, name: string, namespace: string): string {
  return type.namespaced ? `${type.prefix} "${name}" deleted from ${namespace} namespace` : `${type.prefix} "${name}" deleted`;
}

function options(command: KubectlInvocation): DeleteOptions {
  const out: DeleteOptions = {};
  const grace = lastFlag(command.flags, 'grace-period');
  if (grace !== undefined && Number(grace) >= 0) out.gracePeriodSeconds = Number(grace);
  if (flagOn(command, 'now')) out.gracePeriodSeconds = 1;
  if (flagOn(command, 'force') && grace === '0') out.gracePeriodSeconds = 0;
  return out;
}

function deleteOne(ctx: ScriptContext, o: OutputBuilder, type: ResourceType, ref: ObjectRef, opts: DeleteOptions, ignoreNotFound: boolean, source?: string): void {
  const res = ctx.cluster.delete(ref, opts);
  if (res.ok) o.out(deletedLine(type, ref.name, ref.namespace));
  else if (res.error && !(ignoreNotFound && res.error.reason === 'NotFound')) o.status(res.error, source, 'deleting');
}

/** `kubectl delete -f FILE|DIR`, `delete TYPE NAME…`, `delete TYPE/NAME…`, `delete TYPE --all|-l SELECTOR`. */
export const deleteCommand: CommandHandler = (command, ctx) => {
  const namespace = namespaceOf(command);
  const opts = options(command);
  const ignore = flagOn(command, 'ignore-not-found');
  const o = createOutput();
  if ((command.flags.get('filename') ?? []).length > 0) {
    const read = readFileObjects(command, ctx);
    if ('output' in read) return read.output;
    for (const { object, source } of read.objects) {
      const type = resourceOfKind(object.kind) ?? { kind: object.kind, resource: `${object.kind.toLowerCase()}s`, prefix: object.kind.toLowerCase(), namespaced: true };
      const ns = type.namespaced ? object.metadata?.namespace || namespace : '';
      deleteOne(ctx, o, type, { kind: object.kind, namespace: ns, name: String(object.metadata?.name ?? '') }, opts, ignore, source);
    }
    return o.done();
  }
  const parsed = resourceArgs(command.args);
  if ('error' in parsed) return failed(parsed.error);
  if ('type' in parsed) {
    const type = resolveResource(parsed.type);
    if (!type) return failed(unknownResourceError(parsed.type));
    const selectorText = lastFlag(command.flags, 'selector');
    if (!flagOn(command, 'all') && selectorText === undefined) return failed('error: resource(s) were provided, but no name was specified');
    const selector = selectorText === undefined ? [] : parseSelector(selectorText);
    if ('error' in selector) return failed(selector.error);
    const objects = ctx.cluster.list(type.kind, type.namespaced ? namespace : undefined).filter((obj) => matchesSelector(selector, obj.metadata.labels));
    if (objects.length === 0) o.out('No resources found');
    for (const obj of objects) deleteOne(ctx, o, type, { kind: type.kind, namespace: type.namespaced ? namespace : '', name: obj.metadata.name ?? '' }, opts, ignore);
    return o.done();
  }
  for (const { type: typeName, name } of parsed.pairs) {
    const type = resolveResource(typeName);
    if (!type) {
      o.err(unknownResourceError(typeName));
      continue;
    }
    deleteOne(ctx, o, type, { kind: type.kind, namespace: type.namespaced ? namespace : '', name }, opts, ignore);
  }
  return o.done();
};
