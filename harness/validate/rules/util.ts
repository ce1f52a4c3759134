import type { KubeObject } from '../../core/kube.ts';
import type { FieldError } from '../types.ts';

/** Context handed to every rule; rules push warnings here. */
export interface RuleContext {
  old?: KubeObject;
  warnings: string[];
}

/** One API-server validation rule for some kinds. */
export interface Rule {
  id: string;
  kinds: readonly string[];
  check(obj: KubeObject, ctx: RuleContext): FieldError[];
}

/** Returns the value when it is a plain object. */
export function asMap(v: unknown): Record<string, unknown> | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** Returns the value when it is an array, else an empty array. */
export function asList(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Returns the keys of a map in sorted order (Go validators iterate maps sorted for stable output). */
export function sortedKeys(m: Record<string, unknown>): string[] {
  return Object.keys(m).sort();
}

/** Tells whether the value is an integer number. */
export function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v);
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const MSG = {
  subdomain:
    "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  label:
    "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
  dns1035:
    "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  qualifiedName:
    "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  labelValue:
    "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  configKey:
    "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
  percent:
    "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
  portRange: 'must be between 1 and 65535, inclusive',
  nonNegative: 'must be greater than or equal to 0',
} as const;

const maxLen = (n: number): string => `must be no more than ${n} characters`;

/** Returns the causes that make a string an invalid DNS-1123 subdomain (length and regex both). */
export function subdomainErrors(s: string): string[] {
  const out: string[] = [];
  if (s.length > 253) out.push(maxLen(253));
  if (!SUBDOMAIN.test(s)) out.push(MSG.subdomain);
  return out;
}

/** Returns the causes that make a string an invalid DNS-1123 label. */
export function labelErrors(s: string): string[] {
  const out: string[] = [];
  if (s.length > 63) out.push(maxLen(63));
  if (!LABEL.test(s)) out.push(SUBDOMAIN.test(s) ? 'must not contain dots' : MSG.label);
  return out;
}

/** Returns the causes that make a string an invalid DNS-1035 label. */
export function dns1035Errors(s: string): string[] {
  const out: string[] = [];
  if (s.length > 63) out.push(maxLen(63));
  if (!DNS1035.test(s)) out.push(MSG.dns1035);
  return out;
}

/** Returns the causes that make a string an invalid IANA service (port) name. */
export function portNameErrors(s: string): string[] {
  const out: string[] = [];
  if (s.length > 15) out.push(maxLen(15));
  if (!/^[-a-z0-9]+$/.test(s)) out.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(s)) out.push('must contain at least one letter (a-z)');
  if (s.includes('--')) out.push('must not contain consecutive hyphens');
  if (s.startsWith('-') || s.endsWith('-')) out.push('must not begin or end with a hyphen');
  return out;
}

/** Returns the causes that make a string an invalid qualified name (label or annotation key). */
export function qualifiedNameErrors(s: string): string[] {
  const parts = s.split('/');
  let name = s;
  const out: string[] = [];
  if (parts.length === 2) {
    const prefix = parts[0]!;
    name = parts[1]!;
    if (prefix.length === 0) out.push('prefix part must be non-empty');
    else out.push(...subdomainErrors(prefix).map((m) => `prefix part ${m}`));
  } else if (parts.length > 2) {
    return [
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ];
  }
  if (name.length === 0) out.push('name part must be non-empty');
  else {
    if (name.length > 63) out.push('name part ' + maxLen(63));
    if (!QUALIFIED_NAME.test(name)) out.push(MSG.qualifiedName);
  }
  return out;
}

/** Validates a label map (keys and values); errors are reported on the map path with `key` set. */
export function validateLabels(labels: unknown, field: string): FieldError[] {
  const m = asMap(labels);
  if (!m) return [];
  const out: FieldError[] = [];
  for (const k of sortedKeys(m)) {
    for (const d of qualifiedNameErrors(k)) out.push({ type: 'Invalid', field, value: k, detail: d, key: k });
    const v = m[k];
    if (typeof v !== 'string') continue;
    if (v.length > 63) out.push({ type: 'Invalid', field, value: v, detail: maxLen(63), key: k });
    if (!LABEL_VALUE.test(v)) out.push({ type: 'Invalid', field, value: v, detail: MSG.labelValue, key: k });
  }
  return out;
}

