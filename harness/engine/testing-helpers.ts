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
