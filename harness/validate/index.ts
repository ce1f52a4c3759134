import type { Issue } from '../core/issue.ts';
import type { KubeObject } from '../core/kube.ts';
import { applyDefaults } from '../engine/api/defaults.ts';
import type { ManifestDocument } from '../load/types.ts';
import { renderFieldError } from './field-error.ts';
import { escapePointerSegment, fieldPathToPointer, formatFieldPath } from './field-path.ts';
import { didYouMean } from './hints/did-you-mean.ts';
import { classifyKind } from './hints/kinds.ts';
import { hintForFieldError } from './hints/invalid-hints.ts';
import { findLostIndentation } from './hints/lost-indentation.ts';
import { validateIssue } from './messages.ts';
import { validateObject } from './object.ts';
import { checkStructure, KIND_SCHEMAS } from './schema/index.ts';
import type { FieldError, ValidResource, ValidationResult } from './types.ts';

export type { FieldError, FieldErrorType, ValidResource, ValidationResult } from './types.ts';
export { renderFieldError, renderInvalid, renderValue } from './field-error.ts';
export { fieldPathToPointer, formatFieldPath } from './field-path.ts';
export { validateObject } from './object.ts';
export { validateMessages } from './messages.ts';
export { SIMULATED_KINDS, UNSUPPORTED_KINDS } from './hints/kinds.ts';
export { didYouMean, editDistance } from './hints/did-you-mean.ts';

const CLUSTER_SCOPED = new Set(['Namespace']);

function toPointer(path: readonly (string | number)[]): string {
  return path.map((s) => '/' + escapePointerSegment(s)).join('');
}

function compactJson(v: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(v) ?? 'null';
  } catch {
    s = '';
  }
  return s.length > 300 ? s.slice(0, 297) + '...' : s;
}

