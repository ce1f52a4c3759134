import { randomBytes } from 'node:crypto';

/**
 * GitHub Actions workflow commands (`::name key=value,...::message`), escaped the way the
 * official toolkit (@actions/core command.ts) escapes them, so the runner decodes exactly our text.
 */

/** Escapes a command's message: `%`, CR and LF (the runner would otherwise end the command there). */
export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a command property: like a message, plus `:` and `,` that delimit properties. */
export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** Formats one workflow command line (without the newline); properties keep their given order. */
export function workflowCommand(name: string, properties: ReadonlyArray<readonly [string, string | number | undefined]>, message: string): string {
  const props = properties.filter((p): p is readonly [string, string | number] => p[1] !== undefined && p[1] !== '').map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}`;
}

/** Returns a fresh unguessable token for `::stop-commands::` (crypto randomness: never in a report). */
export function newStopToken(): string {
  return `kubegrade-${randomBytes(16).toString('hex')}`;
}

/**
 * Wraps text the learner controls so the runner treats none of its lines as commands: the runner
 * ignores every command after `::stop-commands::TOKEN` until a line `::TOKEN::`, and the learner
 * cannot know the token. Lines that would look like commands anyway (the runner trims leading
 * whitespace) get a zero-width space between their first two characters, as a second fence.
 */
export function quarantine(text: string, token: string): string {
  const body = text.endsWith('\n') || text === '' ? text : `${text}\n`;
  return `::stop-commands::${token}\n${defuse(body)}::${token}::\n`;
}

/** Breaks `::` and `##[` at the start of any line (after whitespace) with a zero-width space. */
export function defuse(text: string): string {
  return text.replace(/^([^\S\n]*)(::|##\[)/gm, (_m, space: string, marker: string) => `${space}${marker[0]}\u200b${marker.slice(1)}`);
}
