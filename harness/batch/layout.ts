import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** `course`: `<learner>/exercises/<id>/submission/…`; `flat`: `<learner>/<id>/…`. */
export type Layout = 'course' | 'flat';

export interface ClassFolder {
  root: string;
  layout: Layout;
  /** Learner folder names, sorted by code unit (stable on every platform). */
  learners: string[];
}

/** Lists the learner folders of a class root and detects its layout (course checkout when any learner has exercises/). */
export function readClassFolder(root: string): ClassFolder {
  const learners = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort(compareText);
  const layout: Layout = learners.some((l) => isDir(join(root, l, 'exercises'))) ? 'course' : 'flat';
  return { root, layout, learners };
}

/** Returns the folder holding a learner's submission for an exercise (the flat layout also accepts `01` for `01-hello-pod`). */
export function submissionDir(folder: ClassFolder, learner: string, id: string): string {
  if (folder.layout === 'course') return join(folder.root, learner, 'exercises', id, 'submission');
  const exact = join(folder.root, learner, id);
  if (existsSync(exact)) return exact;
  const short = join(folder.root, learner, id.slice(0, id.indexOf('-') > 0 ? id.indexOf('-') : id.length));
  return existsSync(short) ? short : exact;
}

/** Compares strings by code unit, the order used for every sorted list in batch outputs. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function isDir(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false;
  }
}