/** Validates an annotation map: qualified-name keys and a total size of at most 256 KiB. */
export function validateAnnotations(annotations: unknown, field: string): FieldError[] {
  const m = asMap(annotations);
  if (!m) return [];
  const out: FieldError[] = [];
  let total = 0;
  for (const k of sortedKeys(m)) {
    for (const d of qualifiedNameErrors(k.toLowerCase())) out.push({ type: 'Invalid', field, value: k, detail: d, key: k });
    total += Buffer.byteLength(k) + (typeof m[k] === 'string' ? Buffer.byteLength(m[k] as string) : 0);
  }
  if (total > 262144) out.push({ type: 'TooLong', field, detail: 'may not be more than 262144 bytes' });
  return out;
}

/** Validates a metav1.LabelSelector (matchLabels and matchExpressions). */
export function validateLabelSelector(sel: unknown, field: string): FieldError[] {
  const m = asMap(sel);
  if (!m) return [];
  const out = validateLabels(m.matchLabels, `${field}.matchLabels`);
  asList(m.matchExpressions).forEach((raw, i) => {
    const e = asMap(raw);
    if (!e) return;
    const p = `${field}.matchExpressions[${i}]`;
    const values = asList(e.values);
    const op = e.operator;
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) out.push({ type: 'Required', field: `${p}.values`, detail: "must be specified when `operator` is 'In' or 'NotIn'" });
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) out.push({ type: 'Forbidden', field: `${p}.values`, detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'" });
    } else {
      out.push({ type: 'Invalid', field: `${p}.operator`, value: op ?? '', detail: 'not a valid selector operator' });
    }
    if (typeof e.key === 'string') for (const d of qualifiedNameErrors(e.key)) out.push({ type: 'Invalid', field: `${p}.key`, value: e.key, detail: d });
  });
  return out;
}

/** Validates a port number field: must be 1..65535. */
export function portNumberErrors(v: unknown, field: string): FieldError[] {
  if (!isInt(v)) return [];
  return v < 1 || v > 65535 ? [{ type: 'Invalid', field, value: v, detail: MSG.portRange }] : [];
}

/** Validates an int-or-string port reference (targetPort, probe port): number range or IANA name. */
export function portRefErrors(v: unknown, field: string): FieldError[] {
  if (typeof v === 'string') {
    if (/^\d+$/.test(v)) return portNumberErrors(Number(v), field);
    return portNameErrors(v).map((d) => ({ type: 'Invalid', field, value: v, detail: d }));
  }
  return portNumberErrors(v, field);
}

/** Reports a NotSupported error when a present string is not one of the allowed values. */
export function notSupported(v: unknown, field: string, allowed: readonly string[]): FieldError[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string' && allowed.includes(v)) return [];
  return [{ type: 'NotSupported', field, value: v, detail: `supported values: ${allowed.map((a) => `"${a}"`).join(', ')}` }];
}

/** Reports a negative integer as `must be greater than or equal to 0`. */
export function nonNegative(v: unknown, field: string): FieldError[] {
  return isInt(v) && v < 0 ? [{ type: 'Invalid', field, value: v, detail: MSG.nonNegative }] : [];
}

/** Tells whether a label map is selected by a LabelSelector (matchLabels and matchExpressions). */
export function selectorMatches(sel: Record<string, unknown>, labels: Record<string, unknown>): boolean {
  const ml = asMap(sel.matchLabels) ?? {};
  for (const k of Object.keys(ml)) if (labels[k] !== ml[k]) return false;
  for (const raw of asList(sel.matchExpressions)) {
    const e = asMap(raw);
    if (!e || typeof e.key !== 'string') return false;
    const has = Object.prototype.hasOwnProperty.call(labels, e.key);
    const values = asList(e.values);
    const val = labels[e.key];
    if (e.operator === 'In' && !(has && values.includes(val))) return false;
    if (e.operator === 'NotIn' && has && values.includes(val)) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** Finds the Pod spec of a Pod or of a workload's template, with its field path (`spec` or `spec.template.spec`). */
export function podSpecOf(obj: { kind: string; spec?: unknown }): [Record<string, unknown>, string] | undefined {
  const spec = asMap(obj.spec);
  if (!spec) return undefined;
  if (obj.kind === 'Pod') return [spec, 'spec'];
  const inner = asMap(asMap(spec.template)?.spec);
  return inner ? [inner, 'spec.template.spec'] : undefined;
}
