import type { KubeObject } from '../../core/kube.ts';
import { printGetTable, type TableSpec } from '../../kubectl/get-table.ts';
import { POD_TABLE } from '../../kubectl/get-pods.ts';
import { NODE_TABLE } from '../../kubectl/get-nodes.ts';
import { EVENT_TABLE } from '../../kubectl/get-events.ts';
import { SERVICE_TABLE } from '../../kubectl/get-services.ts';
import { ENDPOINTS_DEPRECATION_WARNING, ENDPOINTS_TABLE } from '../../kubectl/get-endpoints.ts';
import { ENDPOINTSLICE_TABLE } from '../../kubectl/get-endpointslices.ts';
import { DEPLOYMENT_TABLE } from '../../kubectl/get-deployments.ts';
import { REPLICASET_TABLE } from '../../kubectl/get-replicasets.ts';
import { CONFIGMAP_TABLE } from '../../kubectl/get-configmaps.ts';
import { JOB_TABLE } from '../../kubectl/get-jobs.ts';
import { NAMESPACE_TABLE } from './namespace-table.ts';
import { printKindGroups, type KindGroup } from '../../kubectl/get-all.ts';
import type { GetOptions } from '../../kubectl/types.ts';
import { lastFlag } from '../kubectl-args.ts';
import { notFoundText } from './lookup.ts';
import { asList, flagOn, namespaceOf, toKubectlJson, toKubectlYaml } from './objects.ts';
import { failed, unsupported } from './output.ts';
import { displayName, resolveResource, unknownResourceError, type ResourceType } from './resources.ts';
import { matchesSelector, parseSelector } from './selector.ts';
import type { CommandHandler } from './types.ts';

/** Table layouts by kind (the printers in harness/kubectl). */
const TABLES: Readonly<Record<string, TableSpec<unknown>>> = {
  Pod: POD_TABLE,
  Node: NODE_TABLE,
  Event: EVENT_TABLE,
  Service: SERVICE_TABLE,
  Endpoints: ENDPOINTS_TABLE,
  EndpointSlice: ENDPOINTSLICE_TABLE,
  Deployment: DEPLOYMENT_TABLE,
  ReplicaSet: REPLICASET_TABLE,
  Job: JOB_TABLE,
  ConfigMap: CONFIGMAP_TABLE,
  Namespace: NAMESPACE_TABLE,
};

/** The kinds of `kubectl get all` that this simulator stores, in kubectl's order. */
const ALL_KINDS = ['pods', 'services', 'deployments', 'replicasets', 'jobs'];

/** `get` flags that change the output in ways these printers do not reproduce. */
const UNMODELLED_FLAGS = ['no-headers', 'sort-by', 'label-columns', 'show-kind', 'field-selector', 'output-watch-events', 'template', 'raw', 'subresource', 'chunk-size'];

const OUTPUTS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

interface Request {
  type: ResourceType;
  /** Names asked for, in order; undefined lists every object. */
  names?: string[];
}

/** Turns `get` arguments into typed requests (`pods`, `pods,svc`, `all`, `pod NAME…`, `pod/NAME svc/NAME`). */
function requests(args: readonly string[]): { requests: Request[]; multiple: boolean } | { error: string } {
  if (args.length === 0) {
    return {
      error:
        "You must specify the type of resource to get. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nUse \"kubectl explain <resource>\" for a detailed description of that resource (e.g. kubectl explain pods).\nSee 'kubectl get -h' for help and examples",
    };
  }
  const out: Request[] = [];
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const at = a.indexOf('/');
      if (at < 0) return { error: "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'" };
      const type = resolveResource(a.slice(0, at));
      if (!type) return { error: unknownResourceError(a.slice(0, at)) };
      const last = out.at(-1);
      if (last && last.type.kind === type.kind) last.names!.push(a.slice(at + 1));
      else out.push({ type, names: [a.slice(at + 1)] });
    }
    return { requests: out, multiple: new Set(out.map((r) => r.type.kind)).size > 1 };
  }
  const typeWords = args[0]!.split(',').filter((t) => t !== '');
  const names = args.length > 1 ? args.slice(1) : undefined;
  const expanded = typeWords.flatMap((t) => (t.toLowerCase() === 'all' ? ALL_KINDS : [t]));
  for (const word of expanded) {
    const type = resolveResource(word);
    if (!type) return { error: unknownResourceError(word) };
    if (!out.some((r) => r.type.kind === type.kind)) out.push(names ? { type, names: [...names] } : { type });
  }
  return { requests: out, multiple: args[0]!.includes(',') || typeWords.some((t) => t.toLowerCase() === 'all') };
}

