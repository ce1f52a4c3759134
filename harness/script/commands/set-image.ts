import { clone, type KubeObject } from '../../core/kube.ts';
import { notFoundText } from './lookup.ts';
import { namespaceOf } from './objects.ts';
import { createOutput, failed } from './output.ts';
import { displayName, resolveResource, unknownResourceError } from './resources.ts';
import type { CommandHandler } from './types.ts';

type Json = Record<string, unknown>;

/** Returns the pod spec an image update edits: the Pod's own spec or a workload's template spec. */
function podSpecOf(obj: KubeObject): Json | undefined {
  const spec = obj.spec as Json | undefined;
  if (!spec || typeof spec !== 'object') return undefined;
  if (obj.kind === 'Pod') return spec;
  const template = spec['template'] as Json | undefined;
  const podSpec = template && typeof template === 'object' ? (template['spec'] as Json | undefined) : undefined;
  return podSpec && typeof podSpec === 'object' ? podSpec : undefined;
}

/** `kubectl set image deployment/NAME ctr=image …` (also `TYPE NAME`, `*=image`): prints `… image updated`. */
export const setImage: CommandHandler = (command, ctx) => {
  const args = command.args;
  const firstPair = args.findIndex((a) => a.includes('='));
  const resources = firstPair < 0 ? args : args.slice(0, firstPair);
  const pairs = firstPair < 0 ? [] : args.slice(firstPair);
  if (pairs.length === 0) return failed("error: at least one image update is required\nSee 'kubectl set image -h' for help and examples");
  const images: [string, string][] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq < 0) return failed(`error: all resources must be specified before image changes: ${p}`);
    images.push([p.slice(0, eq), p.slice(eq + 1)]);
  }
  let targets: { type: string; name: string }[];
  if (resources.length === 1 && resources[0]!.includes('/')) {
    const at = resources[0]!.indexOf('/');
    targets = [{ type: resources[0]!.slice(0, at), name: resources[0]!.slice(at + 1) }];
  } else if (resources.length >= 2 && !resources[0]!.includes('/')) {
    targets = resources.slice(1).map((name) => ({ type: resources[0]!, name }));
  } else if (resources.every((r) => r.includes('/')) && resources.length > 0) {
    targets = resources.map((r) => ({ type: r.slice(0, r.indexOf('/')), name: r.slice(r.indexOf('/') + 1) }));
  } else {
    return failed("error: one or more resources must be specified as <resource> <name> or <resource>/<name>\nSee 'kubectl set image -h' for help and examples");
  }
  const namespace = namespaceOf(command);
  const o = createOutput();
  for (const t of targets) {
    const type = resolveResource(t.type);
    if (!type) return failed(unknownResourceError(t.type));
    const obj = ctx.cluster.get({ kind: type.kind, namespace, name: t.name });
    if (!obj) {
      o.err(notFoundText(type.kind, t.name));
      continue;
    }
    const next = clone(obj);
    const podSpec = podSpecOf(next);
    if (!podSpec) {
      o.err(`error: ${displayName(obj)} does not have a pod template`);
      continue;
    }
    const containers = [podSpec['initContainers'], podSpec['containers']].flatMap((l) => (Array.isArray(l) ? l : [])) as Json[];
    let missing: string | undefined;
    for (const [name, image] of images) {
      const matched = containers.filter((c) => name === '*' || c['name'] === name);
      if (matched.length === 0) missing ??= name;
      for (const c of matched) c['image'] = image;
    }
    if (missing !== undefined) {
      o.err(`error: unable to find container named "${missing}"`);
      continue;
    }
    const res = ctx.cluster.update(next);
    o.warn(res.warnings);
    if (!res.ok) {
      if (res.error) o.status(res.error);
      continue;
    }
    o.out(`${displayName(obj)} image updated`);
  }
  return o.done();
};
