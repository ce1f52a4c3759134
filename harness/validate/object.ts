import type { KubeObject } from '../core/kube.ts';
import { rulesFor, UPDATE_RULES } from './rules/index.ts';
import type { RuleContext } from './rules/index.ts';
import type { FieldError } from './types.ts';

/** Validates an (already defaulted) object as the API server would on create, or on update when `ctx.old` is given. */
export function validateObject(obj: KubeObject, ctx?: { old?: KubeObject }): { errors: FieldError[]; warnings: string[] } {
  const rc: RuleContext = { warnings: [] };
  if (ctx?.old) rc.old = ctx.old;
  const errors: FieldError[] = [];
  if (typeof obj !== 'object' || obj === null) return { errors, warnings: [] };
  const safe = { ...obj, metadata: typeof obj.metadata === 'object' && obj.metadata !== null && !Array.isArray(obj.metadata) ? obj.metadata : {} } as KubeObject;
  const rules = ctx?.old ? [...rulesFor(safe.kind), ...UPDATE_RULES.filter((r) => r.kinds.includes(safe.kind))] : rulesFor(safe.kind);
  for (const rule of rules) {
    try {
      errors.push(...rule.check(safe, rc));
    } catch (e) {
      // A rule bug must not crash grading; report it as the server's Internal error.
      errors.push({ type: 'Internal', field: '<nil>', detail: `rule ${rule.id}: ${(e as Error).message}` });
    }
  }
  return { errors, warnings: rc.warnings };
}
