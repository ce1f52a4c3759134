/** Imported by bundle-fixture.ts: a function with the same name as one there, and this module's own URL. */
export function helper(): string {
  return 'helper';
}

/** Returns this module's URL as the module sees it. */
export function location(): string {
  return import.meta.url;
}
