// Lint: typescript-eslint's strict type-checked rules over the sources and tests.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      '.ci/**',
      'dist-check/**',
      'dist-bench/**',
      'test-results/**',
      'test-artifacts/**',
      'bench-results/**',
      'node_modules/**',
      'coverage/**',
      'bin/**',
      'test/golden/*/*/**',
      'eslint.config.js',
      'bench/**/*.js',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': [
        'error',
        { allowNumber: true, allowBoolean: true },
      ],
      '@typescript-eslint/no-unnecessary-condition': ['error', { allowConstantLoopConditions: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/prefer-for-of': 'off',
    },
  },
  {
    // The Chevrotain CST boundary is the one place `any` may appear.
    files: ['src/parser/cst-boundary/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-assignment': 'off' },
  },
);
