// Hand-written because only `*` and `?` on a basename are needed; a glob library would be a new dependency.
/** Compiles basename globs (`*`, `?`) into one matcher function. */
export function compileGlobs(globs: readonly string[]): (name: string) => boolean {
  const res = globs.map((g) => {
    let src = '';
    for (const ch of g) {
      if (ch === '*') src += '[^/]*';
      else if (ch === '?') src += '[^/]';
      else src += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${src}$`);
  });
  return (name) => res.some((re) => re.test(name));
}
