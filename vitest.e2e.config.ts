import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests in real Chromium and Firefox against the built extension (`npm run test:e2e`
 * builds it first). One file at a time: each launches a browser, and this machine has two cores.
 */
export default defineConfig({
  resolve: { alias: { '@': resolve(import.meta.dirname) } },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['verbose'],
    globalSetup: ['tests/e2e/harness/global-setup.ts'],
  },
});
