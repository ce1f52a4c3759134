import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import type { GradeReport } from '../core/result.ts';
import { ciEnabled, runCi } from '../ci/run-ci.ts';
import { findCourseRoot, gradeCourse, openCourse, selectExercises, UsageError } from '../grade/course.ts';
import { htmlReporter } from '../report/html.ts';
import { jsonReporter } from '../report/json.ts';
import { textReporter } from '../report/text.ts';
import { intOption, parseCommandArgs } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const gradeHelp = `Usage: kubegrade grade [ID...] [options]

Grades the named exercises (default: all) against exercises/<id>/submission.
ID may be the full id (01-hello-pod) or its number (01).

Options:
  --submission DIR   grade DIR instead of the exercise's submission folder (only with one ID)
  --format FORMAT    text (default) or json (exactly one JSON object on stdout)
  --seed N           seed of the simulated cluster (default: fixed per exercise)
  --path PATH        replay one fault scenario of a property (printed with its counterexample; only with one ID)
  --course DIR       the course checkout (default: found from the current folder upwards)
  --no-hidden        skip hidden checks (solutions/<id>/hidden.yaml) even when present
  --hidden DIR       take hidden checks from DIR/<id>/hidden.yaml instead of solutions/
  --ci               GitHub Actions output: annotations, step summary, outputs, reports/junit.xml and
                     Classroom results (default on when GITHUB_ACTIONS=true; --no-ci turns it off)
  --min-score N      pass (exit 0) when the total score is at least N instead of requiring full marks
  --no-report        do not write reports/index.html and reports/result.json
  -h, --help         show this help

Exit codes: 0 every exercise has full marks (or the score reaches --min-score); 1 a check failed or a submission could not be graded;
2 usage or configuration error.
`;

/** Runs `kubegrade grade`: grades, prints text or JSON, writes reports/, returns the exit code. */
export function gradeCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('grade', args, {
    submission: { type: 'string' },
    format: { type: 'string', default: 'text' },
    seed: { type: 'string' },
    path: { type: 'string' },
    course: { type: 'string' },
    'no-hidden': { type: 'boolean', default: false },
    'no-report': { type: 'boolean', default: false },
    hidden: { type: 'string' },
    ci: { type: 'boolean', default: false },
    'no-ci': { type: 'boolean', default: false },
    'min-score': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(gradeHelp);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new CliError(`--format must be text or json, got "${values.format}"`);
  const seed = intOption('seed', values.seed, 0, 2 ** 31 - 1);
  const minScore = scoreOption('min-score', values['min-score']);
  if (values.ci && values['no-ci']) throw new CliError('--ci and --no-ci contradict each other; pass one');
  if (values.hidden !== undefined && values['no-hidden']) throw new CliError('--hidden and --no-hidden contradict each other; pass one');
  const root = values.course ? resolve(io.cwd, values.course) : findCourseRoot(io.cwd);
  if (!root) throw new CliError('no course found: run kubegrade inside a course checkout (a folder with exercises/images.yaml) or pass --course DIR');
  const course = openCourse(root);
  let ids: string[];
  try {
    ids = selectExercises(course, positionals);
  } catch (e) {
    if (e instanceof UsageError) throw new CliError(e.message);
    throw e;
  }
  if (values.submission && ids.length !== 1) throw new CliError('--submission needs exactly one exercise ID');
  if (values.path !== undefined && ids.length !== 1) throw new CliError('--path needs exactly one exercise ID');
  const submission = values.submission ? resolve(io.cwd, values.submission) : undefined;
  const hiddenDir = values.hidden !== undefined ? resolve(io.cwd, values.hidden) : undefined;
  if (hiddenDir && !existsSync(hiddenDir)) throw new CliError(`--hidden: no such folder "${values.hidden}"`);
  const gradeOptions = {
    ...(submission ? { submission } : {}),
    // A mutant's mutant.yaml is the course's metadata, not part of the submission.
    ...(submission?.startsWith(join(root, 'solutions') + sep) ? { exclude: ['mutant.yaml'] } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(values.path !== undefined ? { path: values.path } : {}),
  };
  const report = gradeCourse(course, ids, { ...gradeOptions, hidden: !values['no-hidden'], ...(hiddenDir ? { hiddenDir } : {}) });
  if (!values['no-report']) writeReports(join(root, 'reports'), report);
  const printed = values.format === 'json' ? jsonReporter.render(report) : textReporter.render(report, { color: io.isTTY && !io.env.NO_COLOR });
  const passed = minScore !== undefined ? report.score >= minScore : report.exercises.every((e) => e.status === 'passed');
  if (ciEnabled({ ci: values.ci, noCi: values['no-ci'] }, io.env)) {
    runCi(
      {
        report,
        root,
        printed,
        format: values.format,
        passed,
        ...(minScore !== undefined ? { minScore } : {}),
        writeFiles: !values['no-report'],
        submissionDir: (id) => submission ?? join(root, 'exercises', id, 'submission'),
        reproduce: ['npx kubegrade grade', ...positionals, ...(seed !== undefined ? ['--seed', String(seed)] : []), ...(minScore !== undefined ? ['--min-score', String(minScore)] : [])].join(' '),
      },
      io,
    );
  } else {
    io.stdout(printed);
  }
  return passed ? 0 : 1;
}

/** Parses a non-negative score option (decimals allowed), naming the option in the error. */
function scoreOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(value)) throw new CliError(`--${name} must be a number of points such as 60 or 72.5, got "${value}"`);
  return Number(value);
}

/** Writes reports/index.html and reports/result.json atomically (temp file, then rename). */
export function writeReports(dir: string, report: GradeReport): void {
  mkdirSync(dir, { recursive: true });
  for (const reporter of [htmlReporter, jsonReporter]) {
    const target = join(dir, reporter.fileName);
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, reporter.render(report));
    renameSync(tmp, target);
  }
}