function asMap(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Checks kind and apiVersion; returns the issues (empty when the document can go on). */
function checkKind(doc: ManifestDocument, m: Record<string, unknown> | undefined): Issue[] {
  const verdict = classifyKind(m?.kind, m?.apiVersion, didYouMean);
  switch (verdict.status) {
    case 'ok':
      return [];
    case 'missing-kind':
      return [validateIssue('validate/missing-kind', { json: compactJson(doc.value) }, { position: m && 'kind' in m ? doc.positionOf('/kind') : doc.start, pointer: '/kind', field: 'kind' })];
    case 'unknown-kind':
      return [validateIssue('validate/unknown-kind', { kind: String(m?.kind), ...(verdict.suggestion ? { suggestion: verdict.suggestion } : {}) }, { position: doc.positionOf('/kind'), pointer: '/kind', field: 'kind' })];
    case 'unsupported-kind':
      return [validateIssue('validate/unsupported-kind', { kind: String(m?.kind) }, { position: doc.positionOf('/kind'), pointer: '/kind', field: 'kind' })];
    case 'wrong-api-version':
      return [
        validateIssue(
          'validate/wrong-api-version',
          { kind: String(m?.kind), apiVersion: typeof m?.apiVersion === 'string' ? m.apiVersion : '', expected: verdict.expected, missing: verdict.missing, json: compactJson(doc.value) },
          { position: verdict.missing ? doc.start : doc.positionOf('/apiVersion'), pointer: '/apiVersion', field: 'apiVersion' },
        ),
      ];
  }
}

/** Reports lost indentation and structural (strict decoding) problems of a known kind. */
function checkShape(doc: ManifestDocument, kind: string): Issue[] {
  const issues: Issue[] = [];
  const schema = KIND_SCHEMAS[kind];
  if (!schema) return issues;
  const lost = findLostIndentation(doc.value, schema);
  const explained = new Set<string>();
  for (const l of lost) {
    const parent = l.path.slice(0, -1);
    for (const k of l.explained) explained.add(toPointer([...parent, k]));
    const pointer = toPointer(l.path);
    const where = parent.length === 0 ? 'the top level' : `the same level as ${l.section}`;
    issues.push(
      validateIssue(
        'validate/lost-indentation',
        { section: l.section, mode: l.mode, keys: l.keys, where, fixed: l.fixed },
        { position: doc.keyPositionOf(pointer) ?? doc.positionOf(pointer), pointer, field: formatFieldPath(l.path) },
      ),
    );
  }
  for (const p of checkStructure(kind, doc.value)) {
    const pointer = toPointer(p.path);
    if (p.code === 'unknown-field') {
      if (explained.has(pointer)) continue;
      const suggestion = didYouMean(p.key, p.allowed);
      issues.push(
        validateIssue('validate/unknown-field', { field: p.field, ...(suggestion ? { suggestion } : {}) }, { position: doc.keyPositionOf(pointer) ?? doc.positionOf(pointer), pointer, field: p.field }),
      );
    } else {
      issues.push(validateIssue('validate/wrong-type', { field: p.field, detail: p.message, expected: p.expected, got: p.got }, { position: doc.positionOf(pointer), pointer, field: p.field }));
    }
  }
  return issues;
}

function fieldErrorIssue(doc: ManifestDocument, kind: string, name: string, e: FieldError): Issue {
  const pointer = fieldPathToPointer(e.field);
  const keyPointer = e.key !== undefined ? `${pointer}/${escapePointerSegment(e.key)}` : undefined;
  const position = (keyPointer && doc.keyPositionOf(keyPointer)) || doc.positionOf(pointer);
  const hint = hintForFieldError(e);
  return validateIssue('validate/invalid', { kind, name, cause: renderFieldError(e), ...(hint ? { hint } : {}) }, { position, pointer: keyPointer ?? pointer, field: e.field });
}

/** A Pod-spec field the simulation accepts but does not act on, and the words naming it in the diagnostic. */
export interface NotSimulatedField {
  /** Path below the Pod spec; `[]` steps into every list item, e.g. `volumes[].persistentVolumeClaim`. */
  field: string;
  what: string;
  /** What it does not change here (default: where Pods run). */
  effect?: string;
}

// Every Pod-spec field that changes scheduling is modelled now (topologySpreadConstraints and pod
// (anti-)affinity by the scheduler's PodTopologySpread and InterPodAffinity plugins); volumes are not.
const NOT_SIMULATED: readonly NotSimulatedField[] = [
  { field: 'volumes[].persistentVolumeClaim', what: 'PersistentVolumeClaims', effect: 'the Pod starts without the claim being bound and nothing is stored' },
];

// Job fields the Job controller accepts but does not act on.
const NOT_SIMULATED_JOB: readonly NotSimulatedField[] = [
  { field: 'podFailurePolicy', what: 'pod failure policies', effect: 'every failed Pod counts towards backoffLimit here' },
  { field: 'successPolicy', what: 'success policies', effect: 'the Job completes only when every index succeeded here' },
];

/** Lists an info diagnostic at each Job-level field the simulation does not model. */
function notSimulatedJobIssues(doc: ManifestDocument, obj: unknown): Issue[] {
  const spec = asMap(asMap(obj)?.spec);
  if (asMap(obj)?.kind !== 'Job' || !spec) return [];
  return NOT_SIMULATED_JOB.filter((f) => spec[f.field] !== undefined && spec[f.field] !== null).map(({ field: key, what, effect }) => {
    const field = `spec.${key}`;
    const pointer = fieldPathToPointer(field);
    return validateIssue('validate/not-simulated', { field, what, ...(effect ? { effect } : {}) }, { position: doc.keyPositionOf(pointer) ?? doc.positionOf(pointer), pointer, field });
  });
}

/** Lists the values at a dotted path (with `[]` list steps) and their field paths. */
function valuesAt(value: unknown, base: string, path: string): [string, unknown][] {
  let found: [string, unknown][] = [[base, value]];
  for (const step of path.split('.')) {
    const list = step.endsWith('[]');
    const key = list ? step.slice(0, -2) : step;
    const next: [string, unknown][] = [];
    for (const [field, v] of found) {
      const child = typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>)[key] : undefined;
      if (!list) next.push([`${field}.${key}`, child]);
      else if (Array.isArray(child)) child.forEach((item, i) => next.push([`${field}.${key}[${i}]`, item]));
    }
    found = next;
  }
  return found.filter(([, v]) => v !== undefined && v !== null);
}

