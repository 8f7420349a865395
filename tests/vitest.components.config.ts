// The components project: components rendered through Astro's container API,
// which needs Astro's Vite setup. Never builds the site.
import { getViteConfig } from 'astro/config';

export default getViteConfig({
  test: {
    name: 'components',
    root: '..',
    environment: 'node',
    include: ['tests/components/**/*.test.ts'],
  },
});
