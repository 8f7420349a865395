/// <reference types="vitest/config" />
// Unit, component (Astro container API) and build tests. Build tests run
// `astro build` once in globalSetup and read dist/. Browser tests have their
// own config (vitest.browser.config.ts).
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts', 'tests/build/**/*.test.ts'],
    globalSetup: ['tests/support/build-once.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