/** Lists an info diagnostic at each listed field present in a Pod spec or a workload's Pod template. */
export function notSimulatedIssues(doc: ManifestDocument, obj: unknown, fields: readonly NotSimulatedField[] = NOT_SIMULATED): Issue[] {
  const out: Issue[] = [];
  for (const base of ['spec', 'spec.template.spec']) {
    for (const [, spec] of valuesAt(obj, '', base)) {
      if (typeof spec !== 'object' || spec === null) continue;
      for (const { field: rel, what, effect } of fields) {
        for (const [field, value] of valuesAt(spec, base, rel)) {
          if (value === undefined) continue;
          const pointer = fieldPathToPointer(field);
          out.push(validateIssue('validate/not-simulated', { field, what, ...(effect ? { effect } : {}) }, { position: doc.keyPositionOf(pointer) ?? doc.positionOf(pointer), pointer, field }));
        }
      }
    }
  }
  return out;
}

function warningIssue(doc: ManifestDocument, warning: string): Issue {
  const m = /^([A-Za-z0-9_.[\]-]+): /.exec(warning);
  const field = m?.[1];
  const pointer = field ? fieldPathToPointer(field) : undefined;
  return validateIssue('validate/warning', { warning }, pointer !== undefined ? { position: doc.positionOf(pointer), pointer, field: field! } : { position: doc.start });
}

/** Validates loaded documents: kind/apiVersion, strict schema, defaults, API-server rules and duplicates. */
export function validateDocuments(docs: readonly ManifestDocument[]): ValidationResult {
  const issues: Issue[] = [];
  const resources: ValidResource[] = [];
  const seen = new Map<string, ManifestDocument>();
  for (const doc of docs) {
    const docIssues = validateDocument(doc);
    const m = asMap(doc.value);
    if (!docIssues.some((i) => i.severity === 'error') && m) {
      const meta = asMap(m.metadata) ?? {};
      const kind = String(m.kind);
      const name = typeof meta.name === 'string' ? meta.name : '';
      const ns = CLUSTER_SCOPED.has(kind) ? '' : typeof meta.namespace === 'string' && meta.namespace !== '' ? meta.namespace : 'default';
      const key = `${kind}/${ns}/${name}`;
      const first = seen.get(key);
      if (first && name !== '') {
        const firstPos = first.positionOf('/metadata/name');
        docIssues.push(
          validateIssue('validate/duplicate-object', { kind, namespace: ns, name, firstFile: firstPos.file, firstLine: firstPos.line }, { position: doc.positionOf('/metadata/name'), pointer: '/metadata/name', field: 'metadata.name' }),
        );
      } else seen.set(key, doc);
    }
    issues.push(...docIssues);
    if (!docIssues.some((i) => i.severity === 'error')) resources.push({ object: doc.value as KubeObject, doc });
  }
  return { resources, issues };
}

function validateDocument(doc: ManifestDocument): Issue[] {
  const m = asMap(doc.value);
  const kindIssues = checkKind(doc, m);
  if (kindIssues.length > 0 || !m) return kindIssues.length > 0 ? kindIssues : [validateIssue('validate/missing-kind', { json: compactJson(doc.value) }, { position: doc.start })];
  const kind = m.kind as string;
  const shape = checkShape(doc, kind);
  if (shape.some((i) => i.severity === 'error')) return shape;
  const obj = m as unknown as KubeObject;
  const withMeta = { ...obj, metadata: asMap(obj.metadata) ?? {} } as KubeObject;
  let defaulted = withMeta;
  try {
    defaulted = applyDefaults(withMeta);
  } catch {
    // The defaulter is the engine's; a crash there must not hide the learner's validation errors.
  }
  const { errors, warnings } = validateObject(defaulted);
  const meta = asMap(m.metadata) ?? {};
  const name = typeof meta.name === 'string' ? meta.name : typeof meta.generateName === 'string' ? meta.generateName : '';
  return [...shape, ...errors.map((e) => fieldErrorIssue(doc, kind, name, e)), ...warnings.map((w) => warningIssue(doc, w)), ...notSimulatedJobIssues(doc, doc.value), ...notSimulatedIssues(doc, doc.value)];
}
