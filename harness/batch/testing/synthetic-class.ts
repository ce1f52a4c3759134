/**
 * Builds a synthetic class for tests and benchmarks: learners made of the course's reference solutions and mutants
 * (without mutant.yaml), plus learners with broken inputs (a YAML alias bomb, a 2 MiB file, a binary file, a symlink
 * out of the folder). Deterministic: the same arguments give the same bytes.
 */
import { cpSync, mkdirSync, readdirSync, symlinkSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface SyntheticClassOptions {
  /** Learners made of solutions and mutants. */
  count: number;
  /** Add the four broken learners. Default true. */
  broken?: boolean;
  /** `flat` (`<learner>/<id>/`) or `course` (`<learner>/exercises/<id>/submission/`). Default flat. */
  layout?: 'flat' | 'course';
  /** Exercise ids to include (default all in solutions/). */
  ids?: string[];
}

export const BROKEN_LEARNERS = ['zz-binary', 'zz-big-file', 'zz-symlink-out', 'zz-yaml-bomb'] as const;

/** Writes a synthetic class under `dir` from the course's solutions and returns the learner names (sorted). */
export function buildSyntheticClass(courseRoot: string, dir: string, options: SyntheticClassOptions): string[] {
  const solutions = join(courseRoot, 'solutions');
  const ids = options.ids ?? readdirSync(solutions).filter((n) => /^\d{2}-/.test(n)).sort();
  const variants = new Map(ids.map((id) => [id, variantsOf(join(solutions, id))]));
  const layout = options.layout ?? 'flat';
  const target = (learner: string, id: string) => (layout === 'flat' ? join(dir, learner, id) : join(dir, learner, 'exercises', id, 'submission'));
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < options.count; i++) {
    const learner = `learner-${String(i).padStart(4, '0')}`;
    names.push(learner);
    ids.forEach((id, e) => {
      const list = variants.get(id)!;
      const from = list[(i + e * 3) % list.length]!;
      cpSync(from, target(learner, id), { recursive: true, filter: (src) => !src.endsWith('mutant.yaml') });
    });
  }
  if (options.broken ?? true) {
    const first = ids[0]!;
    for (const learner of BROKEN_LEARNERS) {
      names.push(learner);
      for (const id of ids) cpSync(join(solutions, id, 'solution'), target(learner, id), { recursive: true });
    }
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let k = 0; k < 9; k++) bomb.push(`${String.fromCharCode(98 + k)}: &${String.fromCharCode(98 + k)} [*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)},*${String.fromCharCode(97 + k)}]`);
    writeFileSync(join(target('zz-yaml-bomb', first), 'bomb.yaml'), `${bomb.join('\n')}\n`);
    writeFileSync(join(target('zz-big-file', first), 'big.yaml'), `# padding\n${'x: 1\n'.repeat((2 * 1024 * 1024) / 5)}`);
    writeFileSync(join(target('zz-binary', first), 'pod.yaml'), Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 31 + 7) % 256)));
    symlinkSync('/etc/passwd', join(target('zz-symlink-out', first), 'passwd.yaml'));
  }
  return names.sort();
}

function variantsOf(exerciseDir: string): string[] {
  const mutants = join(exerciseDir, 'mutants');
  const list = [join(exerciseDir, 'solution')];
  if (existsSync(mutants)) for (const m of readdirSync(mutants).sort()) list.push(join(mutants, m));
  return list;
}
