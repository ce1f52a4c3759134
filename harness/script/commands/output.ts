import type { StatusError } from '../../engine/types.ts';
import { kubectlErrorText } from '../../grade/status-message.ts';
import type { CommandOutput } from './types.ts';

/** Collects stdout and stderr lines of one command; any error line makes the exit code 1 (as kubectl's checkErr). */
export interface OutputBuilder {
  out(line: string): void;
  err(line: string): void;
  /** Writes a stderr line that is not an error (flag deprecation notes). */
  note(line: string): void;
  /** Writes API warnings as kubectl does (`Warning: …` on stderr). */
  warn(warnings: readonly string[]): void;
  /** Writes an API Status error as kubectl renders it. */
  status(error: StatusError, file?: string, verb?: 'creating' | 'applying' | 'deleting'): void;
  done(): CommandOutput;
}

/** Creates an output builder for one command. */
export function createOutput(): OutputBuilder {
  let stdout = '';
  let stderr = '';
  let failed = false;
  return {
    out(line) {
      stdout += `${line}\n`;
    },
    err(line) {
      stderr += `${line}\n`;
      failed = true;
    },
    note(line) {
      stderr += `${line}\n`;
    },
    warn(warnings) {
      for (const w of warnings) stderr += `Warning: ${w}\n`;
    },
    status(error, file, verb) {
      stderr += `${kubectlErrorText(error, file, verb)}\n`;
      failed = true;
    },
    done: () => ({ stdout, stderr, exitCode: failed ? 1 : 0 }),
  };
}

/** Returns a failed command output with kubectl's stderr text. */
export function failed(stderr: string): CommandOutput {
  return { stdout: '', stderr: stderr.endsWith('\n') ? stderr : `${stderr}\n`, exitCode: 1 };
}

/** Returns the output of a command this grader does not run, saying why. */
export function unsupported(reason: string): CommandOutput {
  return { stdout: '', stderr: '', exitCode: 0, unsupported: reason };
}
