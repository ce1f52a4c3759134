import { ConfigError } from '../core/config-file.ts';
import { batchCommand, batchHelp } from './batch-command.ts';
import { mergeCommand, mergeHelp } from './merge-command.ts';
import { exportTemplateCommand, exportTemplateHelp } from './export-template-command.ts';
import { gradeCommand, gradeHelp } from './grade-command.ts';
import { CliError, processIo, type CliIo } from './io.ts';
import { reportCommand, reportHelp } from './report-command.ts';
import { simulateCommand, simulateHelp } from './simulate-command.ts';

interface Command {
  summary: string;
  help: string;
  run(args: string[], io: CliIo): number | Promise<number>;
}

/** The CLI's commands by name: adding one is one file and one entry here. */
const commands: Record<string, Command> = {
  grade: { summary: 'grade exercises and write reports/index.html', help: gradeHelp, run: gradeCommand },
  simulate: { summary: 'apply manifests to a simulated cluster and show what it does', help: simulateHelp, run: simulateCommand },
  batch: { summary: 'grade a folder of learner submissions in parallel into a gradebook', help: batchHelp, run: batchCommand },
  merge: { summary: 'join the outputs of sharded batch runs into one gradebook', help: mergeHelp, run: mergeCommand },
  'export-template': { summary: 'write the learner checkout of this course (no solutions)', help: exportTemplateHelp, run: exportTemplateCommand },
  report: { summary: 're-render a saved result.json in any format (html, junit, gradescope…)', help: reportHelp, run: reportCommand },
};

const mainHelp = `Usage: kubegrade <command> [options]

kubegrade grades Kubernetes manifests the way a real cluster would treat them.

Commands:
${Object.entries(commands)
  .map(([name, c]) => `  ${name.padEnd(16)} ${c.summary}`)
  .join('\n')}

Run kubegrade <command> --help for a command's options.
`;

/** Runs the CLI with arguments (without node and the script) and returns the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version') {
    io.stdout('kubegrade 0.1.0\n');
    return 0;
  }
  const command = commands[name];
  if (!command) {
    io.stderr(`kubegrade: unknown command "${name}"; valid commands: ${Object.keys(commands).join(', ')}\n`);
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof ConfigError) {
      io.stderr(`kubegrade: the course configuration is invalid:\n${e.message}\n`);
      return 2;
    }
    io.stderr(`kubegrade: internal error (a bug in kubegrade): ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 3;
  }
}
