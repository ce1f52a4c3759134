/** `kubectl get deployments` (printDeployment column set) and the selector format workload tables share. */
import { printGetTable } from './get-table.ts';
import type { Column, TableSpec } from './get-table.ts';
import { translateTimestampSince } from './duration.ts';
import { compareStrings, obj, objs, str, int, sortedEntries } from './fields.ts';
import type { Json } from './fields.ts';
import type { GetOptions, PrinterOutput } from './types.ts';

const DEPLOYMENT_COLUMNS: readonly Column[] = [
  { name: 'Name', priority: 0 },
  { name: 'Ready', priority: 0 },
  { name: 'Up-to-date', priority: 0 },
  { name: 'Available', priority: 0 },
  { name: 'Age', priority: 0 },
  { name: 'Containers', priority: 1 },
  { name: 'Images', priority: 1 },
  { name: 'Selector', priority: 1 },
];

const OPERATORS: Record<string, (key: string, values: string[]) => string> = {
  In: (key, values) => `${key} in (${values.join(',')})`,
  NotIn: (key, values) => `${key} notin (${values.join(',')})`,
  Exists: (key) => key,
  DoesNotExist: (key) => `!${key}`,
};

/** Formats a label selector as metav1.FormatLabelSelector does (`app=web,tier in (a,b)`, `<none>` when empty). */
export function formatLabelSelector(selector: unknown): string {
  const sel = obj(selector);
  const parts: { key: string; text: string }[] = sortedEntries(sel.matchLabels).map(([k, v]) => ({ key: k, text: `${k}=${v}` }));
  for (const e of objs(sel.matchExpressions)) {
    const key = str(e.key);
    const render = OPERATORS[str(e.operator)];
    if (!render) return '<error>';
    const values = (Array.isArray(e.values) ? e.values.map(str) : []).sort(compareStrings);
    parts.push({ key, text: render(key, values) });
  }
  const text = parts
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => compareStrings(a.key, b.key) || a.i - b.i)
    .map((p) => p.text)
    .join(',');
  return text === '' ? '<none>' : text;
}

/** Returns the CONTAINERS and IMAGES cells of a Pod template (names and images joined by `,`). */
export function templateContainers(template: unknown): [string, string] {
  const containers = objs(obj(obj(template).spec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

function deploymentCells(deployment: unknown, options: GetOptions): string[] {
  const d = obj(deployment);
  const meta = obj(d.metadata);
  const spec: Json = obj(d.spec);
  const status = obj(d.status);
  const [names, images] = templateContainers(spec.template);
  return [
    str(meta.name),
    `${int(status.readyReplicas)}/${int(spec.replicas, 1)}`,
    String(int(status.updatedReplicas)),
    String(int(status.availableReplicas)),
    translateTimestampSince(meta.creationTimestamp, options.now),
    names,
    images,
    formatLabelSelector(spec.selector),
  ];
}

/** The column set and cell rules of this resource's table. */
export const DEPLOYMENT_TABLE: TableSpec<unknown> = { columns: DEPLOYMENT_COLUMNS, cells: deploymentCells, namespaced: true };

/** Prints Deployments as `kubectl get deployments [-o wide]` does. */
export function getDeployments(deployments: readonly unknown[], options: GetOptions): PrinterOutput {
  return printGetTable(deployments, options, DEPLOYMENT_TABLE);
}
