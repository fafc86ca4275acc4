import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**'],
    environment: 'node',
    // Property-based and DOM suites do real work; a busy machine must slow them, not fail them.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
