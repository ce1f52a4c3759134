import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCourseRoot } from '../grade/course.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const exportTemplateHelp = `Usage: kubegrade export-template DIR [--force]

Writes the learner checkout of this course to DIR: the exercises with their starter
submissions, the grader, and a package.json whose \`npm test\` grades the submissions.
Nothing from solutions/ (reference solutions, mutants, hidden checks) is written.

Options:
  --force      write into DIR even if it is not empty
  -h, --help   show this help
`;

/** Files and folders of the course that a learner's checkout gets. */
const LEARNER_TOP_LEVEL = ['exercises', 'harness', 'bin', 'tsconfig.json', 'package-lock.json', '.gitignore', '.github'];

/** Runs `kubegrade export-template DIR`. */
export function exportTemplateCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('export-template', args, {
    force: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(exportTemplateHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('kubegrade export-template: give exactly one target folder. See kubegrade export-template --help');
  const root = findCourseRoot(io.cwd) ?? findCourseRoot(dirname(fileURLToPath(import.meta.url)));
  if (!root) throw new CliError('no course found: run kubegrade inside a course checkout');
  const target = resolve(io.cwd, positionals[0]!);
  if (target === root || target.startsWith(`${root}/exercises`) || target.startsWith(`${root}/harness`)) {
    throw new CliError('kubegrade export-template: the target must be outside the course\'s exercises/ and harness/ folders');
  }
  if (existsSync(target) && readdirSync(target).length > 0 && !values.force) {
    throw new CliError(`kubegrade export-template: ${positionals[0]} is not empty (use --force to write into it)`);
  }
  exportTemplate(root, target);
  io.stdout(`Wrote the learner checkout to ${positionals[0]}: run npm ci, then npm test.\n`);
  return 0;
}

/** Copies the learner-facing parts of a course to `target` (no solutions, no harness tests). */
export function exportTemplate(root: string, target: string): void {
  mkdirSync(target, { recursive: true });
  for (const name of LEARNER_TOP_LEVEL) {
    const from = join(root, name);
    if (!existsSync(from)) continue;
    cpSync(from, join(target, name), {
      recursive: true,
      filter: (src) => {
        const base = basename(src);
        if (name === 'harness' && (base.endsWith('.test.ts') || base === 'testdata' || base === 'bench' || base === 'testing')) return false;
        return base !== 'node_modules' && !base.endsWith('.tmp');
      },
    });
  }
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  // Same dependencies as the course (so package-lock.json stays valid); learner scripts only.
  pkg.scripts = {
    test: 'vitest run',
    'test:watch': 'vitest',
    grade: 'kubegrade grade',
  };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  writeFileSync(
    join(target, 'vitest.config.ts'),
    `import { defineConfig } from 'vitest/config';\n\nexport default defineConfig({\n  test: {\n    include: ['exercises/**/*.test.ts'],\n    globalSetup: ['harness/vitest/global-setup.ts'],\n    testTimeout: 60_000,\n  },\n});\n`,
  );
  writeFileSync(join(target, 'README.md'), readFileSync(new URL('./learner-readme.md', import.meta.url), 'utf8'));
  mkdirSync(join(target, 'reports'), { recursive: true });
  writeFileSync(join(target, 'reports', 'README.md'), 'Generated feedback lands here: `index.html` after every `npm test` or `npx kubegrade grade`.\n');
}
