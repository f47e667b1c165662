// Lint rules that guard the architecture (docs/architecture.md): arrows point inward only,
// core <- storage <- services <- server / cli, and no import cycles. Prettier owns the layout.
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const inward = 'arrows point inward only: core <- storage <- services <- server / cli (docs/architecture.md)';

/** What each layer's product code may not import: the layers outside it. */
const layers = [
  {
    target: './src/core',
    from: ['./src/knowledge-files', './src/interop', './src/storage', './src/services', './src/server', './src/cli'],
  },
  {
    target: './src/knowledge-files',
    from: ['./src/interop', './src/storage', './src/services', './src/server', './src/cli'],
  },
  { target: './src/interop', from: ['./src/storage', './src/services', './src/server', './src/cli'] },
  { target: './src/storage', from: ['./src/services', './src/server', './src/cli'] },
  { target: './src/services', from: ['./src/server', './src/cli'] },
  { target: './src/cli', from: ['./src/server'] },
].map((zone) => ({ ...zone, message: inward }));

/** Core and services never speak HTTP, not even in their tests. */
const noHttp = [
  { target: './src/core', from: './src/server', message: inward },
  { target: './src/services', from: './src/server', message: inward },
];
const httpPackages = {
  patterns: [
    {
      group: ['fastify', 'fastify-*', '@fastify/*'],
      message: 'HTTP belongs in src/server; services throw domain errors',
    },
  ],
};

const tests = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**', 'test/**'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      '.dist-*/',
      'web/dist/',
      'node_modules/',
      'bench/.data/',
      'web/src/api/schema.d.ts',
      'coverage/',
    ],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.recommended],
    plugins: { 'import-x': importX },
    settings: {
      ...importX.flatConfigs.typescript.settings,
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['./tsconfig.json', './web/tsconfig.json', './test/*/tsconfig.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      // A `let` read by a closure before its one assignment cannot be a const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: tests,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layers }] },
  },
  {
    files: ['src/core/**/*.ts', 'src/services/**/*.ts'],
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: noHttp }],
      'no-restricted-imports': ['error', httpPackages],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/services/**/*.ts'],
    ignores: tests,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: [...layers, ...noHttp] }] },
  },
  {
    // Tests feed deliberately malformed values through typed interfaces.
    files: tests,
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
