// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentGate } from './src/integrations/content-gate.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { BUILD_NOW } from './src/site/now.ts';
import { styleToClassTransformer, LIGHT_THEME, DARK_THEME } from './src/lib/syntax-classes.ts';

// SITE and BASE let the same build serve a custom domain or a GitHub Pages
// project site (https://<owner>.github.io/<repo>/).
const site = process.env.SITE ?? 'https://posture.example';
const base = process.env.BASE ?? '/';

export default defineConfig({
  site,
  base,
  // Tests build a second copy elsewhere to prove builds are reproducible.
  outDir: process.env.POSTURE_OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // Pages are written while the next ones render: the render phase was half idle, waiting on file writes.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  devToolbar: { enabled: false },
  // Guides and their exports carry a cacheKey (src/site/page-cache-key.ts): a rebuild copies
  // the unchanged ones from the last build (kept in node_modules/.astro) instead of rendering them.
  experimental: { incrementalBuild: true },
  integrations: [contentGate({ now: BUILD_NOW }), mdx(), pagefindIndex()],
  markdown: {
    shikiConfig: {
      themes: { light: LIGHT_THEME, dark: DARK_THEME },
      defaultColor: false,
      transformers: [styleToClassTransformer],
    },
  },
  vite: {
    build: {
      rolldownOptions: {
        // Every MDX entry triggers a harmless "use astro:head-inject" directive
        // warning (withastro/astro#18087); drop that one so real warnings show.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
          warn(warning);
        },
      },
    },
  },
});
