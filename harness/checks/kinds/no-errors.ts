import type { CheckKind } from '../types.ts';

export interface NoErrorsParams {
  /** Also fail on warnings. Default false. */
  warnings?: boolean;
}

/** Nothing in the submission was rejected: no error diagnostics from loading, validation or apply. */
export const noErrorsCheck: CheckKind<NoErrorsParams> = {
  name: 'noErrors',
  description: 'no error diagnostics from loading, validation or apply (with warnings: true, no warnings either)',
  schema: { type: 'object', additionalProperties: false, properties: { warnings: { type: 'boolean' } } },
  run(params, ctx) {
    const bad = ctx.diagnostics.filter((i) => i.severity === 'error' || (params.warnings === true && i.severity === 'warning'));
    if (bad.length === 0) return { status: 'passed' };
    const first = bad[0]!;
    const more = bad.length > 1 ? ` (and ${bad.length - 1} more)` : '';
    return {
      status: 'failed',
      message: `${first.message}${more}`,
      ...(first.file && first.line ? { location: { file: first.file, line: first.line, column: first.column ?? 1 } } : {}),
      ...(first.hint ? { hint: first.hint } : {}),
    };
  },
};
