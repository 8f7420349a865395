// Four test projects:
// - unit: schema, lint rules, lib, scripts in process; plain Node, no Astro
//   setup, workers reused across files (isolate: false) for speed.
// - components (tests/vitest.components.config.ts): Astro's container API.
// - build: checks over one shared `astro build` of the real content in dist/.
// - browser: Chromium (playwright-core) against that same dist/, served by
//   Astro's preview server.
// `npm test` runs unit, components and build; `npm run test:unit` runs unit
// and components, the inner loop (never builds);
// `npm run test:browser` the browser project.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'], isolate: false, pool: 'threads' } },
      'tests/vitest.components.config.ts',
      {
        test: {
          name: 'build',
          environment: 'node',
          include: ['tests/build/**/*.test.ts'],
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/build-once.ts'],
          testTimeout: 60_000,
          hookTimeout: 300_000,
          // Each file runs its own Chromium and preview server; most of a browser
          // test is waiting on the page, so two files at once fit two cores.
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