/** `kubectl get TYPE[,TYPE] [NAME…] [-o wide|yaml|json|name] [--show-labels] [-l sel] [-n ns|-A]`. */
export const get: CommandHandler = (command, ctx) => {
  if (flagOn(command, 'watch') || flagOn(command, 'watch-only')) return unsupported('it watches until stopped');
  if ((command.flags.get('filename') ?? []).length > 0) return unsupported('get -f is not simulated');
  const unmodelled = UNMODELLED_FLAGS.find((f) => command.flags.has(f));
  if (unmodelled !== undefined) return unsupported(`get --${unmodelled} is not simulated`);
  const output = lastFlag(command.flags, 'output') ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    if (OUTPUTS.split(',').includes(output.split('=')[0]!)) return unsupported(`-o ${output.split('=')[0]} output is not simulated`);
    return failed(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${OUTPUTS}`);
  }
  const parsed = requests(command.args);
  if ('error' in parsed) return failed(parsed.error);
  const all = flagOn(command, 'all-namespaces');
  if (all && parsed.requests.some((r) => r.names !== undefined)) return failed('error: a resource cannot be retrieved by name across all namespaces');
  const namespace = namespaceOf(command);
  const selectorText = lastFlag(command.flags, 'selector');
  const selector = selectorText === undefined ? undefined : parseSelector(selectorText);
  if (selector && 'error' in selector) return failed(selector.error);
  let stderr = '';
  const found: { request: Request; objects: KubeObject[] }[] = [];
  for (const request of parsed.requests) {
    const { type, names } = request;
    if (type.kind === 'Endpoints') stderr += ENDPOINTS_DEPRECATION_WARNING;
    const ns = type.namespaced ? namespace : '';
    let objects: KubeObject[];
    if (names) {
      objects = [];
      for (const name of names) {
        const obj = ctx.cluster.get({ kind: type.kind, namespace: ns, name });
        if (obj) objects.push(obj);
        else if (!flagOn(command, 'ignore-not-found')) stderr += `${notFoundText(type.kind, name)}\n`;
      }
    } else {
      objects = type.kind === 'Event' ? ctx.cluster.events() : ctx.cluster.list(type.kind, type.namespaced && !all ? namespace : undefined);
      if (type.kind === 'Event' && !all) objects = objects.filter((e) => (e.metadata?.namespace || 'default') === namespace);
      if (selector) objects = objects.filter((o) => matchesSelector(selector, o.metadata?.labels));
    }
    found.push({ request, objects });
  }
  const exitCode = stderr.includes('Error from server') ? 1 : 0;
  const byName = parsed.requests.some((r) => r.names !== undefined);
  const objects = found.flatMap((f) => f.objects);
  if (output === 'name') return { stdout: objects.map((o) => `${displayName(o)}\n`).join(''), stderr, exitCode };
  if (output === 'json' || output === 'yaml') {
    // An empty list still prints as an empty List; only a by-name get that found nothing prints nothing.
    if (objects.length === 0 && byName) return { stdout: '', stderr, exitCode };
    const single = byName && parsed.requests.length === 1 && parsed.requests[0]!.names!.length === 1;
    const value = single ? objects[0] : asList(objects);
    return { stdout: output === 'json' ? toKubectlJson(value) : toKubectlYaml(value), stderr, exitCode };
  }
  const options: GetOptions = {
    now: ctx.cluster.timestamp(),
    wide: output === 'wide',
    showLabels: flagOn(command, 'show-labels'),
    allNamespaces: all,
    namespace,
  };
  const groups: KindGroup[] = [];
  for (const { request, objects: objs } of found) {
    const table = TABLES[request.type.kind];
    if (!table) return unsupported(`there is no table for ${request.type.resource} yet`);
    // Objects asked for by name keep the order they were named in.
    const keep = request.names !== undefined ? { ...table, keepOrder: true } : table;
    if (parsed.requests.length === 1 && !parsed.multiple) {
      const out = printGetTable(objs, options, keep);
      const empty = request.names !== undefined && objs.length === 0 ? '' : out.stderr;
      return { stdout: out.stdout, stderr: stderr + empty, exitCode };
    }
    groups.push({ prefix: request.type.prefix, table: keep, objects: objs });
  }
  const out = printKindGroups(groups, options, true);
  const empty = byName ? '' : out.stderr;
  return { stdout: out.stdout, stderr: stderr + empty, exitCode };
};
