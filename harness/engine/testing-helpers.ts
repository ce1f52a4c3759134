import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KubeObject } from '../core/kube.ts';
import { loadImageCatalog } from './images.ts';
import type { ImageCatalog } from './types.ts';

/** Loads harness/engine/testdata/images.yaml (for tests). */
export function testCatalog(): ImageCatalog {
  const text = readFileSync(fileURLToPath(new URL('./testdata/images.yaml', import.meta.url)), 'utf8');
  const { catalog, errors } = loadImageCatalog(text);
  if (errors.length > 0) throw new Error(errors.join('\n'));
  return catalog;
}

/** Builds a one-container Pod manifest (for tests). */
export function podManifest(name: string, container: Record<string, unknown>, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [{ name: 'web-ctr', ...container }], ...spec } };
}

/** A Deployment `name` of getting-started-k8s:1.0 (port 8080) whose Pods are labelled app=<name>, with extra spec fields (for tests). */
export function appDeployment(name: string, replicas: number, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      ...spec,
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'web', image: 'nigelpoulton/getting-started-k8s:1.0', ports: [{ containerPort: 8080 }] }] } },
    },
  };
}

/** A Service `name` selecting app=<name>, port 80 to 8080, with extra spec fields (for tests). */
export function appService(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ port: 80, targetPort: 8080 }], ...spec } };
}
