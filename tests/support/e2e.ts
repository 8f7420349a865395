// Shared browser-test setup: one server over dist/, one Chromium, and a page
// factory that records console errors, CSP violations and off-site requests.
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { serveDist, type SiteServer } from './preview.ts';
import { ROOT } from './build-once.ts';

export interface Recorded {
  page: Page;
  consoleErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

export interface E2E {
  server: SiteServer;
  browser: Browser;
  open: (path: string, options?: BrowserContextOptions) => Promise<Recorded>;
  close: () => Promise<void>;
}

export async function startE2E(): Promise<E2E> {
  const server = await serveDist(ROOT);
  const browser = await launchChromium();
  // One context per set of options, shared by the tests of a file: its HTTP
  // cache keeps Pagefind's bundle and index warm, so each search test pays
  // for its own query, not for reloading the engine. Pages are kept open a
  // little while (a test may compare two) and then closed.
  const contexts = new Map<string, BrowserContext>();
  const pages: Page[] = [];
  return {
    server,
    browser,
    async open(path, options = {}) {
      const key = JSON.stringify(options);
      let context = contexts.get(key);
      if (!context) {
        context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
        contexts.set(key, context);
      }
      const page = await context.newPage();
      pages.push(page);
      if (pages.length > 4) await pages.shift()!.close();
      const recorded: Recorded = { page, consoleErrors: [], cspViolations: [], foreignRequests: [] };
      page.on('console', (message) => {
        if (message.type() === 'error') recorded.consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => recorded.consoleErrors.push(String(error)));
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
          recorded.foreignRequests.push(request.url());
      });
      await page.exposeFunction('__reportCsp', (text: string) => recorded.cspViolations.push(text));
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(`${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await page.goto(server.url + path, { waitUntil: 'load' });
      return recorded;
    },
    async close() {
      for (const context of contexts.values()) await context.close();
      await browser.close();
      await server.close();
    },
  };
}
