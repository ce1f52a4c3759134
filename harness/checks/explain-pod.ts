import type { KubeObject } from '../core/kube.ts';
import type { ImageCatalog } from '../engine/types.ts';
import { suggestImage } from './suggest-image.ts';

/** Why a Pod is not (yet) what a check wanted, in plain words, and the field to blame. */
export interface PodExplanation {
  summary: string;
  /** Field path in the Pod manifest that most likely causes it (`spec.containers[0].image`). */
  field?: string;
  hint?: string;
}

interface ContainerStatus {
  name: string;
  ready?: boolean;
  restartCount?: number;
  state?: { waiting?: { reason?: string; message?: string }; running?: object; terminated?: { reason?: string; exitCode?: number; message?: string } };
  lastState?: { terminated?: { reason?: string; exitCode?: number; message?: string } };
}

/** Explains a Pod's current state from its status and events (the way `kubectl describe pod` would lead you). */
export function explainPod(pod: KubeObject, events: readonly KubeObject[], images?: ImageCatalog): PodExplanation {
  const name = pod.metadata.name ?? '?';
  const status = (pod.status ?? {}) as { phase?: string; conditions?: { type: string; status: string; reason?: string; message?: string }[]; containerStatuses?: ContainerStatus[]; reason?: string; message?: string };
  const containers = (Array.isArray(pod.spec?.containers) ? pod.spec.containers : []) as { name?: string; image?: string; readinessProbe?: unknown }[];
  const indexOf = (c: string) => Math.max(0, containers.findIndex((x) => x.name === c));
  const phase = status.phase ?? 'Pending';

  if (pod.metadata.deletionTimestamp) return { summary: `${name} is being deleted (Terminating)` };
  if (status.reason && phase === 'Failed') {
    return { summary: `${name} failed: ${status.reason}${status.message ? `: ${status.message}` : ''}`, field: 'spec' };
  }
  const scheduled = status.conditions?.find((c) => c.type === 'PodScheduled');
  if (!pod.spec?.nodeName) {
    if (scheduled?.status === 'False' && scheduled.message) {
      return { summary: `${name} cannot be scheduled: ${scheduled.message}`, field: schedulingField(scheduled.message), hint: 'kubectl describe pod ' + name + ' shows the FailedScheduling event; compare the Pod\'s requests, nodeSelector and tolerations with `kubectl get nodes --show-labels`.' };
    }
    return { summary: `${name} has not been scheduled to a node` };
  }
  const statuses = status.containerStatuses ?? [];
  for (const cs of statuses) {
    const i = indexOf(cs.name);
    const waiting = cs.state?.waiting;
    if (waiting?.reason && waiting.reason !== 'ContainerCreating' && waiting.reason !== 'PodInitializing') {
      if (/ImagePull|ErrImage|InvalidImageName/.test(waiting.reason)) {
        const image = containers[i]?.image ?? '';
        const failed = lastEventMessage(events, name, /^Failed to pull image|^Failed to apply default image tag/);
        return {
          summary: `container ${cs.name} cannot start: ${waiting.reason}${failed ? ` (${failed})` : ` for image "${image}"`}`,
          field: `spec.containers[${i}].image`,
          hint: imageHint(image, images),
        };
      }
      if (waiting.reason === 'CrashLoopBackOff') {
        const last = cs.lastState?.terminated;
        const why = last ? `exit code ${last.exitCode ?? '?'}${last.message ? `: ${last.message.trim()}` : last.reason ? ` (${last.reason})` : ''}` : 'it keeps exiting';
        return { summary: `container ${cs.name} keeps crashing (CrashLoopBackOff, ${cs.restartCount ?? 0} restarts): ${why}`, field: `spec.containers[${i}]` };
      }
      return { summary: `container ${cs.name} is waiting: ${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`, field: `spec.containers[${i}]` };
    }
    const term = cs.state?.terminated;
    if (term) {
      return { summary: `container ${cs.name} has terminated: ${term.reason ?? 'Error'} (exit code ${term.exitCode ?? '?'})${term.message ? `: ${term.message.trim()}` : ''}`, field: `spec.containers[${i}]` };
    }
  }
  for (const cs of statuses) {
    if (cs.state?.running && !cs.ready) {
      const i = indexOf(cs.name);
      const unhealthy = lastEventMessage(events, name, /^Readiness probe failed/);
      if (unhealthy) return { summary: `container ${cs.name} is running but not ready: ${unhealthy}`, field: `spec.containers[${i}].readinessProbe` };
      return { summary: `container ${cs.name} is running but not ready yet`, field: `spec.containers[${i}]` };
    }
  }
  if (statuses.length === 0 || statuses.some((c) => c.state?.waiting)) return { summary: `${name} is ${phase}: its containers are being created` };
  return { summary: `${name} is ${phase}` };
}

function schedulingField(message: string): string | undefined {
  if (/Insufficient|Too many pods/.test(message)) return 'spec.containers[0].resources';
  if (/affinity\/selector/.test(message)) return 'spec.nodeSelector';
  if (/taint/.test(message)) return 'spec.tolerations';
  return undefined;
}

function lastEventMessage(events: readonly KubeObject[], podName: string, pattern: RegExp): string | undefined {
  let found: string | undefined;
  for (const e of events) {
    const io = e.involvedObject as { kind?: string; name?: string } | undefined;
    const msg = typeof e.message === 'string' ? e.message : '';
    if (io?.kind === 'Pod' && io.name === podName && pattern.test(msg)) found = msg;
  }
  return found;
}

function imageHint(image: string, images: ImageCatalog | undefined): string {
  const suggestion = images ? suggestImage(image, images) : undefined;
  return `"${image}" does not exist in the registry.${suggestion ? ` Did you mean "${suggestion}"?` : ' Check the account, the repository name and the tag.'}`;
}
