import { runCli } from '../cli/main.ts';
import type { CliIo } from '../cli/io.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output (for end-to-end tests without a child process). */
export async function runCliCaptured(argv: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd, env, isTTY: false };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}
