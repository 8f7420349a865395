// Search as operators used it in review: every answer reachable, no machine
// noise in results, nothing wider than a phone, results before filters, and
// matching that does not mislead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startE2E, type E2E } from '../support/e2e.ts';

let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
});

async function settled(page: Page): Promise<string> {
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return text !== '' && !text.startsWith('Searching');
  });
  return (await page.textContent('#search-status')) ?? '';
}

const titles = (page: Page) => page.$$eval('#search-results .result h2 a', (links) => links.map((a) => a.textContent ?? ''));

const QUERIES = [
  'mtls',
  'sbom',
  'tls',
  'rbac',
  'secrets',
  'encryption',
  'admission webhook',
  'cosign',
  'signing',
  'audit log',
  'network policy',
  'etcd',
  'oidc',
  'kms',
  'fuzzing',
  'supply chain',
  'report a vulnerability',
  'service account',
  'rate limit',
  'denial of service',
  'skip_kubelet_verification',
  'application/vnd.cncf.flux.content.v1.tar+gzip',
];

describe('every answer', () => {
  it('a query matching more than 20 projects can show all of them', async () => {
    const { page } = await e2e.open('/search/?q=tls');
    const status = await settled(page);
    const total = Number(/^(\d+) projects found/.exec(status)?.[1]);
    expect(total).toBeGreaterThan(20);
    expect(await titles(page)).toHaveLength(20);
    expect(await page.textContent('#search-more')).toMatch(
      new RegExp(`Show ${Math.min(20, total - 20)} more \\(${total - 20} not shown yet\\)`),
    );
    while (await page.isVisible('#search-more')) await page.click('#search-more');
    await expect.poll(async () => (await titles(page)).length).toBe(total);
    expect(new Set(await titles(page)).size).toBe(total);
  });
});

describe('clean results', () => {
  it(`no anchors, screen-reader hints, buttons or glued words in titles and excerpts, over ${QUERIES.length} queries`, async () => {
    const { page } = await e2e.open('/search/');
    const found: string[] = [];
    for (const query of QUERIES) {
      // Typed as a reader would: the engine stays loaded between queries.
      await page.fill('#page-search', query);
      await page.waitForFunction((q) => (document.querySelector('#search-status')?.textContent ?? '').includes(`“${q}”`), query);
      // Titles and excerpts as Pagefind gives them, each on its own (the badges around them are ours).
      const texts = await page.$$eval('#search-results .result', (items) =>
        items.flatMap((item) => [...item.querySelectorAll('h2 a, ul li > a, p:not(.badges)')].map((el) => el.textContent ?? '')),
      );
      if (texts.length > 0) found.push(query);
      const text = texts.join('\n');
      for (const noise of ['Link to this section', '(external site)', 'Permalink', 'Copy link', 'Link to the section']) {
        expect(text, `${query}: ${noise}`).not.toContain(noise);
      }
      // A status or label run into the next block ("Status not recordedTo the project:").
      expect(text, query).not.toMatch(/(recorded|Fixed|Open|fix|Won’t fix)To the/);
      expect(text, query).not.toMatch(/[a-z]{3}(Why|How|Stated in|Our advice|Severity):/);
    }
    expect(found.length).toBeGreaterThanOrEqual(20);
  });

  it('a checklist item’s sub-result carries its own severity and basis, not its neighbour’s', async () => {
    const { page } = await e2e.open('/search/?q=skip_kubelet_verification');
    await settled(page);
    const sub = page.locator('#search-results .result').first().locator('ul li').first();
    const badges = await sub.locator('.result__sub-badges .badge').allTextContents();
    expect(badges[0]).toMatch(/^(Critical|High|Medium|Low)$/);
    expect(badges[1]).toMatch(/^(Our advice|Stated in the assessment)$/);
    const href = (await sub.locator('a').first().getAttribute('href')) ?? '';
    const { page: guide } = await e2e.open(href);
    const severity = await guide.locator(':target').locator('xpath=ancestor::li[1]').getAttribute('data-severity');
    expect(badges[0]!.toLowerCase()).toBe(severity);
  });
});

