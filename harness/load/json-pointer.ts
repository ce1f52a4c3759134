/** Escapes one JSON-pointer reference token (`~` → `~0`, `/` → `~1`). */
export function escapePointerToken(token: string): string {
  if (!token.includes('~') && !token.includes('/')) return token;
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Returns the pointer of the parent of `pointer`, or undefined for the root (''). */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const cut = pointer.lastIndexOf('/');
  return cut <= 0 ? '' : pointer.slice(0, cut);
}
