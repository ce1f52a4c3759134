import { readdirSync, readFileSync } from 'node:fs';
import Handlebars from 'handlebars';

const dir = new URL('./templates/', import.meta.url);

/** Creates an isolated Handlebars environment with the report partials registered (no helpers leak in). */
export function createTemplates(): typeof Handlebars {
  const hb = Handlebars.create();
  const partials = new URL('./partials/', dir);
  for (const name of readdirSync(partials).filter((f) => f.endsWith('.hbs')).sort()) {
    hb.registerPartial(name.slice(0, -4), readFileSync(new URL(name, partials), 'utf8'));
  }
  return hb;
}

/** Compiles one template of templates/ in the given environment. */
export function compileTemplate(hb: typeof Handlebars, name: string): Handlebars.TemplateDelegate {
  return hb.compile(readFileSync(new URL(name, dir), 'utf8'), { strict: false, noEscape: false, knownHelpersOnly: false });
}

/** Returns the shared stylesheet (our own text, inlined into every HTML page). */
export function styleSheet(): string {
  return readFileSync(new URL('style.css', dir), 'utf8');
}

/** Returns the href only when it is a relative path (no scheme, no protocol-relative or backslash tricks). */
export function safeHref(href: string | undefined): string | undefined {
  if (typeof href !== 'string' || href === '') return undefined;
  // eslint-disable-next-line no-control-regex
  if (/^[a-z][a-z0-9+.-]*:/i.test(href.trim()) || /^\s*\/\//.test(href) || /[\\\x00-\x1f]/.test(href)) return undefined;
  return href;
}
