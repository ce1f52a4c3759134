import { describe, it, expect } from 'vitest';
import { loadImageCatalog, parseImageReference } from './images.ts';
import { testCatalog } from './testing-helpers.ts';

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.27', 'docker.io/library/nginx:1.27'],
    ['bitnami/nginx', 'docker.io/bitnami/nginx:latest'],
    ['index.docker.io/library/nginx:1.0', 'docker.io/library/nginx:1.0'],
    ['localhost:5000/app:v1', 'localhost:5000/app:v1'],
    ['ghcr.io/org/app', 'ghcr.io/org/app:latest'],
    [`nginx@sha256:${'a'.repeat(64)}`, `docker.io/library/nginx@sha256:${'a'.repeat(64)}`],
  ])('normalises %s', (input, canonical) => {
    const res = parseImageReference(input);
    expect(res.ok && res.ref.canonical).toBe(canonical);
  });

  it.each([
    ['Nginx', 'invalid reference format: repository name (library/Nginx) must be lowercase'],
    ['nginx:', 'invalid reference format'],
    ['ngi nx', 'invalid reference format'],
    [' nginx', 'invalid reference format'],
    ['nginx@sha256:abc', 'invalid reference format'],
    ['-nginx', 'invalid reference format'],
  ])('rejects %j', (input, message) => {
    expect(parseImageReference(input)).toEqual({ ok: false, message });
  });
});

describe('loadImageCatalog', () => {
  it('merges defaults into tags and resolves like the kubelet', () => {
    const catalog = testCatalog();
    const res = catalog.resolve('nigelpoulton/getting-started-k8s:2.0');
    expect(res.ok && res.image).toMatchObject({
      reference: 'docker.io/nigelpoulton/getting-started-k8s:2.0',
      sizeBytes: 71234567,
      pullSeconds: 2,
      startSeconds: 1,
      listens: [{ port: 8080, protocol: 'TCP' }],
      http: [{ path: '/', status: 200, body: 'v2' }],
    });
    const crash = catalog.resolve('docker.io/nigelpoulton/getting-started-k8s:crash');
    expect(crash.ok && crash.image.exit).toEqual({ afterSeconds: 5, code: 1, message: 'panic' });
  });

  it('reports missing tags and bad references', () => {
    const catalog = testCatalog();
    const missing = catalog.resolve('nginx:9.9');
    expect(missing.ok ? '' : missing.reason).toBe('NotFound');
    expect(missing.ok ? '' : missing.message).toContain('docker.io/library/nginx:9.9: not found');
    const bad = catalog.resolve('Nginx');
    expect(bad).toEqual({
      ok: false,
      reason: 'InvalidImageName',
      message: 'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase',
    });
  });

  it('collects file problems instead of throwing', () => {
    expect(loadImageCatalog('images: [').errors.length).toBe(1);
    expect(loadImageCatalog('nope: 1').errors).toEqual(['images.yaml: expected a top-level `images:` map']);
    const { errors, catalog } = loadImageCatalog('images:\n  "nginx:1.0": {tags: {}}\n  web: {tags: {"1": {listens: [{port: 99999}], exit: 5}}}\n');
    expect(errors).toEqual([
      'images.nginx:1.0: not a repository name (write tags under `tags:`)',
      'images.web.tags.1.listens[0]: expected { port: 1-65535 }',
      'images.web.tags.1.exit: expected { afterSeconds, code }',
    ]);
    expect(catalog.resolve('web:1').ok).toBe(true);
  });
});
