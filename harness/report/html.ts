import type { GradeReport } from '../core/result.ts';
import type { Reporter } from './types.ts';
import { reportView } from './html-view.ts';
import { canonicalReport } from './json.ts';
import { compileTemplate, createTemplates, styleSheet } from './templates.ts';

const template = compileTemplate(createTemplates(), 'report.hbs');
const css = styleSheet();

/** Renders the learner's HTML report: self-contained, no scripts, every learner string escaped. */
export function renderHtml(report: GradeReport): string {
  return template({ css, ...reportView(canonicalReport(report)) });
}

export const htmlReporter: Reporter = {
  name: 'html',
  description: 'a self-contained HTML report (no scripts, opens offline)',
  fileName: 'index.html',
  render: renderHtml,
};
