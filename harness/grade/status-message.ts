import type { StatusError } from '../engine/types.ts';

/** Renders an API Status error as kubectl prints it (Invalid errors rebuilt from their causes). */
export function kubectlErrorText(status: StatusError, file?: string, verb: 'creating' | 'applying' | 'deleting' = 'creating'): string {
  if (status.reason === 'Invalid' && status.details?.kind && status.details.causes?.length) {
    const causes = [...new Set(status.details.causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message)))];
    const head = `The ${status.details.kind} "${status.details.name ?? ''}" is invalid: `;
    return causes.length === 1 ? head + causes[0] : `${head}\n${causes.map((c) => `* ${c}`).join('\n')}`;
  }
  const prefix = file ? `error when ${verb} "${file}": ` : '';
  return `Error from server (${status.reason}): ${prefix}${status.message}`;
}
