import { stringify } from 'yaml';
import { clone, type KubeObject } from '../../core/kube.ts';
import { lastFlag, type KubectlInvocation } from '../kubectl-args.ts';

/** Returns the namespace a command works in: `-n`/`--namespace`, else `default`. */
export function namespaceOf(command: KubectlInvocation): string {
  return lastFlag(command.flags, 'namespace') || 'default';
}

/** Returns true when a bool flag was given as true. */
export function flagOn(command: KubectlInvocation, name: string): boolean {
  return /^(1|t|T|TRUE|true|True)$/.test(lastFlag(command.flags, name) ?? '');
}

/**
 * Drops what only `--dry-run=client -o json` shows (`status: {}`, `strategy: {}`, a null `creationTimestamp`)
 * before the object is sent. `resources: {}` stays: the real API server returns it on stored Pods too.
 */
export function stripForSend(obj: KubeObject): KubeObject {
  const out = clone(obj);
  delete out.status;
  if (out.metadata && out.metadata.creationTimestamp == null) delete out.metadata.creationTimestamp;
  const spec = out.spec as Record<string, unknown> | undefined;
  if (spec && isEmptyObject(spec['strategy'])) delete spec['strategy'];
  return out;
}

function isEmptyObject(v: unknown): boolean {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0;
}

/** Sorts object keys recursively: kubectl prints API objects as unstructured maps, which Go marshals key-sorted. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
  return out;
}

/** Wraps several objects as kubectl's `-o json|yaml` List. */
export function asList(objects: readonly KubeObject[]): Record<string, unknown> {
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}

/** Renders as `kubectl -o json`: keys sorted (unless `sorted` is false, for typed objects), 4-space indent, `<`, `>` and `&` escaped as Go's encoder does. */
export function toKubectlJson(value: unknown, sorted = true): string {
  const text = JSON.stringify(sorted ? sortKeys(value) : value, null, 4)
    .replaceAll('<', '\\u003c')
    .replaceAll('>', '\\u003e')
    .replaceAll('&', '\\u0026');
  return `${text}\n`;
}

/** Renders as `kubectl -o yaml`: keys sorted, 2-space indent, sequences not indented under their key (sigs.k8s.io/yaml style). */
export function toKubectlYaml(value: unknown, sorted = true): string {
  return stringify(sorted ? sortKeys(value) : value, { indentSeq: false, lineWidth: 0, version: '1.1' });
}
