import type { KubeObject } from '../../core/kube.ts';
import { renderFieldError } from '../field-error.ts';
import type { Rule } from './util.ts';

/** Runs one rule and renders its causes (test helper). */
export function causes(rule: Rule, obj: unknown, old?: unknown): string[] {
  const ctx = old === undefined ? { warnings: [] } : { warnings: [], old: old as KubeObject };
  return rule.check(obj as KubeObject, ctx).map(renderFieldError);
}

/** Runs one rule and returns its warnings (test helper). */
export function warningsOf(rule: Rule, obj: unknown): string[] {
  const ctx = { warnings: [] as string[] };
  rule.check(obj as KubeObject, ctx);
  return ctx.warnings;
}

/** Builds a valid Pod with the given container overrides (test helper). */
export function podWith(spec: Record<string, unknown> = {}, container: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web' },
    spec: { restartPolicy: 'Always', containers: [{ name: 'web', image: 'nginx:1.27', ...container }], ...spec },
  };
}
