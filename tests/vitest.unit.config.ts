// The unit project: schema, lint, lib, scripts in process, and components
// rendered through Astro's container API, which needs Astro's Vite setup.
// Never builds the site.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'unit',
    root: '..',
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts'],
  },
});
