import type { ImageCatalog } from '../engine/types.ts';
import { didYouMean } from '../validate/index.ts';

/**
 * Finds the image a learner probably meant: the same tag of a repository one typo away
 * (`nigelpulton/…` → `nigelpoulton/…`), or another tag of the same repository (`:1.O` → `:1.0`).
 */
export function suggestImage(image: string, catalog: ImageCatalog): string | undefined {
  const known = catalog.references();
  if (image.length > 255 || known.includes(image)) return undefined;
  const [repo, tag = 'latest'] = splitTag(image);
  const sameRepo = known.filter((r) => splitTag(r)[0] === repo);
  if (sameRepo.length > 0) {
    const tags = sameRepo.map((r) => splitTag(r)[1]);
    const closest = didYouMean(tag, tags);
    return `${repo}:${closest ?? tags[tags.length - 1]}`;
  }
  const repos = [...new Set(known.map((r) => splitTag(r)[0]))];
  const closestRepo = didYouMean(repo, repos);
  if (!closestRepo) return undefined;
  const tags = known.filter((r) => splitTag(r)[0] === closestRepo).map((r) => splitTag(r)[1]);
  return `${closestRepo}:${tags.includes(tag) ? tag : (didYouMean(tag, tags) ?? tags[tags.length - 1])}`;
}

function splitTag(ref: string): [string, string] {
  const slash = ref.lastIndexOf('/');
  const colon = ref.lastIndexOf(':');
  return colon > slash ? [ref.slice(0, colon), ref.slice(colon + 1)] : [ref, 'latest'];
}
