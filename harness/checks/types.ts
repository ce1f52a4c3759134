import type { Issue } from '../core/issue.ts';
import type { KubeObject, ObjectRef } from '../core/kube.ts';
import type { Position } from '../core/position.ts';
import type { CheckStatus, Visibility } from '../core/result.ts';
import type { Cluster, ImageCatalog, SettleResult } from '../engine/types.ts';

/** One check as declared in exercise.yaml (or hidden.yaml). */
export interface CheckSpec {
  id: string;
  title: string;
  points: number;
  hint?: string;
  visibility: Visibility;
  /** The check kind (`resource`, `pod`, `request`, …) and its parameters. */
  kind: string;
  params: unknown;
  /** Where the check is declared (for author-facing errors). */
  position?: Position;
}

/** Finds where in the learner's files an object (and a field of it) was written. */
export interface SourceIndex {
  /** Position of a field (`spec.containers[0].image`) of the object the learner submitted, or of its document. */
  locate(ref: ObjectRef, field?: string): Position | undefined;
  /** The submitted (pre-defaulting) object, if the learner's files defined it. */
  submitted(ref: ObjectRef): KubeObject | undefined;
  /** Every submitted document's object with its file, including rejected ones (for "did you mean" messages). */
  documents(): { object: unknown; file: string; index: number; accepted: boolean; position: Position }[];
}

export interface CheckContext {
  cluster: Cluster;
  settle: SettleResult;
  /** Every diagnostic of loading, validation and apply, in order. */
  diagnostics: readonly Issue[];
  sources: SourceIndex;
  /** The course's image registry (for "did you mean" on images that do not exist). */
  images?: ImageCatalog;
}

export interface CheckOutcome {
  status: CheckStatus;
  /** Fraction of the points earned (0..1); default 1 when passed, 0 otherwise. */
  fraction?: number;
  message?: string;
  location?: Position;
  /** Replaces the check's declared hint when the kind knows a more specific one. */
  hint?: string;
  /** The hops a failed request took, in words, up to where it stopped (for reports). */
  trace?: string[];
}

/** A check kind: one entry of the check vocabulary. */
export interface CheckKind<P = unknown> {
  name: string;
  /** One sentence for authors (shown when an unknown kind is used). */
  description: string;
  /** JSON Schema of the parameters. */
  schema: object;
  /** Extra checks of the parameters beyond the schema (e.g. field-path syntax); returns problems in words. */
  validate?(params: P): string[];
  run(params: P, ctx: CheckContext): CheckOutcome;
}
