import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './io.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments strictly, turning node's parse errors into usage errors that name the option. */
export function parseCommandArgs<O extends Options>(command: string, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new CliError(`kubegrade ${command}: ${(e as Error).message.replace(/\. To specify.*$/s, '')}. See kubegrade ${command} --help`);
  }
}

/** Parses a non-negative integer option, naming the option in the error. */
export function intOption(name: string, value: string | undefined, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new CliError(`--${name} must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return Number(value);
}
