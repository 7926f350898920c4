// Lint rules, including the layering of app/ (see the README's architecture section):
// shared ← core ← demo / db / trackers / server / sync ← cli / electron; renderer and extension see only app/shared.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const zone = (target, from, message) => ({ target, from, message });

/**
 * The layers' zones. Tests may also use the synthetic demo data (app/demo) as realistic input, wherever they are.
 */
const layerZones = ({ tests }) => {
  const demo = tests ? '|demo' : '';
  return [
    zone(
      './app/shared',
      './app/!(shared)/**/*',
      'app/shared is the contract: it imports nothing else of app.',
    ),
    zone('./app/core', './app/!(shared|core)/**/*', 'app/core is pure: it may import only app/shared.'),
    zone(
      './app/db',
      `./app/!(shared|core|db${demo})/**/*`,
      'app/db may import only app/shared and app/core.',
    ),
    zone(
      ['./app/core', './app/db'],
      ['./app/shared/errors.ts', './app/server'],
      'the model and the store speak DomainError (app/core/errors.ts); the wire error shape and its HTTP ' +
        'statuses belong to the transports (app/server/errors.ts, app/cli/errors.ts).',
    ),
    zone(
      './app/demo',
      './app/!(shared|core|demo)/**/*',
      'app/demo (the synthetic demo data) may import only app/shared and app/core.',
    ),
    zone(
      './app/trackers',
      `./app/!(shared|core|trackers${demo})/**/*`,
      'app/trackers may import only app/shared and app/core.',
    ),
    zone(
      './app/server',
      `./app/!(shared|core|db|server|sync${demo})/**/*`,
      'app/server may import app/shared, app/core, app/db and app/sync.',
    ),
    zone(
      './app/sync',
      // Tests may also serve their stores over the real API (app/server's test helpers).
      [
        `./app/!(shared|core|db|server|sync${demo})/**/*`,
        ...(tests ? [] : ['./app/server/!(export)/**/*', './app/server/*']),
      ],
      'app/sync (team sync and reports) may import app/shared, app/core, app/db and the export encoders.',
    ),
    zone('./app/cli', './app/electron', 'the CLI never imports electron code.'),
    zone('./renderer', './app/!(shared)/**/*', 'the renderer talks to app only through app/shared.'),
    zone('./extension', './app/!(shared)/**/*', 'the extension imports only app/shared.'),
    zone(
      './extension/src/popup',
      './extension/src/worker',
      'the popup talks to the service worker by messages only (shared types in extension/src).',
    ),
    zone(
      './extension/src/worker',
      './extension/src/popup',
      'the service worker never imports the popup (shared types in extension/src).',
    ),
  ];
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'coverage/**',
      '**/dist/**',
      'test-results/**',
      'dist-electron/**',
      'release/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { import: importPlugin },
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'import/no-restricted-paths': [
        'error',
        {
          zones: layerZones({ tests: false }),
        },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only app/electron may import electron.' }] },
      ],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.testing.ts'],
    rules: { 'import/no-restricted-paths': ['error', { zones: layerZones({ tests: true }) }] },
  },
  {
    // The core and the contract must run anywhere: no Node built-ins.
    files: ['app/shared/**/*.ts', 'app/core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'http', 'child_process', 'electron'],
              message: 'shared/core stay free of Node and Electron.',
            },
          ],
        },
      ],
    },
  },
  {
    // The desktop shell is the one place that talks to Electron.
    files: ['app/electron/**/*.{ts,cts}'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The dashboard runs in the browser; its build config and scripts run in Node.
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat.recommended,
  },
  {
    files: ['renderer/*.ts'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // The extension runs in Chrome: its service worker and popup see the browser's and chrome.* globals.
    files: ['extension/src/**/*.ts'],
    languageOptions: { globals: { ...globals.browser, ...globals.serviceworker, ...globals.webextensions } },
  },
  {
    // The extension's build (Vite config, icon drawing, zip) and the checkout's launcher run in Node.
    files: ['extension/*.ts', 'extension/build/**/*.ts', 'app/cli/*.mjs'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Command-line entry points and benchmarks print to the terminal on purpose.
    files: [
      'app/cli/**/*.{ts,mjs}',
      'bench/**/*.ts',
      'e2e/**/*.ts',
      'app/core/logger.ts',
      '.ci/**/*.ts',
      'vitest.config.ts',
    ],
    rules: { 'no-console': 'off' },
  },
);
