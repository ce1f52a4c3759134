// ESLint flat config: recommended JS + TypeScript rules, plus the house rules from STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'error',
    },
  },
  {
    // Only the CLI, reporters, benchmarks and the bin may print.
    files: ['harness/cli/**', 'harness/report/**', 'harness/bench/**', 'bin/**'],
    rules: { 'no-console': 'off' },
  },
  {
    // Determinism: the engine never reads the wall clock or unseeded randomness.
    files: ['harness/engine/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Virtual time only (engine/clock).' },
        { object: 'Math', property: 'random', message: 'Seeded randomness only (engine/random).' },
      ],
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'setImmediate'],
    },
  },
  {
    files: ['bin/**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
