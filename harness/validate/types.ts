import type { KubeObject } from '../core/kube.ts';
import type { ManifestDocument } from '../load/types.ts';
import type { Issue } from '../core/issue.ts';

/** The error types of k8s.io/apimachinery/pkg/util/validation/field, rendered as the API server does. */
export type FieldErrorType =
  | 'Required'
  | 'Invalid'
  | 'NotSupported'
  | 'Duplicate'
  | 'Forbidden'
  | 'TooLong'
  | 'NotFound'
  | 'Internal';

/** One cause of an API-server rejection: `<field>: <Type>[: <value>][: <detail>]`. */
export interface FieldError {
  type: FieldErrorType;
  /** Kubernetes field path, e.g. `spec.containers[0].ports[0].containerPort`. */
  field: string;
  /** The bad value (printed for Invalid, NotSupported, Duplicate, NotFound). */
  value?: unknown;
  detail?: string;
  /** For label/selector errors reported on the map path: the offending key (lets us point at the exact line). */
  key?: string;
}

/** A document that passed validation, ready to be applied to the simulated cluster. */
export interface ValidResource {
  object: KubeObject;
  doc: ManifestDocument;
}

export interface ValidationResult {
  /** Documents without error-severity issues, in input order. */
  resources: ValidResource[];
  /** Every issue, with positions in the learner's files. */
  issues: Issue[];
}
