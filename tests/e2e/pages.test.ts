// Every kind of page in a real browser: no console errors, no CSP violations,
// no request leaving the local server, axe-core clean at WCAG 2.2 A/AA in
// light and dark, usable by keyboard alone, and no sideways scrolling at 360 px.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/e2e.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

const PAGES = [
  ['home', '/'],
  ['catalog', '/projects/'],
  ['catalog by maturity', '/projects/by-maturity/'],
  ['project guide', '/projects/spiffe-spire/'],
  ['volunteer-drafted guide', '/projects/linkerd/'],
  ['audit-only project', '/projects/falco/'],
  ['audits', '/audits/'],
  ['about', '/about/'],
  ['critical actions across guides', '/checklists/critical/'],
  ['my stack, nothing picked', '/stack/'],
  ['my stack with three projects', '/stack/?p=harbor,keycloak,flux'],
  ['search with a query', '/search/?q=mtls'],
  ['404', '/no-such-page/'],
] as const;

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function settle(page: Page, path: string): Promise<void> {
  if (path.startsWith('/search/')) await page.waitForSelector('#search-results .result');
  if (path.startsWith('/stack/?')) await page.waitForSelector('.stack-item .progress-item');
}

async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: Document,
            opts: object,
          ) => Promise<{ violations: Array<{ id: string; help: string; nodes: Array<{ target: string[] }> }> }>;
        };
      }
    ).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: tags } });
  }, WCAG_TAGS);
  return result.violations.map(
    (v) =>
      `${v.id}: ${v.help} (${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(', ')})`,
  );
}

describe.each(PAGES)('%s (%s)', (_name, path) => {
  it('loads with no console errors, CSP violations or third-party requests, and does not scroll sideways at 360 px', async () => {
    const { page, consoleErrors, cspViolations, foreignRequests } = await e2e.open(path);
    await settle(page, path);
    expect(consoleErrors.filter((e) => !(path === '/no-such-page/' && e.includes('404')))).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(foreignRequests).toEqual([]);
    // The same page on a small phone.
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('has no axe violations at WCAG 2.2 AA in light mode, nor in dark mode', async () => {
    const { page } = await e2e.open(path, { colorScheme: 'light', bypassCSP: true });
    await settle(page, path);
    expect(await axeViolations(page), 'light').toEqual([]);
    // The same page in the dark scheme: colours are the only thing that changes.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await axeViolations(page), 'dark').toEqual([]);
  });
});

async function tabStops(page: Page, max: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    stops.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        return el.id
          ? `#${el.id}`
          : `${el.tagName.toLowerCase()}[href=${el.getAttribute('href') ?? ''}][name=${el.getAttribute('name') ?? ''}][value=${el.getAttribute('value') ?? ''}]`;
      }),
    );
  }
  return stops;
}

describe('keyboard only', () => {
  it('reaches the search field and every checklist item of a guide', async () => {
    const { page } = await e2e.open('/projects/spiffe-spire/');
    const ids = await page.$$eval('.checklist-item h3', (h) => h.map((x) => x.id));
    const stops = await tabStops(page, 200);
    expect(stops).toContain('#site-search');
    for (const id of ids) expect(stops, id).toContain(`a[href=#${id}][name=][value=]`);
  });

  it('reaches the query and, after opening the folded filters from the keyboard, every filter on the search page', async () => {
    const { page } = await e2e.open('/search/');
    const filters = await page.$$eval('#search-form input[type=checkbox], #search-form select', (els) => els.map((el) => el.id));
    await page.focus('#page-search');
    await page.keyboard.press('Tab'); // the Search button
    await page.keyboard.press('Tab'); // the Filters summary
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Enter');
    const stops = await tabStops(page, 60);
    for (const id of filters) expect(stops, id).toContain(`#${id}`);
  });

  it('the skip link is the first stop and moves focus to the content', async () => {
    const { page } = await e2e.open('/about/');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
  });
});

describe('copy link', () => {
  it('copies an item permalink to the clipboard', async () => {
    const { page } = await e2e.open('/projects/spiffe-spire/', { permissions: ['clipboard-read', 'clipboard-write'] });
    const button = page.locator('button[data-copy-link="verify-kubelet"]');
    await button.click();
    await expect.poll(() => button.textContent()).toBe('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/\/projects\/spiffe-spire\/#verify-kubelet$/);
  });
});

describe('reading a guide', () => {
  it('on a wide screen the page index comes early in the tab order and stays in view', async () => {
    const { page } = await e2e.open('/projects/harbor/', { viewport: { width: 1280, height: 900 } });
    // Skip link, four header links, search field and button, breadcrumbs: the index follows.
    const stops = await tabStops(page, 17);
    expect(stops).toContain('a[href=#reporting-a-vulnerability][name=][value=]');
    await page.locator('#project-facts').scrollIntoViewIfNeeded();
    const box = await page.locator('.toc--sidebar').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(900);
  });

  it('on a phone the page index is a folded list above the checklist', async () => {
    const { page } = await e2e.open('/projects/harbor/', { viewport: { width: 390, height: 844 } });
    const toc = page.locator('details.toc--collapsible');
    expect(await toc.isVisible()).toBe(true);
    expect(await toc.getAttribute('open')).toBeNull();
    const [tocBox, checklistBox] = [await toc.boundingBox(), await page.locator('#secure-usage-checklist').boundingBox()];
    expect(tocBox!.y).toBeLessThan(checklistBox!.y);
    expect(await page.locator('.toc--sidebar').isVisible()).toBe(false);
  });

  it('lists open findings first, marked in words and with a symbol, under a name unlike the narrative section', async () => {
    const { page } = await e2e.open('/projects/wasmedge/');
    const statuses = await page.$$eval('.finding', (items) => items.map((li) => (li as HTMLElement).dataset.status));
    expect(statuses[0]).toBe('open');
    expect(statuses.lastIndexOf('open')).toBeLessThan(statuses.findIndex((s) => s !== 'open'));
    expect(await page.locator('.finding').first().locator('.finding__status').textContent()).toBe('● Open');
    expect(await page.textContent('#findings')).toBe('What became of the recommendations');
  });

  it('announces "Link copied" to screen readers', async () => {
    const { page } = await e2e.open('/projects/spiffe-spire/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.locator('button[data-copy-link="verify-kubelet"]').click();
    await expect.poll(() => page.textContent('#announcer')).toBe('Link to this item copied');
    expect(await page.getAttribute('#announcer', 'aria-live')).toBe('polite');
  });

  it('the home page says how its project count splits', async () => {
    const { page } = await e2e.open('/');
    expect(await page.textContent('.stats__note')).toMatch(/^\d+ with a TAG assessment, \d+ with audits only$/);
  });
});
