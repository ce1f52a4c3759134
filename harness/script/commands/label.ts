import { clone, type KubeObject } from '../../core/kube.ts';
import type { KubectlInvocation } from '../kubectl-args.ts';
import { notFoundText } from './lookup.ts';
import { displayName, resolveResource, resourceArgs, unknownResourceError } from './resources.ts';
import { flagOn, namespaceOf } from './objects.ts';
import { createOutput, failed } from './output.ts';
import type { CommandHandler, CommandOutput, ScriptContext } from './types.ts';

interface Changes {
  set: Record<string, string>;
  remove: string[];
}

type MapField = 'labels' | 'annotations';

const WORDS: Record<MapField, { verb: string; noun: string; done: string }> = {
  labels: { verb: 'label', noun: 'label', done: 'labeled' },
  annotations: { verb: 'annotate', noun: 'annotation', done: 'annotated' },
};

/** Splits args into resources and `k=v` / `k-` changes as kubectl's GetResourcesAndPairs does. */
function splitPairs(args: readonly string[], field: MapField): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    if (a.includes('=') || a.endsWith('-')) pairs.push(a);
    else if (pairs.length > 0) return { error: `error: all resources must be specified before ${WORDS[field].noun} changes: ${a}` };
    else resources.push(a);
  }
  return { resources, pairs };
}

function parseChanges(pairs: readonly string[], field: MapField): Changes | { error: string } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      // Annotation values may contain `=`; label values may not.
      if (field === 'labels' && parts.length !== 2) return { error: `error: invalid label spec: ${p}` };
      const eq = p.indexOf('=');
      if (eq === 0) return { error: `error: invalid ${WORDS[field].noun} spec: ${p}` };
      set[p.slice(0, eq)] = p.slice(eq + 1);
    } else {
      remove.push(p.slice(0, -1));
    }
  }
  for (const k of remove) {
    if (Object.prototype.hasOwnProperty.call(set, k)) return { error: `error: can not both modify and remove ${field === 'labels' ? 'a label' : 'an annotation'} in the same command` };
  }
  if (Object.keys(set).length === 0 && remove.length === 0) return { error: `error: at least one ${WORDS[field].noun} update is required` };
  return { set, remove };
}

function change(ctx: ScriptContext, obj: KubeObject, field: MapField, changes: Changes, overwrite: boolean): CommandOutput {
  const o = createOutput();
  const current: Record<string, string> = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
  if (!overwrite) {
    for (const key of Object.keys(changes.set).sort()) {
      const value = current[key];
      if (value !== undefined && value !== changes.set[key]) {
        return failed(`error: '${key}' already has a value (${value}), and --overwrite is false`);
      }
    }
  }
  const next = { ...current, ...changes.set };
  for (const k of changes.remove) delete next[k];
  const changed = JSON.stringify(Object.entries(next).sort()) !== JSON.stringify(Object.entries(current).sort());
  if (changed) {
    const updated = clone(obj);
    if (Object.keys(next).length > 0) updated.metadata[field] = next;
    else delete updated.metadata[field];
    const res = ctx.cluster.update(updated);
    o.warn(res.warnings);
    if (!res.ok) {
      if (res.error) o.status(res.error);
      return o.done();
    }
  }
  const word = field === 'labels' && !changed ? `not ${WORDS[field].done}` : WORDS[field].done;
  o.out(`${displayName(obj)} ${word}`);
  return o.done();
}

function labelOrAnnotate(field: MapField): CommandHandler {
  return (command: KubectlInvocation, ctx: ScriptContext) => {
    if ((command.flags.get('filename') ?? []).length > 0) return failed(`error: ${WORDS[field].verb} -f is not supported here; name the resource`);
    const split = splitPairs(command.args, field);
    if ('error' in split) return failed(split.error);
    const changes = parseChanges(split.pairs, field);
    if ('error' in changes) return failed(changes.error);
    const parsed = resourceArgs(split.resources);
    if ('error' in parsed) return failed(parsed.error);
    const namespace = namespaceOf(command);
    const overwrite = flagOn(command, 'overwrite');
    const targets: { type: string; name?: string }[] = 'type' in parsed ? [{ type: parsed.type }] : parsed.pairs;
    let stdout = '';
    let stderr = '';
    let exitCode = 0;
    for (const t of targets) {
      const type = resolveResource(t.type);
      if (!type) return failed(unknownResourceError(t.type));
      const ns = type.namespaced ? namespace : '';
      let objects: KubeObject[];
      if (t.name === undefined) {
        if (!flagOn(command, 'all')) return failed('error: resource(s) were provided, but no name was specified');
        objects = ctx.cluster.list(type.kind, type.namespaced ? namespace : undefined);
      } else {
        const obj = ctx.cluster.get({ kind: type.kind, namespace: ns, name: t.name });
        if (!obj) {
          stderr += `${notFoundText(type.kind, t.name)}\n`;
          exitCode = 1;
          continue;
        }
        objects = [obj];
      }
      for (const obj of objects) {
        const r = change(ctx, obj, field, changes, overwrite);
        stdout += r.stdout;
        stderr += r.stderr;
        if (r.exitCode !== 0) exitCode = r.exitCode;
      }
    }
    return { stdout, stderr, exitCode };
  };
}

/** `kubectl label TYPE NAME k=v k2-… [--overwrite]`. */
export const label: CommandHandler = labelOrAnnotate('labels');
/** `kubectl annotate TYPE NAME k=v k2-… [--overwrite]`. */
export const annotate: CommandHandler = labelOrAnnotate('annotations');
