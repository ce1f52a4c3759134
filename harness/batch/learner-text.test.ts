import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowOf } from './aggregate.ts';
import { learnerTexts } from './learner-text.ts';
import type { LearnerFile } from './types.ts';

/** result.json as plain JSON.stringify writes it, with the fixed key order. */
const reference = (f: LearnerFile) =>
  `${JSON.stringify({ schemaVersion: 1, learner: f.learner, status: f.status, ...(f.error !== undefined ? { error: f.error } : {}), key: f.key, fingerprint: f.fingerprint, ...(f.report ? { report: f.report } : {}) }, null, 2)}\n`;

describe('learnerTexts', () => {
  it('equals JSON.stringify for result.json and the results.json row, whatever the report holds', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    const file = fc.record(
      {
        schemaVersion: fc.constant(1 as const),
        learner: fc.string(),
        status: fc.constantFrom('graded' as const, 'error' as const),
        error: fc.string(),
        key: fc.string(),
        fingerprint: fc.array(fc.string(), { maxLength: 4 }),
        report: fc.record({ schemaVersion: fc.constant(1), score: fc.double(), extra: json, exercises: fc.array(json, { maxLength: 3 }) }),
      },
      { requiredKeys: ['schemaVersion', 'learner', 'status', 'key', 'fingerprint'] },
    );
    fc.assert(
      fc.property(file, (f) => {
        const texts = learnerTexts(f as unknown as LearnerFile);
        expect(texts.resultJson).toBe(reference(f as unknown as LearnerFile));
        expect(texts.row).toBe(JSON.stringify(rowOf(f as unknown as LearnerFile), null, 2));
      }),
      { numRuns: 300 },
    );
  });
});
