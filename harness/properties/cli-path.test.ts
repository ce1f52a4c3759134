import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCliCaptured } from '../testing/run-cli.ts';

const root = resolve(import.meta.dirname, '..', '..');

describe('kubegrade grade --path', () => {
  it('needs exactly one exercise', async () => {
    const run = await runCliCaptured(['grade', '01', '02', '--path', '0:1', '--no-report'], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--path needs exactly one exercise ID/);
  });

  it('is listed in the help', async () => {
    const run = await runCliCaptured(['grade', '--help'], root);
    expect(run.stdout).toMatch(/--path PATH +replay one fault scenario of a property/);
  });
});
