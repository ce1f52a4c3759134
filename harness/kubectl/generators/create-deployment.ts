import type { GeneratorInput, GeneratorResult } from './types.ts';
import { exactlyOneName, flagValues, intFlag, meta } from './types.ts';

/** Builds the Deployment of `kubectl create deployment NAME --image=… [--replicas=N] [--port=N]`. */
export function createDeployment(input: GeneratorInput): GeneratorResult {
  const images = flagValues(input, 'image');
  if (images.length === 0) return { ok: false, error: 'error: required flag(s) "image" not set' };
  if (input.args.length !== 1) return exactlyOneName(input);
  const name = input.args[0]!;
  const labels = { app: name };
  const containers: Record<string, unknown>[] = images.map((image, i) => ({
    name: containerName(image, i),
    image,
    resources: {},
  }));
  const port = intFlag(input, 'port', -1);
  if (port >= 0 && containers.length > 0) {
    const first = containers[0]!;
    containers[0] = { name: first['name'], image: first['image'], ports: [{ containerPort: port }], resources: {} };
  }
  return {
    ok: true,
    objects: [
      {
        kind: 'Deployment',
        apiVersion: 'apps/v1',
        metadata: meta(name, input, labels),
        spec: {
          replicas: intFlag(input, 'replicas', 1),
          selector: { matchLabels: { ...labels } },
          template: { metadata: { labels: { ...labels } }, spec: { containers } },
          strategy: {},
        },
        status: {},
      },
    ],
  };
}

/**
 * Derives a container name from an image as kubectl does (last path part, tag and digest removed).
 * kubectl replaces `_` and `.` by `-` and then appends a random 5-character suffix; we derive the suffix
 * from the image and its index (same alphabet) so the result is deterministic.
 */
function containerName(image: string, index: number): string {
  let name = image.split('/').pop() ?? '';
  if (name.includes(':')) name = name.split(':')[0]!;
  if (name.includes('@')) name = name.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${suffix(`${index}/${image}`)}`;
  return name;
}

const ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** Returns five characters of kubectl's random-string alphabet chosen by an FNV-1a hash of the seed. */
function suffix(seed: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
  let out = '';
  for (let i = 0; i < 5; i++) {
    out += ALPHABET[h % ALPHABET.length];
    h = Math.floor(h / ALPHABET.length) + i * 7919;
  }
  return out;
}
