#!/usr/bin/env node
// The bin only starts the CLI; all logic lives in harness/cli (main(argv, io) → exit code).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../harness/cli/main.ts');
process.exitCode = await runCli(process.argv.slice(2));
