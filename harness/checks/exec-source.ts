import type { CheckContext } from './types.ts';
import { explainPod } from './explain-pod.ts';

/**
 * A request or lookup "from a Pod" is what `kubectl exec <pod> [-c <container>] -- wget|nslookup …`
 * would run, so the container (default: the first, as kubectl exec picks it) must exist and be
 * running; otherwise kubectl exec itself fails. Returns why not, or undefined when it can run.
 */
export function execProblem(from: { pod: string; namespace?: string; container?: string }, ctx: CheckContext): { message: string; field?: string } | undefined {
  const pod = ctx.cluster.get({ kind: 'Pod', namespace: from.namespace ?? 'default', name: from.pod });
  if (!pod) return undefined; // the caller reports a missing Pod in its own words
  const containers = (Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) as { name?: string }[];
  const name = from.container ?? containers[0]?.name;
  const index = containers.findIndex((c) => c.name === name);
  if (index < 0 || name === undefined) {
    return { message: `Pod "${from.pod}" has no container named ${name ?? '(none)'} (it has ${containers.map((c) => c.name).join(', ') || 'none'})`, field: 'spec.containers' };
  }
  const statuses = (pod.status?.containerStatuses ?? []) as { name: string; state?: { running?: object; waiting?: { reason?: string }; terminated?: { reason?: string } } }[];
  const st = statuses.find((c) => c.name === name);
  if (st?.state?.running) return undefined;
  const why = st?.state?.waiting?.reason ?? st?.state?.terminated?.reason ?? 'not started';
  const detail = explainPod(pod, ctx.cluster.events(), ctx.images);
  const message = detail.summary.startsWith(`container ${name} `) ? detail.summary : `container ${name} is not running (${why}): ${detail.summary}`;
  return { message, field: detail.field ?? `spec.containers[${index}]` };
}
