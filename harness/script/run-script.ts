/**
 * Runs a learner's kubectl command script against the simulated cluster, line by line, recording what
 * kubectl would print. Like a shell script without `set -e`, a failing line does not stop the script.
 */
import { sortIssues, type Issue } from '../core/issue.ts';
import { parseKubectlArgs } from './kubectl-args.ts';
import { scriptIssue } from './messages.ts';
import { parseCommandScript } from './parse-script.ts';
import { findCommand } from './commands/registry.ts';
import type { CommandOutput, ScriptContext } from './commands/types.ts';

export type { ScriptContext, CommandOutput } from './commands/types.ts';

/** One command line of the script and exactly what kubectl printed for it. */
export interface CommandRecord {
  file: string;
  /** 1-based line of the command's first word. */
  line: number;
  /** The words after `kubectl`. */
  argv: string[];
  stdout: string;
  stderr: string;
  /** kubectl's exit code: 0, or 1 on errors. */
  exitCode: number;
  /** Set when kubegrade did not run this real kubectl command (stdout and stderr are then empty). */
  unsupported?: true;
}

export interface ScriptRun {
  commands: CommandRecord[];
  /** The parser's issues, then one `script/command-failed` or `script/unsupported` per affected line, sorted by position. */
  issues: Issue[];
}

/** Runs every kubectl command of a script on the cluster, settling it after each, and reports output and issues. */
export function runCommandScript(file: string, text: string, ctx: ScriptContext): ScriptRun {
  const parsed = parseCommandScript(file, text);
  const issues: Issue[] = [...parsed.issues];
  const commands: CommandRecord[] = [];
  for (const [index, cmd] of parsed.commands.entries()) {
    const shown = ['kubectl', ...cmd.argv].join(' ');
    const at = { position: { file, line: cmd.line, column: cmd.column } };
    const output = runOne(cmd.argv, ctx);
    const record: CommandRecord = { file, line: cmd.line, argv: cmd.argv, stdout: output.stdout, stderr: output.stderr, exitCode: output.exitCode };
    if (output.unsupported !== undefined) {
      record.unsupported = true;
      issues.push(scriptIssue('script/unsupported', { line: cmd.line, command: shown, reason: output.unsupported }, at));
    } else if (output.exitCode !== 0) {
      issues.push(scriptIssue('script/command-failed', { line: cmd.line, command: shown, stderr: output.stderr.trimEnd() }, at));
    }
    commands.push(record);
    const next = parsed.commands[index + 1];
    // A command that waits by itself (rollout status) watches what the previous one started, as when typed
    // right after it: only a moment passes instead of the cluster settling.
    if (next && waits(next.argv)) ctx.cluster.advance(TYPING_PAUSE_SECONDS);
    else ctx.settle();
  }
  return { commands, issues: sortIssues(issues) };
}

/** Virtual seconds between a command and a following `rollout status` typed right after it. */
export const TYPING_PAUSE_SECONDS = 1;

/** Commands that block until the cluster reaches a state, letting virtual time pass themselves. */
const WAITING_VERBS = new Set(['rollout status']);

function waits(argv: readonly string[]): boolean {
  const args = parseKubectlArgs(argv);
  return args.ok && WAITING_VERBS.has(args.command.verb);
}

function runOne(argv: readonly string[], ctx: ScriptContext): CommandOutput {
  const args = parseKubectlArgs(argv);
  if (!args.ok) {
    if (args.kind === 'unsupported') return { stdout: '', stderr: '', exitCode: 0, unsupported: reasonFor(argv) };
    return { stdout: '', stderr: `${args.error}\n`, exitCode: 1 };
  }
  const handler = findCommand(args.command.verb);
  if (!handler) return { stdout: '', stderr: '', exitCode: 0, unsupported: reasonFor(args.command.verb.split(' ')) };
  try {
    return handler(args.command, ctx);
  } catch (e) {
    // A handler defect must not look like a learner mistake; rethrow with the line's command for the report.
    throw new Error(`kubegrade failed running \`kubectl ${argv.join(' ')}\`: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** Why a real kubectl command is not run, by its first word. */
const REASONS: Readonly<Record<string, string>> = {
  exec: 'it needs a shell inside a real container',
  attach: 'it needs a terminal attached to a real container',
  'port-forward': 'it keeps running until stopped',
  logs: 'simulated containers write no logs',
  cp: 'simulated containers have no files',
  edit: 'it opens an editor',
  patch: 'change the manifest and run kubectl apply instead',
  replace: 'change the manifest and run kubectl apply instead',
  wait: 'the grader already waits until the cluster settles',
};

function reasonFor(argv: readonly string[]): string {
  const verb = argv.find((w) => !w.startsWith('-')) ?? '';
  return REASONS[verb] ?? 'it is not simulated';
}
