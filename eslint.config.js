import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** UI libraries the pure core must never reach for. */
const uiImports = {
  paths: ['react', 'react-dom', 'zustand', 'zundo', '@xyflow/react', 'reactflow', 'elkjs'].map(
    (name) => ({ name, message: 'src/model and src/export stay free of UI libraries.' }),
  ),
  patterns: [
    {
      group: ['react/*', 'react-dom/*', 'zustand/*', '@xyflow/*', '@tanstack/*'],
      message: 'src/model and src/export stay free of UI libraries.',
    },
    {
      group: ['**/components/**', '**/server/**', '**/cli/**'],
      message: 'The core must not depend on its entry points.',
    },
  ],
};

export default defineConfig([
  globalIgnores([
    'dist',
    'dist-server',
    'dist-cli',
    'test-results',
    'playwright-report',
    'data',
    '.ci-out',
    'node_modules',
    'bin',
    '.corpus',
  ]),
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    files: ['src/model/**/*.ts', 'src/export/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', uiImports],
      'no-restricted-globals': ['error', 'document', 'window', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}', 'src/components/**/*.{ts,tsx}', 'src/main.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/**'],
              message:
                'The client talks to the server only through src/contract (the API contract).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: { ...globals.node } },
  },
]);
