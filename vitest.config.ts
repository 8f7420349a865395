/// <reference types="vitest/config" />
// Three test projects:
// - unit: schema, lint rules, lib, scripts in process and components through
//   Astro's container API; never builds the site (`npm run test:unit`).
// - build: checks over one shared `astro build` of the real content in dist/.
// - browser: Chromium (playwright-core) against that same dist/.
// `npm test` runs unit and build; `npm run test:browser` runs browser.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'build', include: ['tests/build/**/*.test.ts'], globalSetup: ['tests/support/build-once.ts'], testTimeout: 120_000, hookTimeout: 300_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
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
