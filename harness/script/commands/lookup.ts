import { qualifiedResource } from '../../engine/kinds.ts';

/** kubectl's NotFound line for a kind and name: `Error from server (NotFound): pods "x" not found`. */
export function notFoundText(kind: string, name: string): string {
  return `Error from server (NotFound): ${qualifiedResource(kind)} "${name}" not found`;
}
