export { escapePointerToken } from '../core/json-pointer.ts';

/** Returns the pointer of the parent of `pointer`, or undefined for the root (''). */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}
