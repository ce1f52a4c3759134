import type { CheckResult, ClusterView, CommandTranscript, ExerciseResult, GradeReport } from '../core/result.ts';
import { layoutCluster, podTone } from './cluster-picture.ts';

const statusText: Record<string, string> = { passed: 'passed', failed: 'failed', error: 'could not be graded', errored: 'error in kubegrade', skipped: 'skipped' };
const marks: Record<string, string> = { passed: '✔', failed: '✖', errored: '!', skipped: '–', error: '!' };
const FIX_FIRST = 5;

/** Builds the data the HTML report template renders, from a canonical report. */
export function reportView(r: GradeReport) {
  const exercises = r.exercises.map((e, i) => exerciseView(e, `e${i + 1}`));
  const fixFirst = exercises
    .flatMap((e) => e.checks.filter((c) => c.status !== 'passed').map((c) => ({ ...c, exerciseId: e.id })))
    .map((c, order) => ({ c, order }))
    // Most points first; ties keep report order so the list is stable.
    .sort((a, b) => b.c.maxPoints - a.c.maxPoints || a.order - b.order)
    .slice(0, FIX_FIRST)
    .map(({ c }) => ({ ...c, oneMax: c.maxPoints === 1 }));
  return {
    score: r.score,
    maxScore: r.maxScore,
    percent: percent(r.score, r.maxScore),
    allPassed: r.exercises.length > 0 && r.exercises.every((e) => e.status === 'passed'),
    fixFirst,
    exercises,
  };
}

function exerciseView(e: ExerciseResult, key: string) {
  const files = Array.isArray(e.files) ? e.files : [];
  const fileIndex = new Map(files.map((f, i) => [String(f.path), i]));
  const anchor = (file: string | undefined, line: number | undefined) => {
    const i = file === undefined ? undefined : fileIndex.get(file);
    return i === undefined || !line ? undefined : `${key}-f${i}-L${line}`;
  };
  const notes = new Map<string, Map<number, { text: string; tone: string }[]>>();
  const note = (file: string | undefined, line: number | undefined, text: string, tone: string) => {
    if (!file || !line) return;
    const perFile = notes.get(file) ?? new Map<number, { text: string; tone: string }[]>();
    notes.set(file, perFile);
    perFile.set(line, [...(perFile.get(line) ?? []), { text, tone }]);
  };
  const checks = e.checks.map((c, i) => checkView(c, `${key}-c${i + 1}`, anchor));
  for (const c of e.checks) if (c.status !== 'passed' && c.location) note(c.location.file, c.location.line, `${c.title}: ${c.message ?? ''}`, 'bad');
  for (const d of e.diagnostics) if (d.severity !== 'info') note(d.file, d.line, d.message, d.severity === 'error' ? 'bad' : 'warn');
  const passed = e.checks.filter((c) => c.status === 'passed').length;
  return {
    key,
    id: e.id,
    title: e.title,
    score: e.score,
    maxScore: e.maxScore,
    status: e.status,
    mark: marks[e.status] ?? '',
    statusText: statusText[e.status] ?? e.status,
    percent: percent(e.score, e.maxScore),
    full: e.score >= e.maxScore,
    passedCount: passed,
    checkCount: e.checks.length,
    seed: e.seed,
    reproduce: e.reproduce,
    diagnostics: e.diagnostics.map((d) => ({
      ...d,
      tone: d.severity === 'error' ? 'bad' : d.severity === 'warning' ? 'warn' : 'muted',
      mark: d.severity === 'error' ? '✖' : d.severity === 'warning' ? '⚠' : 'ℹ',
      where: d.file ? `${d.file}${d.line ? `:${d.line}:${d.column ?? 1}` : ''}` : undefined,
      href: anchor(d.file, d.line),
    })),
    checks,
    files: files.map((f, fi) => ({
      path: f.path,
      hasNotes: notes.has(f.path),
      lines: String(f.text).split(/\r?\n/).map((text, i) => {
        const n = notes.get(f.path)?.get(i + 1) ?? [];
        return { n: i + 1, id: `${key}-f${fi}-L${i + 1}`, text, hit: n.length > 0, notes: n };
      }),
    })),
    cluster: e.cluster ? clusterView(e.cluster, key) : undefined,
    commands: (Array.isArray(e.commands) ? e.commands : []).map(commandView),
  };
}

function checkView(c: CheckResult, id: string, anchor: (file: string | undefined, line: number | undefined) => string | undefined) {
  const trace = Array.isArray(c.trace) ? c.trace.map(String) : [];
  return {
    ...c,
    anchorId: id,
    mark: marks[c.status] ?? '',
    statusText: statusText[c.status] ?? c.status,
    hidden: c.visibility === 'hidden',
    where: c.location ? `${c.location.file}:${c.location.line}:${c.location.column}` : undefined,
    href: c.location ? anchor(c.location.file, c.location.line) : undefined,
    hops: trace.map((text, i) => ({ text, last: c.status !== 'passed' && i === trace.length - 1 })),
    scenario: c.counterexample && typeof c.counterexample === 'object'
      ? { seed: c.counterexample.seed, path: c.counterexample.path, steps: Array.isArray(c.counterexample.steps) ? c.counterexample.steps.map(String) : [] }
      : undefined,
  };
}

function clusterView(c: ClusterView, key: string) {
  const snapshot = c.snapshot;
  const events = Array.isArray(snapshot?.events)
    ? snapshot.events.filter(isRecord).map((ev) => ({ ...ev, warning: ev.type === 'Warning', repeated: ev.count > 1 }))
    : [];
  const describes = (Array.isArray(c.describes) ? c.describes.filter(isRecord) : []).map((d) => {
    const pod = Array.isArray(snapshot?.pods) ? snapshot.pods.find((p) => isRecord(p) && p.name === d.name) : undefined;
    return { ...d, summary: pod ? `${pod.status}, ${pod.ready} ready` : 'not Running and Ready', tone: pod ? podTone(pod.status, pod.ready) : 'bad' };
  });
  return {
    settled: c.settled,
    time: c.time,
    pods: c.pods,
    nodes: c.nodes,
    services: c.services,
    eventsText: c.events,
    events,
    warningCount: events.filter((e) => e.warning).length,
    oneWarning: events.filter((e) => e.warning).length === 1,
    describes,
    picture: snapshot ? layoutCluster(snapshot, key) : undefined,
  };
}

function commandView(c: CommandTranscript) {
  return { ...c, failed: c.exitCode !== 0 };
}

function percent(score: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(100, Math.round((score / max) * 100))) : 0;
}

function isRecord<T>(v: T): v is T & object {
  return typeof v === 'object' && v !== null;
}
