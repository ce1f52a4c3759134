import { formatPosition, type Position } from '../core/position.ts';
import type { ObjectRef } from '../core/kube.ts';
import type { CheckContext, CheckOutcome } from './types.ts';

/** Explains why an expected object does not exist: rejected by validation, misnamed, or never written. */
export function missingObject(ref: ObjectRef, ctx: CheckContext): CheckOutcome {
  const label = `${ref.kind} "${ref.name}"`;
  const docs = ctx.sources.documents();
  const meta = (o: unknown) => (isRecord(o) && isRecord(o.metadata) ? o.metadata : {});
  const sameName = docs.find((d) => meta(d.object).name === ref.name);
  if (sameName && !sameName.accepted) {
    const err = ctx.diagnostics.find((i) => i.severity === 'error' && i.file === sameName.file);
    if (err) {
      return { status: 'failed', message: `${label} was not created: ${err.message}`, location: pos(err) ?? sameName.position };
    }
  }
  const sameKind = docs.filter((d) => isRecord(d.object) && d.object.kind === ref.kind && d.accepted);
  if (sameKind.length > 0) {
    const names = sameKind.map((d) => `"${String(meta(d.object).name)}"`).join(', ');
    const first = sameKind[0]!;
    return {
      status: 'failed',
      message: `there is no ${label}: the submission defines ${ref.kind} ${names} instead`,
      location: first.position,
      hint: `Check metadata.name: it must be exactly ${ref.name}.`,
    };
  }
  const fileErrors = ctx.diagnostics.filter((i) => i.severity === 'error');
  if (fileErrors.length > 0) {
    const e = fileErrors[0]!;
    const where = pos(e);
    return {
      status: 'failed',
      message: `${label} does not exist; the submission has ${fileErrors.length} error${fileErrors.length > 1 ? 's' : ''}, the first: ${e.message}${where ? ` (${formatPosition(where)})` : ''}`,
      location: where,
    };
  }
  return { status: 'failed', message: `${label} does not exist in namespace ${ref.namespace}` };
}

function pos(i: { file?: string; line?: number; column?: number }): Position | undefined {
  return i.file && i.line ? { file: i.file, line: i.line, column: i.column ?? 1 } : undefined;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
