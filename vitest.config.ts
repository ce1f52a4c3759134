import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/**/*.test.ts', 'exercises/**/*.test.ts'],
    exclude: ['node_modules/**', '.tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './harness/vitest/summary-reporter.ts'],
  },
});
