/// <reference types="vitest/config" />
// Browser tests: playwright-core driving the system Chromium against dist/
// served on 127.0.0.1. Builds first unless POSTURE_SKIP_BUILD=1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
