import type { GradeReport } from '../core/result.ts';
import { canonicalReport } from './json.ts';
import { compileTemplate, createTemplates, safeHref, styleSheet } from './templates.ts';

/** One learner's graded report and where their HTML report lives (relative to the gradebook). */
export interface GradebookEntry {
  learner: string;
  report: GradeReport;
  reportHref: string;
}

const template = compileTemplate(createTemplates(), 'gradebook.hbs');
const css = styleSheet();
const BINS = 10;
const CHART_W = 720;

/** Renders the instructor's gradebook: learners × exercises, per-check pass rates and a histogram of totals. */
export function renderGradebook(entries: GradebookEntry[]): string {
  const rows = entries
    .filter((e) => e && typeof e === 'object' && e.report && Array.isArray(e.report.exercises))
    .map((e) => ({ learner: String(e.learner), href: safeHref(e.reportHref), report: canonicalReport(e.report) }))
    // Sorted by name so the gradebook does not depend on the order folders were read in.
    .sort((a, b) => (a.learner < b.learner ? -1 : a.learner > b.learner ? 1 : 0));

  const exercises: { id: string; title: string }[] = [];
  const checks: { key: string; exercise: string; title: string; passed: number; total: number }[] = [];
  for (const row of rows) {
    for (const ex of row.report.exercises) {
      if (!exercises.some((x) => x.id === ex.id)) exercises.push({ id: ex.id, title: ex.title });
      for (const c of ex.checks) {
        const key = `${ex.id}/${c.id}`;
        let stat = checks.find((s) => s.key === key);
        if (!stat) checks.push((stat = { key, exercise: ex.id, title: c.title, passed: 0, total: 0 }));
        stat.total++;
        if (c.status === 'passed') stat.passed++;
      }
    }
  }
  exercises.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // By exercise; within one, in the order the checks first appeared (the exercise's own order).
  const firstSeen = new Map(checks.map((c, i) => [c.key, i]));
  checks.sort((a, b) => (a.exercise < b.exercise ? -1 : a.exercise > b.exercise ? 1 : firstSeen.get(a.key)! - firstSeen.get(b.key)!));

  const learners = rows.map((row) => ({
    learner: row.learner,
    href: row.href,
    score: row.report.score,
    maxScore: row.report.maxScore,
    percent: pct(row.report.score, row.report.maxScore),
    cells: exercises.map((x) => {
      const ex = row.report.exercises.find((e) => e.id === x.id);
      return ex
        ? { present: true, score: ex.score, maxScore: ex.maxScore, status: ex.status, mark: ex.status === 'passed' ? '✔' : ex.status === 'error' ? '!' : '✖' }
        : { present: false };
    }),
  }));

  const barH = 22;
  const labelW = 380;
  const passRates = {
    width: CHART_W,
    height: checks.length * barH + 10,
    bars: checks.map((c, i) => {
      const rate = c.total ? c.passed / c.total : 0;
      return {
        y: 5 + i * barH,
        ty: 5 + i * barH + 15,
        labelW: labelW - 8,
        x: labelW,
        w: Math.round(rate * (CHART_W - labelW - 90)),
        full: CHART_W - labelW - 90,
        tx: CHART_W - 84,
        label: clip(`${c.exercise} · ${c.title}`, 56),
        name: `${c.exercise}: ${c.title}`,
        percent: Math.round(rate * 100),
        passed: c.passed,
        total: c.total,
        tone: rate >= 0.8 ? '' : rate >= 0.5 ? 'partial' : 'low',
      };
    }),
  };

  const counts = new Array<number>(BINS).fill(0);
  for (const l of learners) counts[Math.min(BINS - 1, Math.floor(l.percent / (100 / BINS)))]!++;
  const top = Math.max(1, ...counts);
  const colW = (CHART_W - 40) / BINS;
  const histogram = {
    width: CHART_W,
    height: 220,
    columns: counts.map((n, i) => {
      const h = Math.round((n / top) * 160);
      return { x: 30 + i * colW + 4, w: colW - 8, y: 180 - h, h, n, ny: 180 - h - 4, cx: 30 + i * colW + colW / 2, range: `${i * 10}–${i === BINS - 1 ? 100 : i * 10 + 9}%`, count: n };
    }),
    description: counts.map((n, i) => `${i * 10}–${i === BINS - 1 ? 100 : i * 10 + 9}%: ${n}`).join(', '),
  };

  const totals = learners.map((l) => l.percent).sort((a, b) => a - b);
  return template({
    css,
    learnerCount: learners.length,
    oneLearner: learners.length === 1,
    median: totals.length ? (totals.length % 2 ? totals[(totals.length - 1) / 2]! : Math.round((totals[totals.length / 2 - 1]! + totals[totals.length / 2]!) / 2)) : 0,
    exercises,
    learners,
    passRates,
    histogram,
  });
}

function pct(score: number, max: number): number {
  return max > 0 ? Math.max(0, Math.min(100, Math.round((score / max) * 100))) : 0;
}

function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}
