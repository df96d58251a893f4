// ESLint flat config: typescript-eslint's type-checked recommended rules over every TypeScript project (server,
// client, test, bench; scripts/ through the default project). Layout is Prettier's job (.prettierrc.json), so no
// stylistic rules here. A rule is turned off only with the reason next to it.
import eslint from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['dist/', 'out/', '.rig/', 'test-results/', 'node_modules/', 'test/fixtures/', 'test/gold/'] },
  eslint.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['scripts/*.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      eqeqeq: 'error',
      // The code marks indexed reads as deliberate non-null claims (`xs[i]!`, 330 of them) while the tsconfig leaves
      // noUncheckedIndexedAccess off (it would raise ~700 errors); this rule would strip every one of them, and it has
      // no option to spare non-null assertions on element access.
      '@typescript-eslint/no-unnecessary-type-assertion': 'off',
    },
  },
  {
    // The language server talks JSON-RPC over stdout: a stray console.log corrupts the stream. Log through the
    // connection; only the CLI prints.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    // These tests read another process's JSON (the CLI's reports, the editor probes' dumps) as untyped data on purpose:
    // they check the documented output from outside, so typing it with the producer's types would trust what is checked.
    files: ['test/cli/**/*.ts', 'test/e2e/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The bins are CommonJS entry points (package.json has no "type": "module"): require is their import.
    files: ['bin/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  { files: ['esbuild.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  {
    // The timeline webview script runs in the VS Code webview (a browser page).
    files: ['client/media/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        acquireVsCodeApi: 'readonly',
        document: 'readonly',
        window: 'readonly',
        Element: 'readonly',
        HTMLSelectElement: 'readonly',
        SVGElement: 'readonly',
      },
    },
  },
);
