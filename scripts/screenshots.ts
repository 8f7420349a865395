#!/usr/bin/env node
// Screenshots of the built site at phone and desktop widths, light and dark:
// `node scripts/screenshots.ts [outDir] [path...]` after `npm run build`.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromium } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/preview.ts';

const root = resolve(import.meta.dirname, '..');
const [outArg, ...pathArgs] = process.argv.slice(2);
const outDir = resolve(outArg ?? '.screenshots');
const paths = pathArgs.length > 0 ? pathArgs : ['/', '/projects/', '/projects/spiffe-spire/', '/audits/', '/search/?q=mtls'];
mkdirSync(outDir, { recursive: true });

const server = await serveDist(root);
const browser = await launchChromium();
try {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: scheme });
      for (const path of paths) {
        await page.goto(server.url + path, { waitUntil: 'networkidle' });
        if (path.startsWith('/search/')) await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => undefined);
        const name = `${path.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${scheme}.png`;
        await page.screenshot({ path: resolve(outDir, name), fullPage: process.env.FULL_PAGE === '1' });
        console.log(resolve(outDir, name));
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
