import { describe, expect, it } from 'vitest';
import { compileGlobs } from './glob.ts';

describe('compileGlobs', () => {
  const accept = compileGlobs(['*.yml', '*.yaml', '*.json', 'commands.sh', 'step-?.txt']);
  it.each([
    ['pod.yml', true],
    ['.yml', true],
    ['pod.yaml', true],
    ['pod.json', true],
    ['commands.sh', true],
    ['step-1.txt', true],
    ['step-10.txt', false],
    ['pod.yml.bak', false],
    ['podxyml', false],
    ['other.sh', false],
    ['commands.sh.txt', false],
  ])('%s → %s', (name, ok) => {
    expect(accept(name)).toBe(ok);
  });
});
