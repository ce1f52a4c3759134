import type { LearnerFile } from './types.ts';

/** A learner's result.json text and their row of results.json, serialised together. */
export interface LearnerTexts {
  /** `<out>/<learner>/result.json`: `JSON.stringify(file, null, 2)` with a fixed key order, and a final newline. */
  resultJson: string;
  /** `JSON.stringify(row, null, 2)` of the learner's results.json row (learner, status, error?, report?). */
  row: string;
}

/**
 * Serialises a learner file and its results.json row from one stringification of the report (the bulk of both):
 * a value nested at depth d in pretty-printed JSON is its own pretty-printed text with 2·d more spaces after each newline.
 */
export function learnerTexts(f: LearnerFile): LearnerTexts {
  const report = f.report ? JSON.stringify(f.report, null, 2).replace(/\n/g, '\n  ') : undefined;
  const head = `{\n  "learner": ${JSON.stringify(f.learner)},\n  "status": ${JSON.stringify(f.status)}${f.error !== undefined ? `,\n  "error": ${JSON.stringify(f.error)}` : ''}`;
  const tail = report !== undefined ? `,\n  "report": ${report}\n}` : '\n}';
  const fingerprint = JSON.stringify(f.fingerprint, null, 2).replace(/\n/g, '\n  ');
  const resultJson = `{\n  "schemaVersion": 1,\n${head.slice(2)},\n  "key": ${JSON.stringify(f.key)},\n  "fingerprint": ${fingerprint}${tail}\n`;
  return { resultJson, row: `${head}${tail}` };
}
