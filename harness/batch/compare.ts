import type { CheckStatus } from '../core/result.ts';
import { compareText } from './layout.ts';
import type { LearnerRow } from './types.ts';

export interface FlippedCheck {
  exercise: string;
  check: string;
  before: CheckStatus | 'absent';
  after: CheckStatus | 'absent';
}

export interface ScoreChange {
  learner: string;
  /** Total before and after; undefined when that run could not grade the learner (or did not have them). */
  before?: number;
  after?: number;
  flipped: FlippedCheck[];
}

/** Lists every learner whose score changed since a previous results.json, with the checks whose status flipped. */
export function compareResults(previous: readonly LearnerRow[], current: readonly LearnerRow[]): ScoreChange[] {
  const before = new Map(previous.map((l) => [l.learner, l]));
  const after = new Map(current.map((l) => [l.learner, l]));
  const names = [...new Set([...before.keys(), ...after.keys()])].sort(compareText);
  const changes: ScoreChange[] = [];
  for (const name of names) {
    const b = before.get(name)?.report;
    const a = after.get(name)?.report;
    if (b?.score === a?.score && b !== undefined && a !== undefined) continue;
    if (b === undefined && a === undefined) continue;
    changes.push({ learner: name, ...(b ? { before: b.score } : {}), ...(a ? { after: a.score } : {}), flipped: flips(b, a) });
  }
  return changes;
}

function flips(b: LearnerRow['report'], a: LearnerRow['report']): FlippedCheck[] {
  const status = (r: LearnerRow['report']) => {
    const m = new Map<string, CheckStatus>();
    for (const e of r?.exercises ?? []) for (const c of e.checks) m.set(`${e.id}\0${c.id}`, c.status);
    return m;
  };
  const sb = status(b);
  const sa = status(a);
  const keys = [...new Set([...sb.keys(), ...sa.keys()])].sort(compareText);
  const out: FlippedCheck[] = [];
  for (const k of keys) {
    const x = sb.get(k) ?? 'absent';
    const y = sa.get(k) ?? 'absent';
    if (x === y) continue;
    const [exercise, check] = k.split('\0') as [string, string];
    out.push({ exercise, check, before: x, after: y });
  }
  return out;
}

/** Renders score changes as terminal lines. */
export function changeLines(changes: readonly ScoreChange[]): string[] {
  return changes.flatMap((c) => [
    `${c.learner}: ${c.before ?? '—'} → ${c.after ?? '—'}`,
    ...c.flipped.map((f) => `  ${f.exercise} ${f.check}: ${f.before} → ${f.after}`),
  ]);
}
