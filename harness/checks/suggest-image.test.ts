import { describe, expect, it } from 'vitest';
import { loadImageCatalog } from '../engine/index.ts';
import { suggestImage } from './suggest-image.ts';

const { catalog } = loadImageCatalog(`images:
  nigelpoulton/getting-started-k8s:
    tags: { "1.0": {}, "2.0": {} }
  nginx:
    tags: { "1.27": {}, latest: {} }
`);

describe('suggestImage', () => {
  it.each([
    ['nigelpulton/getting-started-k8s:1.0', 'nigelpoulton/getting-started-k8s:1.0'],
    ['nigelpoulton/getting-started-k8s:1.O', 'nigelpoulton/getting-started-k8s:1.0'],
    ['nigelpoulton/getting-started-k8s', 'nigelpoulton/getting-started-k8s:2.0'],
    ['ngnix:1.27', 'nginx:1.27'],
    ['nginx:1.27', undefined],
    ['postgres:16', undefined],
  ])('%s → %s', (image, expected) => {
    expect(suggestImage(image, catalog)).toBe(expected);
  });

  it('lists the catalogue as people write image names', () => {
    expect(catalog.references()).toEqual(['nginx:1.27', 'nginx:latest', 'nigelpoulton/getting-started-k8s:1.0', 'nigelpoulton/getting-started-k8s:2.0']);
  });
});
