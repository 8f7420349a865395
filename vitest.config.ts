// Three test projects:
// - unit (tests/vitest.unit.config.ts): schema, lint rules, lib, scripts in
//   process, components via Astro's container API; never builds the site.
// - build: checks over one shared `astro build` of the real content in dist/.
// - browser: Chromium (playwright-core) against that same dist/, served by
//   Astro's preview server.
// `npm test` runs unit and build; `npm run test:unit` the inner loop;
// `npm run test:browser` the browser project.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      'tests/vitest.unit.config.ts',
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
          fileParallelism: false,
        },
      },
    ],
  },
});
