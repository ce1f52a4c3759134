import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Reads every file under a folder into a sorted map of relative path → text (for byte-for-byte comparisons in tests). */
export function readTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (abs: string, rel: string) => {
    for (const d of readdirSync(abs, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) walk(join(abs, d.name), r);
      else out[r] = readFileSync(join(abs, d.name), 'utf8');
    }
  };
  walk(dir, '');
  return out;
}
