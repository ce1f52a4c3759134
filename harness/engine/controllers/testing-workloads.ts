import type { KubeObject, ObjectRef } from '../../core/kube.ts';

/** Builds the course's `web-deploy` Deployment manifest (for tests). */
export function webDeploy(options: { replicas?: number; image?: string; strategy?: Record<string, unknown>; minReadySeconds?: number; name?: string } = {}): KubeObject {
  const spec: Record<string, unknown> = {
    replicas: options.replicas ?? 5,
    selector: { matchLabels: { app: 'web' } },
    template: {
      metadata: { labels: { app: 'web' } },
      spec: { containers: [{ name: 'web-ctr', image: options.image ?? 'nigelpoulton/getting-started-k8s:1.0', ports: [{ containerPort: 8080 }] }] },
    },
  };
  if (options.strategy) spec.strategy = options.strategy;
  if (options.minReadySeconds !== undefined) spec.minReadySeconds = options.minReadySeconds;
  return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: options.name ?? 'web-deploy' }, spec };
}

/** The reference of a Deployment in the default namespace. */
export const deployRef = (name = 'web-deploy'): ObjectRef => ({ kind: 'Deployment', namespace: 'default', name });
