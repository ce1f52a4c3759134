import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getReporter, reporters } from '../report/index.ts';
import { parseGradeReport, ResultFileError } from '../report/read-result.ts';
import { parseCommandArgs } from './args.ts';
import { CliError, type CliIo } from './io.ts';

export const reportHelp = `Usage: kubegrade report FILE [options]

Re-renders a saved result.json (from kubegrade grade --format json, or reports/result.json)
with any output format.

Options:
  --format FORMAT    ${[...reporters.keys()].join(', ')} (default: html)
  --out DIR          write DIR/<the format's file name> instead of printing to stdout
  -h, --help         show this help

Exit codes: 0 written; 2 usage error or FILE is not a kubegrade result.
`;

/** Runs `kubegrade report`: reads a saved result, renders it with one reporter, prints or writes it. */
export function reportCommand(args: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs('report', args, {
    format: { type: 'string', default: 'html' },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(reportHelp);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError(`kubegrade report needs exactly one FILE (a saved result.json), got ${positionals.length}. See kubegrade report --help`);
  const format = values.format ?? 'html';
  if (!reporters.has(format)) throw new CliError(`unknown format "${format}"; valid formats: ${[...reporters.keys()].join(', ')}`);
  const reporter = getReporter(format);
  const file = resolve(io.cwd, positionals[0]!);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${positionals[0]}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let report;
  try {
    report = parseGradeReport(text, positionals[0]);
  } catch (e) {
    if (e instanceof ResultFileError) throw new CliError(e.message);
    throw e;
  }
  const output = reporter.render(report, { color: false });
  if (values.out === undefined) {
    io.stdout(output);
    return 0;
  }
  const dir = resolve(io.cwd, values.out);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, reporter.fileName);
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, output);
  renameSync(tmp, target);
  io.stdout(`wrote ${target}\n`);
  return 0;
}
