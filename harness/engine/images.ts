import { parse } from 'yaml';
import type { HttpRoute, ImageBehavior, ImageCatalog, ImagePort } from './types.ts';

/** A parsed image reference (github.com/distribution/reference, normalised as the kubelet does). */
export interface ImageReference {
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
  /** `docker.io/library/nginx:latest` style; `latest` is added only without tag and digest. */
  canonical: string;
  /** `docker.io/library/nginx` (the catalogue key). */
  repository: string;
}

export type ImageParseResult = { ok: true; ref: ImageReference } | { ok: false; message: string };

const INVALID = 'invalid reference format';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*$/;
const DOMAIN = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;

/** Parses and normalises an image reference the way the kubelet does (ParseNormalizedNamed). */
export function parseImageReference(image: unknown): ImageParseResult {
  if (typeof image !== 'string' || image === '' || image !== image.trim()) return { ok: false, message: INVALID };
  let rest = image;
  let digest: string | undefined;
  let tag: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, message: INVALID };
  }
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, message: INVALID };
  }
  let domain = 'docker.io';
  let path = rest;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase()) {
      domain = first;
      path = rest.slice(slash + 1);
    }
  }
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !path.includes('/')) path = `library/${path}`;
  if (path !== path.toLowerCase()) return { ok: false, message: `${INVALID}: repository name (${path}) must be lowercase` };
  if (!DOMAIN.test(domain) || !path.split('/').every((c) => PATH_COMPONENT.test(c))) return { ok: false, message: INVALID };
  const repository = `${domain}/${path}`;
  if (repository.length > 255) return { ok: false, message: 'repository name must not be more than 255 characters' };
  const effectiveTag = tag ?? (digest === undefined ? 'latest' : undefined);
  const canonical = repository + (effectiveTag !== undefined ? `:${effectiveTag}` : '') + (digest !== undefined ? `@${digest}` : '');
  const ref: ImageReference = { domain, path, canonical, repository };
  if (effectiveTag !== undefined) ref.tag = effectiveTag;
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

interface TagEntry {
  behavior: ImageBehavior;
}

/** Builds the CRI "not found" error text containerd gives for a missing repository or tag. */
export function notFoundMessage(canonical: string): string {
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${canonical}": failed to resolve reference "${canonical}": ${canonical}: not found`;
}

function num(value: unknown, fallback: number): number {
  const n = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 ? n : fallback;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function readPorts(value: unknown, where: string, errors: string[]): ImagePort[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${where}.listens: expected a list`);
    return [];
  }
  const out: ImagePort[] = [];
  value.forEach((p, i) => {
    const port = isMap(p) ? num(p.port, NaN) : NaN;
    if (!isMap(p) || !Number.isInteger(port) || port < 1 || port > 65535) {
      errors.push(`${where}.listens[${i}]: expected { port: 1-65535 }`);
      return;
    }
    const entry: ImagePort = { port, protocol: p.protocol === 'UDP' ? 'UDP' : 'TCP' };
    if (typeof p.env === 'string' && p.env !== '') entry.env = p.env;
    out.push(entry);
  });
  return out;
}

function readRoutes(value: unknown, where: string, errors: string[]): HttpRoute[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    errors.push(`${where}.http: expected a list`);
    return [];
  }
  const out: HttpRoute[] = [];
  value.forEach((r, i) => {
    if (!isMap(r) || typeof r.path !== 'string') {
      errors.push(`${where}.http[${i}]: expected { path, status, body }`);
      return;
    }
    out.push({ path: r.path, status: num(r.status, 200), body: r.body === undefined ? '' : String(r.body) });
  });
  return out;
}

/** Loads `exercises/images.yaml` into a catalogue; problems in the file are reported, never thrown. */
export function loadImageCatalog(yamlText: string): { catalog: ImageCatalog; errors: string[] } {
  const errors: string[] = [];
  const repos = new Map<string, Map<string, TagEntry>>();
  let doc: unknown;
  try {
    doc = parse(yamlText);
  } catch (e) {
    errors.push(`images.yaml: ${(e as Error).message}`);
  }
  const images = isMap(doc) ? doc.images : undefined;
  if (doc !== undefined && !isMap(images)) errors.push('images.yaml: expected a top-level `images:` map');
  for (const name of isMap(images) ? Object.keys(images).sort() : []) {
    const parsed = parseImageReference(name);
    const entry = (images as Record<string, unknown>)[name];
    if (!parsed.ok || parsed.ref.canonical !== `${parsed.ref.repository}:latest` || /[:@]/.test(name.slice(name.lastIndexOf('/') + 1))) {
      errors.push(`images.${name}: not a repository name (write tags under \`tags:\`)`);
      continue;
    }
    if (!isMap(entry)) {
      errors.push(`images.${name}: expected a map`);
      continue;
    }
    const defaults = isMap(entry.defaults) ? entry.defaults : {};
    const tags = isMap(entry.tags) ? entry.tags : {};
    if (!isMap(entry.tags)) errors.push(`images.${name}.tags: expected a map of tags`);
    const byTag = repos.get(parsed.ref.repository) ?? new Map<string, TagEntry>();
    for (const tag of Object.keys(tags).sort()) {
      const raw = tags[tag];
      const t: Record<string, unknown> = { ...defaults, ...(isMap(raw) ? raw : {}) };
      const where = `images.${name}.tags.${tag}`;
      if (raw !== null && raw !== undefined && !isMap(raw)) errors.push(`${where}: expected a map`);
      const behavior: ImageBehavior = {
        reference: `${parsed.ref.repository}:${tag}`,
        sizeBytes: num(t.sizeBytes ?? entry.sizeBytes, 10_000_000),
        pullSeconds: num(t.pullSeconds ?? entry.pullSeconds, 1),
        startSeconds: num(t.startSeconds, 0),
        listens: readPorts(t.listens, where, errors),
        http: readRoutes(t.http, where, errors),
      };
      if (isMap(t.exit)) {
        behavior.exit = { afterSeconds: num(t.exit.afterSeconds, 0), code: Math.trunc(num(t.exit.code, 0)) };
        if (t.exit.message !== undefined) behavior.exit.message = String(t.exit.message);
      } else if (t.exit !== undefined) errors.push(`${where}.exit: expected { afterSeconds, code }`);
      if (isMap(t.udp) && t.udp.reply !== undefined) behavior.udp = { reply: String(t.udp.reply) };
      else if (t.udp !== undefined) errors.push(`${where}.udp: expected { reply }`);
      byTag.set(tag, { behavior });
    }
    repos.set(parsed.ref.repository, byTag);
  }
  const catalog: ImageCatalog = {
    references() {
      const out: string[] = [];
      for (const [repo, tags] of [...repos.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        const short = repo.replace(/^docker\.io\/library\//, '').replace(/^docker\.io\//, '');
        for (const tag of [...tags.keys()].sort()) out.push(`${short}:${tag}`);
      }
      return out;
    },
    resolve(image: string) {
      const parsed = parseImageReference(image);
      if (!parsed.ok) {
        return {
          ok: false,
          reason: 'InvalidImageName',
          message: `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${parsed.message}`,
        };
      }
      const tags = repos.get(parsed.ref.repository);
      const tag = parsed.ref.tag ?? 'latest';
      const found = tags?.get(tag);
      if (!found) return { ok: false, reason: 'NotFound', message: notFoundMessage(parsed.ref.canonical) };
      return { ok: true, image: { ...structuredClone(found.behavior), reference: parsed.ref.canonical } };
    },
  };
  return { catalog, errors };
}
