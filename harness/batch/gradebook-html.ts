import type { ScoreChange } from './compare.ts';
import { renderGradebook, type GradebookEntry } from '../report/gradebook.ts';
import type { SimilarPair } from './similarity.ts';
import type { ScoreTable } from './table.ts';

export interface GradebookView {
  table: ScoreTable;
  pairs: readonly SimilarPair[];
  /** Present when the run compared against a previous results.json. */
  changes?: readonly ScoreChange[];
}

/**
 * Renders the instructor's gradebook page (index.html): the report's gradebook (learners × exercises,
 * per-check pass rates, histogram) plus what only a batch knows: learners who could not be graded,
 * score changes since a previous run, and similarity flags.
 */
export function renderBatchGradebook(v: GradebookView, entries: GradebookEntry[]): string {
  const page = renderGradebook(entries);
  const sections = batchSections(v);
  const at = page.lastIndexOf('</main>');
  return at >= 0 ? `${page.slice(0, at)}<section aria-label="batch">\n${sections}\n</section>\n${page.slice(at)}` : page + sections;
}

/** The batch-only parts of the gradebook, as HTML (every learner string escaped). */
export function batchSections(v: GradebookView): string {
  const t = v.table;
  const parts: string[] = [];
  const errors = t.rows.filter((r) => r.status === 'error');
  parts.push(`<h2>Learners</h2><p>${t.rows.length} learners, ${errors.length} could not be graded.</p>`);
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
  return parts.join('\n');
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
