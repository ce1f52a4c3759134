import type { ScoreChange } from './compare.ts';
import type { SimilarPair } from './similarity.ts';
import type { ScoreTable } from './table.ts';

export interface GradebookView {
  table: ScoreTable;
  pairs: readonly SimilarPair[];
  /** Present when the run compared against a previous results.json. */
  changes?: readonly ScoreChange[];
}

/** Renders the instructor's gradebook page (index.html): scores, learners who could not be graded, score changes, similarity flags. */
export function renderGradebookHtml(v: GradebookView): string {
  const t = v.table;
  const head = ['learner', ...t.exercises.map((e) => `${e.id} (${e.maxScore})`), 'total', 'max'].map((h) => `<th>${esc(h)}</th>`).join('');
  const rows = t.rows
    .map((r) => {
      const link = `<a href="${esc(encodeURIComponent(r.learner))}/report.html">${esc(r.learner)}</a>`;
      const cells = r.scores.map((s) => `<td class="num">${s ?? ''}</td>`).join('');
      return `<tr class="${r.status}"><td>${link}</td>${cells}<td class="num">${r.total ?? ''}</td><td class="num">${r.max}</td></tr>`;
    })
    .join('\n');
  const errors = t.rows.filter((r) => r.status === 'error');
  const parts = [
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>kubegrade gradebook</title>`,
    `<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem}.num{text-align:right}tr.error{background:#fee}</style></head><body>`,
    `<h1>Gradebook</h1>`,
    `<p>${t.rows.length} learners, ${errors.length} could not be graded.</p>`,
    `<table><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table>`,
  ];
  if (errors.length > 0) parts.push(`<h2>Could not be graded</h2><ul>${errors.map((r) => `<li>${esc(r.learner)}: ${esc(r.error ?? '')}</li>`).join('')}</ul>`);
  if (v.changes) {
    parts.push(`<h2>Score changes since the previous run</h2>`);
    parts.push(
      v.changes.length === 0
        ? '<p>No score changed.</p>'
        : `<ul>${v.changes
            .map((c) => `<li>${esc(c.learner)}: ${c.before ?? '—'} → ${c.after ?? '—'}<ul>${c.flipped.map((f) => `<li>${esc(f.exercise)} ${esc(f.check)}: ${f.before} → ${f.after}</li>`).join('')}</ul></li>`)
            .join('')}</ul>`,
    );
  }
  parts.push(`<h2>Similar submissions</h2><p>A flag for a human to look at, never a verdict: correct answers to small exercises are often alike.</p>`);
  parts.push(
    v.pairs.length === 0
      ? '<p>No pairs above the threshold.</p>'
      : `<table><thead><tr><th>learner</th><th>learner</th><th>similarity</th><th>identical</th></tr></thead><tbody>${v.pairs
          .map((p) => `<tr><td>${esc(p.a)}</td><td>${esc(p.b)}</td><td class="num">${p.similarity}</td><td>${p.identical ? 'yes' : 'no'}</td></tr>`)
          .join('')}</tbody></table>`,
  );
  parts.push('</body></html>\n');
  return parts.join('\n');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
