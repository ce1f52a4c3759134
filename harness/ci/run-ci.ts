import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, sep } from 'node:path';
import type { ExerciseResult, GradeReport } from '../core/result.ts';
import { getReporter } from '../report/index.ts';
import { ANNOTATION_LIMITS, annotationCommand, collectAnnotations, selectAnnotations } from './annotations.ts';
import { classroomResult, encodeClassroomResult } from './classroom.ts';
import { classroom50Result } from './classroom50.ts';
import { renderStepSummary } from './step-summary.ts';
import { newStopToken, quarantine, workflowCommand } from './workflow-command.ts';

/** Environment variable naming a file that lists (NUL- or newline-separated) the files a pull request changed outside the submissions. */
export const CHANGED_OUTSIDE_ENV = 'KUBEGRADE_CHANGED_OUTSIDE';

export interface CiOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
}

export interface CiRunOptions {
  report: GradeReport;
  /** The course root (reports/ is written there). */
  root: string;
  /** What the CLI would print without --ci (text or JSON). */
  printed: string;
  format: 'text' | 'json';
  /** Whether the run passed (decides the exit code and the Classroom status). */
  passed: boolean;
  minScore?: number;
  /** Write reports/junit.xml and the Classroom files (false with --no-report). */
  writeFiles: boolean;
  /** Absolute submission folder of an exercise. */
  submissionDir(exerciseId: string): string;
  /** The command that reproduces this run. */
  reproduce: string;
  /** Token for ::stop-commands:: (default: a fresh random one). */
  stopToken?: string;
}

/** Returns true when CI output is wanted: `--ci`, or GITHUB_ACTIONS=true unless `--no-ci`. */
export function ciEnabled(flags: { ci?: boolean; noCi?: boolean }, env: Record<string, string | undefined>): boolean {
  if (flags.noCi) return false;
  return Boolean(flags.ci) || env.GITHUB_ACTIONS === 'true';
}

/** Prints the run for GitHub Actions (quarantined log, ranked annotations) and writes the step summary, outputs and CI files. */
export function runCi(o: CiRunOptions, out: CiOutput): void {
  const repoRoot = repositoryRoot(o.root, out.env.GITHUB_WORKSPACE);
  const repoPath = (e: Pick<ExerciseResult, 'id'>, file: string) => toPosix(relative(repoRoot, join(o.submissionDir(e.id), file)));
  const changed = readChangedOutside(out.env[CHANGED_OUTSIDE_ENV]);

  // Learner text reaches the log only inside a stop-commands block, so none of it can act as a command.
  if (o.format === 'text') out.stdout(quarantine(o.printed, o.stopToken ?? newStopToken()));
  else out.stdout(o.printed);
  const emit = o.format === 'text' ? out.stdout : out.stderr;

  const limits = { error: ANNOTATION_LIMITS.error, warning: ANNOTATION_LIMITS.warning - (changed.length > 0 ? 1 : 0) };
  const selection = selectAnnotations(collectAnnotations(o.report, { repoRoot, submissionDir: o.submissionDir }), limits);
  const lines = selection.shown.map(annotationCommand);
  if (changed.length > 0) {
    lines.push(workflowCommand('warning', [['title', 'Changes outside the submission folders']], `${changed.length} file(s) changed outside exercises/*/submission/ were ignored: the grade used the base branch versions (listed in the step summary).`));
  }
  const more = selection.omitted.error + selection.omitted.warning;
  if (more > 0) lines.push(workflowCommand('notice', [['title', 'More findings']], `${more} more finding(s) are not shown as annotations (GitHub shows at most 10 errors and 10 warnings per step); see the step summary.`));
  if (lines.length > 0) emit(`${lines.join('\n')}\n`);

  const summaryFile = out.env.GITHUB_STEP_SUMMARY;
  if (summaryFile) {
    appendFileSync(summaryFile, renderStepSummary(o.report, { passed: o.passed, ...(o.minScore !== undefined ? { minScore: o.minScore } : {}), annotations: selection, changedOutside: changed, repoPath, reproduce: o.reproduce }));
  }
  const classroom = encodeClassroomResult(classroomResult(o.report, o.passed, repoPath));
  const outputFile = out.env.GITHUB_OUTPUT;
  if (outputFile) appendFileSync(outputFile, `result=${classroom}\nscore=${o.report.score}\nmax-score=${o.report.maxScore}\npassed=${o.passed}\n`);
  if (o.writeFiles) {
    const dir = join(o.root, 'reports');
    atomicWrite(join(dir, getReporter('junit').fileName), getReporter('junit').render(o.report));
    atomicWrite(join(dir, 'classroom-result.b64'), `${classroom}\n`);
    atomicWrite(join(dir, 'classroom50', 'result.json'), `${JSON.stringify(classroom50Result(o.report, o.passed), null, 2)}\n`);
    if (changed.length > 0) atomicWrite(join(dir, 'changed-outside-submission.txt'), `${changed.join('\n')}\n`);
  }
}

/** Returns the folder annotation paths are relative to: GITHUB_WORKSPACE when the course lies inside it, else the course root. */
export function repositoryRoot(courseRoot: string, workspace: string | undefined): string {
  const rel = workspace ? relative(workspace, courseRoot) : '..';
  if (workspace && !rel.startsWith('..') && !isAbsolute(rel)) return workspace;
  return courseRoot;
}

/** Reads the changed-outside list (NUL- or newline-separated), sorted and without blanks; missing file → empty. */
export function readChangedOutside(file: string | undefined): string[] {
  if (!file || !existsSync(file)) return [];
  return [...new Set(readFileSync(file, 'utf8').split(/[\0\n]/).filter((f) => f !== ''))].sort();
}

function atomicWrite(target: string, text: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, target);
}

function toPosix(p: string): string {
  return p.split(sep).join(posix.sep);
}
