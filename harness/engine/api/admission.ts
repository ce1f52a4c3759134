import type { KubeObject } from '../../core/kube.ts';
import type { Random } from '../random.ts';
import { asList, asMap } from '../util.ts';

/** Mutating admission plugins per kind (ServiceAccount, DefaultTolerationSeconds, Priority). */
export type AdmissionPlugin = (obj: KubeObject, ctx: { random: Random; old?: KubeObject }) => void;

const PLUGINS = new Map<string, AdmissionPlugin[]>();

/** Registers a mutating admission plugin for a kind; plugins run in registration order. */
export function registerAdmission(kind: string, plugin: AdmissionPlugin): void {
  PLUGINS.set(kind, [...(PLUGINS.get(kind) ?? []), plugin]);
}

/** Runs the admission plugins of the object's kind, mutating it in place. */
export function admit(obj: KubeObject, ctx: { random: Random; old?: KubeObject }): void {
  for (const plugin of PLUGINS.get(obj.kind) ?? []) plugin(obj, ctx);
}

export const SERVICE_ACCOUNT_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';

function tokenVolume(name: string): Record<string, unknown> {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
        { downwardAPI: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
      ],
    },
  };
}

function serviceAccount(obj: KubeObject, ctx: { random: Random; old?: KubeObject }): void {
  const spec = asMap(obj.spec);
  if (!spec) return;
  if (typeof spec.serviceAccountName !== 'string' || spec.serviceAccountName === '') spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false) return;
  const containers = [...asList(spec.containers), ...asList(spec.initContainers)].map(asMap);
  const mounted = containers.some((c) => asList(c?.volumeMounts).some((m) => asMap(m)?.mountPath === SERVICE_ACCOUNT_MOUNT_PATH && !String(asMap(m)?.name).startsWith(TOKEN_VOLUME_PREFIX)));
  if (mounted) return;
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : spec.volumes === undefined || spec.volumes === null ? [] : undefined;
  if (!volumes) return;
  const isToken = (v: unknown): boolean => String(asMap(v)?.name ?? '').startsWith(TOKEN_VOLUME_PREFIX) && asMap(v)?.projected !== undefined;
  let name = asMap(volumes.find(isToken))?.name as string | undefined;
  if (!name) {
    const oldVolume = asList(asMap(ctx.old?.spec)?.volumes).find(isToken);
    name = (asMap(oldVolume)?.name as string | undefined) ?? `${TOKEN_VOLUME_PREFIX}${ctx.random.nameSuffix()}`;
    volumes.push(tokenVolume(name));
  }
  spec.volumes = volumes;
  for (const c of containers) {
    if (!c) continue;
    const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : c.volumeMounts === undefined ? [] : undefined;
    if (!mounts) continue;
    if (!mounts.some((m) => asMap(m)?.name === name)) mounts.push({ name, readOnly: true, mountPath: SERVICE_ACCOUNT_MOUNT_PATH });
    c.volumeMounts = mounts;
  }
}

function defaultTolerations(obj: KubeObject): void {
  const spec = asMap(obj.spec);
  if (!spec) return;
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations : spec.tolerations == null ? [] : undefined;
  if (!tolerations) return;
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable']) {
    const has = tolerations.some((t) => {
      const m = asMap(t);
      return m !== undefined && (m.key === key || (m.key === undefined && m.operator === 'Exists')) && (m.effect === 'NoExecute' || m.effect === undefined || m.effect === '');
    });
    if (!has) tolerations.push({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 });
  }
  spec.tolerations = tolerations;
}

function priority(obj: KubeObject): void {
  const spec = asMap(obj.spec);
  if (!spec) return;
  if (spec.priority === undefined) spec.priority = 0;
  if (spec.preemptionPolicy === undefined) spec.preemptionPolicy = 'PreemptLowerPriority';
  if (spec.enableServiceLinks === undefined) spec.enableServiceLinks = true;
}

registerAdmission('Pod', serviceAccount);
registerAdmission('Pod', defaultTolerations);
registerAdmission('Pod', priority);
