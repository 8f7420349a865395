#!/usr/bin/env node
// Runs queries on the built site's search page in Chromium and prints what a
// reader sees: `npm run search:try -- "mtls" "harbour"` after `npm run build`.
import { launchChromium } from '../tests/support/browser.ts';
import { serveDist } from '../tests/support/preview.ts';
import { ROOT } from '../tests/support/build-once.ts';
const server = await serveDist(ROOT);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
for (const q of process.argv.slice(2)) {
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(
    () => {
      const t = document.querySelector('#search-status')?.textContent ?? '';
      return t && !t.startsWith('Searching');
    },
    null,
    { timeout: 15000 },
  );
  const status = await page.textContent('#search-status');
  const titles = await page.$$eval('#search-results .result h2 a', (as) => as.map((a) => a.textContent));
  const subs = await page.$$eval('#search-results .result li a', (as) => as.slice(0, 4).map((a) => a.textContent));
  console.log(`${q} => ${status}\n   ${titles.slice(0, 8).join(' | ')}\n   subs: ${subs.join(' | ')}`);
}
await browser.close();
await server.close();
