/** Sends the objects of `-f FILE|DIR` to the cluster (apply, create and delete share this). */
import type { KubeObject } from '../../core/kube.ts';
import type { ApiResult } from '../../engine/types.ts';
import type { KubectlInvocation } from '../kubectl-args.ts';
import { createOutput, failed, unsupported } from './output.ts';
import type { CommandOutput, ScriptContext } from './types.ts';

export interface FileObject {
  object: KubeObject;
  /** The source name kubectl prints in errors (the path as typed, or the file inside a typed folder). */
  source: string;
}

/** Reads every `-f` path; returns the objects in order, or kubectl's error output when a path cannot be used. */
export function readFileObjects(command: KubectlInvocation, ctx: ScriptContext): { objects: FileObject[] } | { output: CommandOutput } {
  const paths = command.flags.get('filename') ?? [];
  if (paths.length === 0) {
    return {
      output: failed(
        'error: must specify one of -f and -k',
      ),
    };
  }
  const objects: FileObject[] = [];
  for (const path of paths) {
    if (/^https?:\/\//i.test(path)) return { output: unsupported('reading manifests from the network is not simulated; save the file in your submission') };
    if (path === '-') return { output: failed('error: reading from stdin (-f -) is not possible here: nothing is piped into this script') };
    const read = ctx.readManifests(path);
    if ('error' in read) return { output: failed(read.error) };
    const parseError = read.issues.find((i) => i.severity === 'error' && i.code.startsWith('load/'));
    if (parseError) return { output: failed(`error: error parsing ${parseError.file ?? path}: ${parseError.message}`) };
    const typed = path.replace(/^\.\//, '');
    for (const doc of read.documents) {
      const source = doc.file === typed ? path : doc.file;
      const value = doc.value;
      const o = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      const missing = !o || typeof o['kind'] !== 'string' || o['kind'] === '' ? 'kind' : typeof o['apiVersion'] !== 'string' || o['apiVersion'] === '' ? 'apiVersion' : undefined;
      if (missing) {
        return {
          output: failed(
            `error: error validating "${source}": error validating data: ${missing} not set; if you choose to ignore these errors, turn validation off with --validate=false`,
          ),
        };
      }
      objects.push({ object: o as unknown as KubeObject, source });
    }
  }
  if (objects.length === 0) return { output: failed('error: no objects passed to apply') };
  return { objects };
}

/** Sends each `-f` object with `send` and prints `kind/name <verb>` lines, errors at the end as kubectl does. */
export function sendFileObjects(
  command: KubectlInvocation,
  ctx: ScriptContext,
  send: (obj: KubeObject) => ApiResult,
  errorVerb: (obj: KubeObject) => 'creating' | 'applying',
  display: (obj: KubeObject) => string,
): CommandOutput {
  const read = readFileObjects(command, ctx);
  if ('output' in read) return read.output;
  const o = createOutput();
  const errors: (() => void)[] = [];
  const namespace = command.flags.get('namespace')?.at(-1);
  for (const { object } of read.objects) {
    const own = typeof object.metadata?.namespace === 'string' ? object.metadata.namespace : '';
    if (namespace && own !== '' && own !== namespace) {
      return failed(`error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`);
    }
  }
  for (const { object, source } of read.objects) {
    const obj = namespace && !object.metadata?.namespace ? { ...object, metadata: { ...(object.metadata ?? {}), namespace } } : object;
    const verb = errorVerb(obj);
    const res = send(obj);
    o.warn(res.warnings);
    if (res.ok && res.object) o.out(`${display(res.object)} ${res.verb ?? 'created'}`);
    else if (res.error) {
      const error = res.error;
      // kubectl collects the errors of all objects and prints them after the successes.
      errors.push(() => o.status(error, source, verb));
    }
  }
  for (const e of errors) e();
  return o.done();
}
