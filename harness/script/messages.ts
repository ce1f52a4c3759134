import { defineMessages } from '../core/issue.ts';

export const SCRIPT_LIMITS = { maxCommands: 200, maxLineLength: 10_000 } as const;

/** Message table of the command-script parser (codes `script/*`). */
export const scriptIssue = defineMessages({
  'script/not-kubectl': {
    severity: 'error',
    message: (p: { line: number; name: string; reason?: 'sudo' | 'alias' }) =>
      `line ${p.line}: only kubectl commands are run here; \`${p.name}\` was not run`,
    hint: (p: { line: number; name: string; reason?: 'sudo' | 'alias' }) =>
      p.reason === 'sudo'
        ? 'drop `sudo`: kubectl needs no root rights here, write the line as `kubectl …`'
        : p.reason === 'alias'
          ? 'write `kubectl` in full; shell aliases are not known here'
          : 'start the line with `kubectl` (or `microk8s kubectl`)',
  },
  'script/shell-syntax': {
    severity: 'error',
    message: (p: { line: number; construct: string }) =>
      `line ${p.line}: ${p.construct} is shell syntax, but nothing here is run by a shell; this line was not run`,
    hint: () => 'write one plain kubectl command per line, with literal values instead of variables or pipes',
  },
  'script/unterminated-quote': {
    severity: 'error',
    message: (p: { line: number; quote: 'single' | 'double' }) =>
      `line ${p.line}: the ${p.quote} quote opened here is never closed; the rest of the script was not run`,
    hint: (p: { line: number; quote: 'single' | 'double' }) =>
      `add the closing ${p.quote === 'single' ? "'" : '"'} on the same command`,
  },
  'script/too-long': {
    severity: 'error',
    message: (p: { what: 'commands'; count: number; limit: number } | { what: 'line'; line: number; count: number; limit: number }) =>
      p.what === 'commands'
        ? `the script has ${p.count} commands; only the first ${p.limit} were run`
        : `line ${p.line}: the line is ${p.count} characters long (at most ${p.limit}); it was not run`,
  },
  'script/command-failed': {
    severity: 'error',
    message: (p: { line: number; command: string; stderr: string }) => p.stderr,
    hint: (p: { line: number; command: string; stderr: string }) => `line ${p.line}: \`${p.command}\` failed as shown; the script went on with the next line`,
  },
  'script/unsupported': {
    severity: 'error',
    message: (p: { line: number; command: string; reason: string }) =>
      `line ${p.line}: kubegrade does not run \`${p.command}\` (${p.reason}); this line was skipped`,
    hint: () => 'grade-relevant steps must use apply, create, run, expose, delete, label, annotate, scale, set image, rollout, get or describe',
  },
});
