// Search as a reader uses it: type, filter, follow a result to its anchor,
// share the URL, use the keyboard shortcut.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, type E2E } from '../support/e2e.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function resultTitles(page: import('playwright-core').Page): Promise<string[]> {
  await page.waitForSelector('#search-results .result h2 a');
  return page.$$eval('#search-results .result h2 a', (links) => links.map((a) => a.textContent ?? ''));
}

describe('search page', () => {
  it('shows results as the reader types, loading Pagefind only then', async () => {
    const { page, consoleErrors, cspViolations } = await e2e.open('/search/');
    const before = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => n.includes('pagefind')),
    );
    expect(before).toEqual([]);
    await page.fill('#page-search', 'mtls');
    const titles = await resultTitles(page);
    expect(titles.length).toBeGreaterThan(1);
    expect(titles).toContain('Linkerd');
    await expect.poll(() => page.textContent('#search-status')).toMatch(/\d+ projects? found for “mtls”/);
    expect(page.url()).toContain('/search/?q=mtls');
    const marked = await page.$$eval('#search-results mark', (marks) => marks.length);
    expect(marked).toBeGreaterThan(0);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('narrows results with a filter and keeps it in the URL', async () => {
    const { page } = await e2e.open('/search/?q=rbac');
    await resultTitles(page);
    const count = async () => Number(/(\d+) projects? found/.exec((await page.textContent('#search-status')) ?? '')?.[1]);
    const all = await count();
    // The filters are folded so results come first; the summary opens them.
    await page.click('.search-filters summary');
    await page.check('input[name="maturity"][value="Sandbox"]');
    await expect.poll(count).toBeLessThan(all);
    expect(await count()).toBeGreaterThan(0);
    expect(page.url()).toContain('maturity=Sandbox');
    const maturities = await page.$$eval('#search-results .result .badges .badge:first-child', (b) => b.map((x) => x.textContent));
    expect(new Set(maturities)).toEqual(new Set(['Sandbox']));
    await page.goBack();
    await expect.poll(() => page.isChecked('input[name="maturity"][value="Sandbox"]')).toBe(false);
  });

  it('ranks the project that names an exact flag first, and the link lands on the checklist item', async () => {
    const { page } = await e2e.open('/search/?q=skip_kubelet_verification');
    const titles = await resultTitles(page);
    expect(titles[0]).toBe('SPIFFE / SPIRE');
    const link = page.locator('#search-results .result').first().locator('ul a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/\/projects\/spiffe-spire\/#verify-kubelet$/);
    await link.click();
    await page.waitForURL(/#verify-kubelet$/);
    const target = await page.evaluate(() => document.querySelector(':target')?.textContent ?? '');
    expect(target).toContain('kubelet');
  });

  it.each([
    ['OPA', 'Open Policy Agent'],
    ['ESO', 'External Secrets Operator'],
    ['CNB', 'Cloud Native Buildpacks'],
    ['kyverno', 'Kyverno'],
  ])('a search for %s ranks its project first', async (query, name) => {
    const { page } = await e2e.open(`/search/?q=${encodeURIComponent(query)}`);
    const titles = await resultTitles(page);
    expect(titles[0]).toContain(name);
  });

  it('sorts by assessment date when asked', async () => {
    const { page } = await e2e.open('/search/?q=rbac&sort=date');
    await resultTitles(page);
    expect(await page.isChecked('#sort-date')).toBe(true);
    const dates = await page.$$eval('#search-results .result', (items) => items.map((li) => (li as HTMLElement).dataset.date ?? ''));
    expect(dates.length).toBeGreaterThan(2);
    expect(dates.filter(Boolean)).toEqual([...dates.filter(Boolean)].sort().reverse());
    // Relevance order is not date order for this query, so the sort really changed something.
    const { page: relevance } = await e2e.open('/search/?q=rbac');
    await resultTitles(relevance);
    const relevanceDates = await relevance.$$eval('#search-results .result', (items) =>
      items.map((li) => (li as HTMLElement).dataset.date ?? ''),
    );
    expect(relevanceDates).not.toEqual(dates);
  });

  it('restores the query and results after a reload', async () => {
    const { page } = await e2e.open('/search/?q=sbom');
    const first = await resultTitles(page);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.inputValue('#page-search')).toBe('sbom');
    expect(await resultTitles(page)).toEqual(first);
  });
});

describe('stable URLs', () => {
  it('a malformed %-escape gets an error response, not a crashed server, and the server keeps serving', async () => {
    const { page } = await e2e.open('/');
    // Astro's preview answers 404 or 500 depending on the path; the old hand-written server died with an unhandled rejection.
    expect((await page.request.get(`${e2e.server.url}/projects/%E0%A4%A/`)).status()).toBeGreaterThanOrEqual(400);
    expect((await page.request.get(`${e2e.server.url}/%E0%A4%A`)).status()).toBeGreaterThanOrEqual(400);
    expect((await page.request.get(`${e2e.server.url}/projects/flux/`)).status()).toBe(200);
  });

  it('an old project URL lands on the renamed project page', async () => {
    const { page } = await e2e.open('/projects/opa/');
    await page.waitForURL(/\/projects\/open-policy-agent\/$/);
    expect(await page.textContent('h1')).toBe('Open Policy Agent');
  });
});

describe('search from any page', () => {
  it('"/" focuses the header search and Enter goes to the search page', async () => {
    const { page, consoleErrors } = await e2e.open('/projects/flux/');
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('site-search');
    await page.keyboard.type('SOPS');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=SOPS/);
    expect(await resultTitles(page)).toContain('Flux');
    expect(consoleErrors).toEqual([]);
  });

  it('without JavaScript the header form still reaches /search/, which explains itself', async () => {
    const { page } = await e2e.open('/', { javaScriptEnabled: false });
    await page.fill('#site-search', 'mtls');
    await page.press('#site-search', 'Enter');
    await page.waitForURL(/\/search\/\?q=mtls/);
    const text = await page.textContent('main');
    expect(text).toContain('Search needs JavaScript');
    expect(await page.getByRole('link', { name: 'project catalog' }).count()).toBe(1);
  });
});

describe('when the index fails to load', () => {
  it('says the search failed instead of "Searching…" forever, and the next search works', async () => {
    const { page } = await e2e.open('/search/');
    let failing = true;
    await page.route('**/pagefind/**/*.pf_fragment', (route) => (failing ? route.abort() : route.continue()));
    await page.fill('#page-search', 'mtls');
    await expect.poll(() => page.textContent('#search-status'), { timeout: 10_000 }).toMatch(/search failed/i);
    expect(await page.isEnabled('#page-search')).toBe(true);
    failing = false;
    await page.fill('#page-search', 'rbac');
    await expect.poll(() => page.textContent('#search-status'), { timeout: 10_000 }).toMatch(/\d+ projects? found for “rbac”/);
  });
});