describe('phones', () => {
  const wide = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth);

  it('results for ten queries do not scroll sideways at 360 px', async () => {
    const { page } = await e2e.open('/search/', { viewport: { width: 360, height: 740 } });
    for (const query of QUERIES.slice(0, 10)) {
      await page.fill('#page-search', query);
      await page.waitForFunction((q) => (document.querySelector('#search-status')?.textContent ?? '').includes(`“${q}”`), query);
      expect(await wide(page), query).toBeLessThanOrEqual(360);
    }
  });

  it('every page type does not scroll sideways at 360 px', async () => {
    const { page } = await e2e.open('/', { viewport: { width: 360, height: 740 } });
    for (const path of [
      '/',
      '/projects/',
      '/projects/by-category/',
      '/projects/kyverno/',
      '/projects/flux/',
      '/projects/falco/',
      '/audits/',
      '/audits/by-project/',
      '/changes/',
      '/about/',
      '/search/',
    ]) {
      await page.goto(e2e.server.url + path, { waitUntil: 'load' });
      expect(await wide(page), path).toBeLessThanOrEqual(360);
    }
  });

  it('a permalink landing at 390 px shows the project, its age and the item’s severity', async () => {
    const { page } = await e2e.open('/projects/harbor/#protect-encryption-key', { viewport: { width: 390, height: 844 } });
    const item = page.locator('li[data-item="protect-encryption-key"]');
    const context = item.locator('.checklist-item__context');
    await expect.poll(() => context.isVisible()).toBe(true);
    expect(await context.textContent()).toMatch(/^Harbor · (Current|Aging|Stale): .+ old$/);
    const inView = async (selector: string) =>
      item
        .locator(selector)
        .first()
        .evaluate((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth;
        });
    expect(await inView('.checklist-item__context')).toBe(true);
    expect(await inView('.badge')).toBe(true);
    expect(await inView('h3')).toBe(true);
  });
});

describe('results first', () => {
  it('with a query in the URL, the first result is in the first viewport at 1280×900, and a few Tabs reach it', async () => {
    const { page } = await e2e.open('/search/?q=rbac', { viewport: { width: 1280, height: 900 } });
    await settled(page);
    const box = await page.locator('#search-results .result h2 a').first().boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(900);
    await page.focus('#page-search');
    let presses = 0;
    while (presses < 6) {
      await page.keyboard.press('Tab');
      presses++;
      if (await page.evaluate(() => document.activeElement?.closest('#search-results') !== null)) break;
    }
    expect(await page.evaluate(() => document.activeElement?.closest('.result') !== null)).toBe(true);
    expect(presses).toBeLessThanOrEqual(4);
  });

  it('the folded filters say how many are on', async () => {
    const { page } = await e2e.open('/search/?q=rbac&maturity=Sandbox&audited=Yes');
    await settled(page);
    expect(await page.isVisible('input[name="maturity"]')).toBe(false);
    expect(await page.textContent('.search-filters summary')).toBe('Filters (2 on)');
  });
});

describe('matching that does not mislead', () => {
  it('"harbour" puts Harbor first and says it found no exact match', async () => {
    const { page } = await e2e.open('/search/?q=harbour');
    const status = await settled(page);
    expect((await titles(page))[0]).toBe('Harbor');
    expect(status).toContain('No exact match for “harbour”');
    expect(
      await page.$$eval('#search-results mark', (marks) => marks.map((m) => m.textContent).filter((t) => /^ha$/i.test(t ?? ''))),
    ).toEqual([]);
  });

  it('"linkerd security contact" finds Linkerd', async () => {
    const { page } = await e2e.open('/search/?q=linkerd%20security%20contact');
    await settled(page);
    expect((await titles(page))[0]).toBe('Linkerd');
  });

  it('"how do I report a vulnerability in Linkerd" retries with its meaningful words and shows the section', async () => {
    const { page } = await e2e.open(`/search/?q=${encodeURIComponent('how do I report a vulnerability in Linkerd')}`);
    const status = await settled(page);
    expect(status).toContain('these results match “report vulnerability linkerd”');
    expect((await titles(page))[0]).toBe('Linkerd');
    expect(await page.locator('#search-results .result').first().locator('ul a').allTextContents()).toContain('Reporting a vulnerability');
  });

  it('"report a vulnerability" highlights no stop word', async () => {
    const { page } = await e2e.open('/search/?q=report%20a%20vulnerability');
    await settled(page);
    const marked = await page.$$eval('#search-results mark', (marks) => marks.map((m) => (m.textContent ?? '').toLowerCase()));
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.filter((word) => ['a', 'an', 'the', 'in', 'of'].includes(word))).toEqual([]);
  });

  it('an empty search gives a hint, and a query with no match says so', async () => {
    const { page } = await e2e.open('/search/');
    await page.click('#search-form button[type="submit"]');
    expect(await page.textContent('#search-status')).toContain('Type what you are looking for first');
    await page.fill('#page-search', 'zzqxjw');
    await expect.poll(() => page.textContent('#search-status')).toMatch(/^No results for “zzqxjw”/);
  });

  it('filters by third-party audit and by open findings', async () => {
    const { page } = await e2e.open('/search/?q=tls&audited=Yes&openFindings=Yes');
    await settled(page);
    const found = await titles(page);
    expect(found.length).toBeGreaterThan(0);
    const { page: none } = await e2e.open('/search/?q=tls&audited=No&openFindings=Yes');
    await settled(none);
    expect(await titles(none)).not.toEqual(found);
  });
});
