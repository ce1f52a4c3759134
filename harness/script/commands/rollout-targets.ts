/** The objects a `kubectl rollout …` command works on: `TYPE/NAME…`, `TYPE NAME…`, `TYPE [-l selector]` or `-f FILE`. */
import type { KubeObject } from '../../core/kube.ts';
import { kindInfo } from '../../engine/kinds.ts';
import { lastFlag, type KubectlInvocation } from '../kubectl-args.ts';
import { readFileObjects } from './from-files.ts';
import { notFoundText } from './lookup.ts';
import { namespaceOf } from './objects.ts';
import { failed, type OutputBuilder } from './output.ts';
import { resolveResource, resourceArgs, resourceOfKind, unknownResourceError, type ResourceType } from './resources.ts';
import { matchesSelector, parseSelector } from './selector.ts';
import type { CommandOutput, ScriptContext } from './types.ts';

export interface RolloutTarget {
  type: ResourceType;
  object: KubeObject;
}

/** The targets found in order; a missing one is a NotFound error in its place (kubectl reports it after visiting the others). */
export interface RolloutTargets {
  targets: (RolloutTarget | { notFound: KubectlError })[];
  namespace: string;
}

/** One error of kubectl's aggregate: `status` errors come from the API server (`Error from server (NotFound): …`). */
export interface KubectlError {
  text: string;
  status?: boolean;
}

/** Writes collected errors as kubectl's checkErr does: one error gets an `error: ` prefix (API errors keep theirs); several are listed as they are. */
export function writeErrors(o: OutputBuilder, errors: readonly KubectlError[]): void {
  if (errors.length === 1) {
    const [e] = errors as [KubectlError];
    o.err(e.status || e.text.startsWith('error: ') ? e.text : `error: ${e.text}`);
    return;
  }
  for (const e of errors) o.err(e.text);
}

/** Resolves a rollout command's resources with kubectl's errors; `output` is set when the command fails before visiting any. */
export function rolloutTargets(command: KubectlInvocation, ctx: ScriptContext): RolloutTargets | { output: CommandOutput } {
  const namespace = namespaceOf(command);
  const out: RolloutTargets = { targets: [], namespace };
  const hasFiles = (command.flags.get('filename') ?? []).length > 0;
  if (command.args.length === 0 && !hasFiles) return { output: failed('error: required resource not specified') };
  const lookup = (type: ResourceType, name: string): void => {
    const object = ctx.cluster.get({ kind: type.kind, namespace: type.namespaced ? namespace : '', name });
    out.targets.push(object ? { type, object } : { notFound: { text: notFoundText(type.kind, name), status: true } });
  };
  if (hasFiles) {
    const read = readFileObjects(command, ctx);
    if ('output' in read) return { output: read.output };
    for (const { object } of read.objects) {
      const type = resourceOfKind(object.kind);
      if (!type) return { output: failed(`error: resource mapping not found for name: "${String(object.metadata?.name ?? '')}" namespace: "" from "${object.kind}": no matches for kind "${object.kind}"`) };
      const ns = typeof object.metadata?.namespace === 'string' && object.metadata.namespace !== '' ? object.metadata.namespace : namespace;
      const found = ctx.cluster.get({ kind: type.kind, namespace: kindInfo(type.kind).namespaced ? ns : '', name: String(object.metadata?.name ?? '') });
      out.targets.push(found ? { type, object: found } : { notFound: { text: notFoundText(type.kind, String(object.metadata?.name ?? '')), status: true } });
    }
    if (command.args.length === 0) return out;
  }
  const parsed = resourceArgs(command.args);
  if ('error' in parsed) return { output: failed(parsed.error) };
  if ('type' in parsed) {
    const type = resolveResource(parsed.type);
    if (!type) return { output: failed(unknownResourceError(parsed.type)) };
    const selector = parseSelector(lastFlag(command.flags, 'selector') ?? '');
    if ('error' in selector) return { output: failed(selector.error) };
    for (const object of ctx.cluster.list(type.kind, type.namespaced ? namespace : undefined)) {
      if (matchesSelector(selector, object.metadata.labels)) out.targets.push({ type, object });
    }
    return out;
  }
  for (const { type: typeName, name } of parsed.pairs) {
    const type = resolveResource(typeName);
    if (!type) return { output: failed(unknownResourceError(typeName)) };
    lookup(type, name);
  }
  return out;
}

/** Names a kind as Go's schema.GroupKind.String() does: `Pod`, `Deployment.apps`. */
export function groupKind(kind: string): string {
  const group = kindInfo(kind).group;
  return group ? `${kind}.${group}` : kind;
}

/** Visits the found targets in order; `visit` returns its error, if any; NotFound errors keep their place; then writes the errors. */
export function visitTargets(found: RolloutTargets, o: OutputBuilder, visit: (target: RolloutTarget) => KubectlError | string | undefined): void {
  const errors: KubectlError[] = [];
  for (const t of found.targets) {
    if ('notFound' in t) {
      errors.push(t.notFound);
      continue;
    }
    const e = visit(t);
    if (e !== undefined) errors.push(typeof e === 'string' ? { text: e } : e);
  }
  writeErrors(o, errors);
}
