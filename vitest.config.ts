import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'app/**/*.test.ts',
      'bench/**/*.test.ts',
      'renderer/src/**/*.test.ts',
      'extension/src/**/*.test.ts',
    ],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './.ci/summary-reporter.ts'],
  },
});
