import { readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { defineMessages, sortIssues, type Issue } from '../core/issue.ts';
import type { KubeObject } from '../core/kube.ts';
import type { CheckResult, CommandTranscript, DiagnosticResult, ExerciseResult } from '../core/result.ts';
import { ConfigError } from '../core/config-file.ts';
import { createCluster, restoreCluster } from '../engine/index.ts';
import type { ClusterSnapshot, SimCluster } from '../engine/index.ts';
import type { Cluster, ImageCatalog, SettleResult } from '../engine/types.ts';
import { loadSubmission, parseManifestText } from '../load/index.ts';
import type { ManifestDocument } from '../load/types.ts';
import { fieldPathToPointer, validateDocuments } from '../validate/index.ts';
import { getCheckKind } from '../checks/registry.ts';
import type { CheckContext, CheckSpec } from '../checks/types.ts';
import { captureClusterView } from './cluster-view.ts';
import type { ExerciseSpec } from './exercise.ts';
import { defaultSeed } from './seed.ts';
import { createSourceIndex, refOf } from './source-index.ts';
import { runCommandScript } from '../script/run-script.ts';
import { kubectlErrorText } from './status-message.ts';
import { permute, propertyResult, runProperty } from '../properties/index.ts';
import { forkingSetup, snapshotOf, type SettledStart } from '../properties/setup.ts';
import type { ScenarioStart } from '../properties/types.ts';

const issue = defineMessages({
  'apply/rejected': {
    severity: 'error',
    message: (p: { text: string }) => p.text,
  },
  'grade/nothing-to-grade': {
    severity: 'error',
    message: (p: { accept: string }) => `the submission has nothing kubegrade could load (expected files matching ${p.accept})`,
    hint: () => 'Put your manifests in the exercise\'s submission/ folder and fix any errors reported above.',
  },
  'grade/not-settled': {
    severity: 'info',
    message: (p: { seconds: number }) => `the cluster was still changing after ${p.seconds}s of simulated time (for example a container in a restart loop); checks ran on its state at that moment`,
  },
  'harness/internal-error': {
    severity: 'error',
    message: (p: { message: string }) => `kubegrade failed while grading (a bug in kubegrade, not in your submission): ${p.message}`,
  },
});

export interface GradeOptions {
  images: ImageCatalog;
  /** Seed for the simulated cluster. Default: the exercise's fixed seed (from its id). */
  seed?: number;
  /** Hidden checks to run after the visible ones. */
  hiddenChecks?: readonly CheckSpec[];
  /** Include the submitted files' text in the result (for reports). Default true. */
  includeFiles?: boolean;
  /** Include kubectl views of the settled cluster (for reports). Default true. */
  includeCluster?: boolean;
  /** File names in the submission folder that are not the learner's (e.g. `mutant.yaml`); skipped silently. */
  exclude?: string[];
  /** Replays one fault scenario of the properties (`[property-id@]path`, as a counterexample prints it). */
  path?: string;
  /**
   * Start from forks of settled clusters instead of setting them up again (default true): the exercise's
   * given files are applied and settled once per seed, and each property scenario starts from the graded
   * cluster. Both ways give identical results (a test grades every solution and mutant both ways); false is
   * the reference.
   */
  forks?: boolean;
}

/** Grades one submission folder against one exercise and returns its canonical result. */
export function gradeExercise(spec: ExerciseSpec, submissionDir: string, options: GradeOptions): ExerciseResult {
  const seed = options.seed ?? defaultSeed(spec.id);
  const checks = [...spec.checks, ...(options.hiddenChecks ?? [])];
  const reproduce = `npx kubegrade grade ${spec.id} --seed ${seed}`;
  try {
    const reads: Reads = {};
    const run = runSubmission(spec, submissionDir, options, seed, 0, reads);
    // Saved before any check runs: checks may move the cluster's random streams (a request picks an endpoint).
    const settled = (spec.properties?.length ?? 0) > 0 && !run.nothingLoaded && options.forks !== false ? snapshotOf(scenarioStart(run, options)) : undefined;
    const ctx: CheckContext = { cluster: run.cluster, settle: run.settle, diagnostics: run.diagnostics, sources: run.sources, images: options.images };
    const results = run.nothingLoaded ? checks.map((c) => notGraded(c, run.diagnostics)) : checks.map((c) => runCheck(c, ctx));
    results.push(...runProperties(spec, submissionDir, options, seed, run, reads, settled));
    const score = round(results.reduce((n, r) => n + r.points, 0));
    const maxScore = results.reduce((n, r) => n + r.maxPoints, 0);
    const status = run.nothingLoaded ? 'error' : score === maxScore ? 'passed' : 'failed';
    const result: ExerciseResult = {
      id: spec.id,
      title: spec.title,
      score,
      maxScore,
      status,
      seed,
      checks: results,
      diagnostics: run.diagnostics.map(toDiagnostic),
    };
    if (run.commands.length > 0) result.commands = run.commands;
    if (options.includeFiles !== false) result.files = run.files;
    if (options.includeCluster !== false) result.cluster = captureClusterView(run.cluster, run.settle);
    result.reproduce = reproduce;
    return result;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const message = e instanceof Error ? e.message : String(e);
    return {
      id: spec.id,
      title: spec.title,
      score: 0,
      maxScore: [...checks, ...(spec.properties ?? [])].reduce((n, c) => n + c.points, 0),
      status: 'error',
      seed,
      checks: [...checks, ...(spec.properties ?? [])].map((c) => ({ ...checkHead(c), status: 'errored', points: 0, message: 'not graded: kubegrade failed (see the diagnostics)' })),
      diagnostics: [toDiagnostic(issue('harness/internal-error', { message }))],
      reproduce,
    };
  }
}

interface SubmissionRun {
  commands: CommandTranscript[];
  cluster: Cluster;
  settle: SettleResult;
  diagnostics: Issue[];
  sources: ReturnType<typeof createSourceIndex>;
  files: { path: string; text: string }[];
  nothingLoaded: boolean;
  /** Virtual milliseconds when the submission was applied. */
  appliedAt: number;
}

/**
 * What a submission run reads from disk and validates. It is the same for every run of one grading
 * (the graded cluster and each property scenario's), so the first run fills it and the others reuse it.
 */
interface Reads {
  given?: { shown: string; object: KubeObject }[];
  submission?: { loaded: ReturnType<typeof loadSubmission>; validation: ReturnType<typeof validateDocuments> };
  files?: { path: string; text: string }[];
}

function runSubmission(spec: ExerciseSpec, submissionDir: string, options: GradeOptions, seed: number, order: number, reads: Reads): SubmissionRun {
  const cluster = givenCluster(spec, options, seed, reads);

  const appliedAt = cluster.now;
  reads.submission ??= (() => {
    const loaded = loadSubmission(submissionDir, { accept: spec.submission.accept, exclude: options.exclude ?? [] });
    return { loaded, validation: validateDocuments(loaded.documents) };
  })();
  const { loaded, validation } = reads.submission;
  const diagnostics: Issue[] = [...loaded.issues, ...validation.issues];
  const accepted = new Set<ManifestDocument>();
  const commands: CommandTranscript[] = [];
  if (loaded.scripts.length > 0) {
    // With a commands.sh, the script is the learner's entry point: manifests reach the cluster only
    // through its `kubectl apply/create -f` lines, exactly as when the learner types them.
    const valid = new Set(validation.resources.map((r) => r.doc));
    for (const script of loaded.scripts) {
      const run = runCommandScript(script.file, script.text, {
        cluster,
        readManifests: (path) => readSubmissionPath(path, loaded.documents, valid),
        settle: () => void cluster.runUntilSettled({ horizonSeconds: COMMAND_GAP_SECONDS }),
      });
      diagnostics.push(...run.issues);
      commands.push(...run.commands.map((c) => ({ file: c.file, line: c.line, command: ['kubectl', ...c.argv].join(' '), stdout: c.stdout, stderr: c.stderr, exitCode: c.exitCode })));
    }
    for (const { object, doc } of validation.resources) if (cluster.get(refOf(object))) accepted.add(doc);
  } else {
    for (const { object, doc } of permute(validation.resources, order)) {
      const res = cluster.apply(object);
      if (res.ok) accepted.add(doc);
      else if (res.error) {
        const cause = res.error.details?.causes?.find((c) => c.field);
        const at = cause ? doc.positionOf(fieldPathToPointer(cause.field)) : doc.start;
        diagnostics.push(issue('apply/rejected', { text: kubectlErrorText(res.error, doc.file) }, { position: at, ...(cause ? { field: cause.field } : {}) }));
      }
    }
  }
  const nothingLoaded = loaded.documents.length === 0 && loaded.scripts.length === 0;
  if (nothingLoaded) diagnostics.push(issue('grade/nothing-to-grade', { accept: spec.submission.accept.join(', ') }));
  const settle = cluster.runUntilSettled({ horizonSeconds: spec.cluster.settleSeconds });
  if (!settle.settled) diagnostics.push(issue('grade/not-settled', { seconds: spec.cluster.settleSeconds }));

  const files = (reads.files ??= loaded.files
    .filter((f) => f.role === 'manifest' || f.role === 'script')
    .map((f) => ({ path: f.path, text: readText(join(loaded.root, f.path)) })));
  return { cluster, settle, diagnostics: sortIssues(diagnostics), sources: createSourceIndex(loaded.documents, accepted), files, commands, nothingLoaded, appliedAt };
}

/**
 * Settled clusters with only the exercise's given files, by exercise, image catalog and seed: the same for
 * every submission, so a batch sets each up once and every learner's run starts from a fork of it.
 */
const givenSnapshots = new WeakMap<ExerciseSpec, WeakMap<ImageCatalog, Map<number, ClusterSnapshot>>>();

/** Builds a cluster with the exercise's given files applied and settled (or a fork of the one built before). */
function givenCluster(spec: ExerciseSpec, options: GradeOptions, seed: number, reads: Reads): SimCluster {
  let bySeed = givenSnapshots.get(spec)?.get(options.images);
  const saved = options.forks === false ? undefined : bySeed?.get(seed);
  if (saved) return restoreCluster(saved);
  const cluster = createCluster({
    nodes: spec.cluster.nodes,
    images: options.images,
    seed,
    ...(spec.cluster.loadBalancerPool ? { loadBalancerPool: spec.cluster.loadBalancerPool } : {}),
    ...(spec.cluster.externalHosts ? { externalHosts: spec.cluster.externalHosts } : {}),
  });
  applyGiven((reads.given ??= readGiven(spec)), cluster);
  cluster.runUntilSettled({ horizonSeconds: spec.cluster.settleSeconds });
  if (options.forks !== false) {
    if (!bySeed) {
      let byImages = givenSnapshots.get(spec);
      if (!byImages) givenSnapshots.set(spec, (byImages = new WeakMap()));
      byImages.set(options.images, (bySeed = new Map()));
    }
    bySeed.set(seed, cluster.snapshot());
  }
  return cluster;
}

/** Virtual seconds between two lines of a command script (a person types the next one a little later). */
const COMMAND_GAP_SECONDS = 60;

/**
 * Serves a script's `-f PATH` from the already loaded submission (so every file went through the safe
 * loader), refusing paths that leave the folder. Documents the validator rejected are left out: their
 * errors are already diagnostics at their own lines.
 */
function readSubmissionPath(path: string, docs: readonly ManifestDocument[], valid: ReadonlySet<ManifestDocument>): { documents: ManifestDocument[]; issues: Issue[] } | { error: string } {
  const rel = posix.normalize(path.replace(/\\/g, '/')).replace(/^\.\//, '').replace(/\/$/, '');
  if (rel.startsWith('..') || posix.isAbsolute(rel)) return { error: `error: the path "${path}" is outside the submission folder` };
  const inFolder = (file: string) => rel === '.' || file === rel || file.startsWith(`${rel}/`);
  const matching = docs.filter((d) => inFolder(d.file));
  if (matching.length === 0) return { error: `error: the path "${path}" does not exist` };
  return { documents: matching.filter((d) => valid.has(d)), issues: [] };
}

/** Reads and validates the exercise's given files (an error in them is the author's: a ConfigError). */
function readGiven(spec: ExerciseSpec): { shown: string; object: KubeObject }[] {
  return spec.cluster.given.flatMap((rel) => {
    const shown = `exercises/${spec.id}/${rel}`;
    const parsed = parseManifestText(shown, readFileSync(join(spec.dir, rel), 'utf8'));
    const validation = validateDocuments(parsed.documents);
    const errors = [...parsed.issues, ...validation.issues].filter((i) => i.severity === 'error');
    if (errors.length > 0) throw new ConfigError(errors.map((e) => ({ message: e.message, ...(e.line ? { position: { file: shown, line: e.line, column: e.column ?? 1 } } : {}) })), shown);
    return validation.resources.map(({ object }) => ({ shown, object }));
  });
}

function applyGiven(given: readonly { shown: string; object: KubeObject }[], cluster: Cluster): void {
  for (const { shown, object } of given) {
    const res = cluster.apply(object);
    if (!res.ok) throw new ConfigError([{ message: res.error ? kubectlErrorText(res.error, shown) : 'rejected' }], shown);
  }
}

function runCheck(spec: CheckSpec, ctx: CheckContext): CheckResult {
  const head = checkHead(spec);
  try {
    const outcome = getCheckKind(spec.kind).run(spec.params, ctx);
    const fraction = outcome.status === 'passed' ? (outcome.fraction ?? 1) : (outcome.fraction ?? 0);
    const result: CheckResult = { ...head, status: outcome.status, points: round(spec.points * fraction), maxPoints: spec.points };
    if (outcome.status !== 'passed') {
      if (outcome.message !== undefined) result.message = outcome.message;
      const hint = outcome.hint ?? spec.hint;
      if (hint !== undefined) result.hint = hint;
      if (outcome.location) result.location = { file: outcome.location.file, line: outcome.location.line, column: outcome.location.column };
      if (outcome.trace?.length) result.trace = outcome.trace;
    }
    return result;
  } catch (e) {
    return { ...head, status: 'errored', points: 0, maxPoints: spec.points, message: `kubegrade failed to run this check (a bug in kubegrade): ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** A check of a submission with nothing loadable: not graded (no vacuous passes), pointing at the first error. */
function notGraded(spec: Pick<CheckSpec, 'id' | 'title' | 'points' | 'visibility'>, diagnostics: readonly Issue[]): CheckResult {
  const first = diagnostics.find((d) => d.severity === 'error' && d.file);
  const result: CheckResult = {
    ...checkHead(spec),
    status: 'skipped',
    message: `not graded: nothing in the submission could be loaded${first ? ` (${first.file}: ${first.message})` : ''}`,
  };
  if (first?.file && first.line) result.location = { file: first.file, line: first.line, column: first.column ?? 1 };
  return result;
}

function checkHead(spec: Pick<CheckSpec, 'id' | 'title' | 'points' | 'visibility'>): Pick<CheckResult, 'id' | 'title' | 'visibility'> & { points: number; maxPoints: number } {
  return { id: spec.id, title: spec.title, points: 0, maxPoints: spec.points, visibility: spec.visibility };
}

/** Runs the exercise's properties; every fault scenario starts from a cluster set up exactly like the graded one. */
function runProperties(spec: ExerciseSpec, submissionDir: string, options: GradeOptions, seed: number, run: SubmissionRun, reads: Reads, settled: SettledStart | undefined): CheckResult[] {
  const properties = spec.properties ?? [];
  if (run.nothingLoaded) return properties.map((p) => notGraded(p, run.diagnostics));
  const fresh = ({ order }: { order: number }): ScenarioStart => scenarioStart(runSubmission(spec, submissionDir, options, seed, order, reads), options);
  const setup = options.forks === false ? fresh : forkingSetup(fresh, settled ? new Map([[0, settled]]) : undefined);
  // A replay path names its property (`id@path`) when the exercise has several.
  const [pathId, path] = options.path?.includes('@') ? options.path.split('@', 2) : [undefined, options.path];
  return properties.map((p) => {
    if (pathId !== undefined && pathId !== p.id) return { ...checkHead(p), status: 'skipped', message: `not run: --path replays a scenario of "${pathId}"` };
    const prefix = properties.length > 1 ? `${p.id}@` : '';
    try {
      const outcome = runProperty(p, {
        seed,
        setup,
        settleSeconds: spec.cluster.settleSeconds,
        ...(path !== undefined ? { path } : {}),
        replay: (at) => `npx kubegrade grade ${spec.id} --seed ${seed} --path "${prefix}${at}"`,
      });
      return propertyResult(p, outcome);
    } catch (e) {
      return { ...checkHead(p), status: 'errored', message: `kubegrade failed to run this property (a bug in kubegrade): ${e instanceof Error ? e.message : String(e)}` };
    }
  });
}

function scenarioStart(r: SubmissionRun, options: GradeOptions): ScenarioStart {
  return { cluster: r.cluster, applied: r.files.map((f) => f.path), appliedAt: r.appliedAt, context: { diagnostics: r.diagnostics, sources: r.sources, images: options.images } };
}

function toDiagnostic(i: Issue): DiagnosticResult {
  const d: DiagnosticResult = { code: i.code, severity: i.severity, message: i.message };
  if (i.hint !== undefined) d.hint = i.hint;
  if (i.file !== undefined) d.file = i.file;
  if (i.line !== undefined) d.line = i.line;
  if (i.column !== undefined) d.column = i.column;
  return d;
}


function readText(path: string): string {
  try {
    return new TextDecoder('utf-8').decode(readFileSync(path));
  } catch {
    return '';
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

