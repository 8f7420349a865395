// My stack and progress as an operator uses them: pick projects by keyboard,
// read one list most severe first, share it by URL, tick items off, export
// and import, and see an item whose text changed come back unticked.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StackExport } from '../../src/lib/stack.ts';
import { SEVERITIES } from '../../src/schema/enums.ts';
import { buildSite, ROOT } from '../support/build-once.ts';
import { startE2E, type E2E } from '../support/e2e.ts';
import { serveDist } from '../support/preview.ts';

const scratch = mkdtempSync(join(tmpdir(), 'posture-stack-'));
let e2e: E2E;
beforeAll(async () => {
  e2e = await startE2E();
});
afterAll(async () => {
  await e2e?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const severities = (page: Page) => page.$$eval('.stack-item', (items) => items.map((li) => (li as HTMLElement).dataset.severity ?? ''));
const isMostSevereFirst = (list: string[]) =>
  list.every((s, i) => i === 0 || SEVERITIES.indexOf(s as never) >= SEVERITIES.indexOf(list[i - 1] as never));

async function freshPage(path: string, options = {}) {
  const opened = await e2e.open('/about/', options);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.goto(e2e.server.url + path);
  return opened;
}

async function saved(page: Page, trigger: () => Promise<void>): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const path = join(scratch, download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
}

describe('/stack/', () => {
  it('picks Harbor, Keycloak and Flux by keyboard alone, lists their items most severe first, and keeps them on reload', async () => {
    const { page, consoleErrors, cspViolations, foreignRequests } = await freshPage('/stack/');
    // Tab from the top of the page to the picker.
    for (let i = 0; i < 30 && (await page.evaluate(() => document.activeElement?.id)) !== 'stack-search'; i++)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('stack-search');
    // "goharbor" is one of Harbor's other names.
    await page.keyboard.type('goharb');
    expect(await page.getAttribute('#stack-search', 'aria-expanded')).toBe('true');
    await page.keyboard.press('Enter');
    // The arrows move through the matches; a name that starts with the query comes first.
    await page.keyboard.type('key');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.getAttribute('#stack-search', 'aria-activedescendant')).toBe('stack-option-keycloak');
    await page.keyboard.press('Enter');
    await page.keyboard.type('flux');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/\/stack\/\?p=harbor,keycloak,flux$/);
    await expect.poll(() => page.textContent('[data-stack-status]')).toMatch(/^\d+ items from Harbor, Keycloak and Flux\.$/);
    const first = await severities(page);
    expect(first.length).toBeGreaterThan(20);
    expect(isMostSevereFirst(first)).toBe(true);
    const projects = await page.$$eval('.stack-item', (items) => items.map((li) => (li as HTMLElement).dataset.project));
    expect([...new Set(projects)].sort()).toEqual(['flux', 'harbor', 'keycloak']);
    expect(await page.$$eval('[data-stack-projects] li', (lis) => lis.map((li) => li.textContent))).toEqual([
      expect.stringMatching(/^Harbor: .+ old \(.+\) · Graduated · .+ · \d+ open findings? · checked against its sources on \d+ \w+ \d{4}$/),
      expect.stringMatching(/^Keycloak: /),
      expect.stringMatching(/^Flux: /),
    ]);

    await page.reload();
    await page.waitForSelector('.stack-item');
    expect(await page.$$eval('[data-stack-chosen] li', (lis) => lis.map((li) => li.firstChild?.textContent))).toEqual([
      'Harbor',
      'Keycloak',
      'Flux',
    ]);
    expect(await severities(page)).toEqual(first);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  it('loads only the chosen guides’ checklist files', async () => {
    const { page } = await freshPage('/stack/?p=harbor,flux');
    await page.waitForSelector('.stack-item');
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((r) => new URL(r.name).pathname)
        .filter((p) => p.endsWith('.json')),
    );
    expect(fetched.sort()).toEqual(['/projects/flux/checklist.json', '/projects/harbor/checklist.json']);
  });

  it('groups by project on request, and the grouping is part of the shared URL', async () => {
    const { page } = await freshPage('/stack/?p=harbor,flux');
    await page.waitForSelector('.stack-item');
    await page.check('input[name="group"][value="project"]');
    await expect.poll(() => page.url()).toMatch(/\?p=harbor,flux&group=project$/);
    expect(await page.$$eval('.stack-group h3', (hs) => hs.map((h) => h.textContent?.replace(/ \(\d+\)$/, '')))).toEqual([
      'Harbor',
      'Flux',
    ]);
    const projects = await page.$$eval('.stack-item', (items) => items.map((li) => (li as HTMLElement).dataset.project));
    expect(projects.lastIndexOf('harbor')).toBeLessThan(projects.indexOf('flux'));
  });

  it('ticks two items, keeps them after a reload and on the guide, and exports Markdown, CSV and JSON with progress and notes', async () => {
    const { page } = await freshPage('/stack/?p=harbor,keycloak,flux');
    await page.waitForSelector('.stack-item .progress-item');
    const items = page.locator('.stack-item');
    const total = await items.count();
    const firstId = await items.nth(0).getAttribute('data-item');
    await items.nth(0).locator('input[data-state="done"]').check();
    await items.nth(1).locator('input[data-state="not-applicable"]').check();
    await items.nth(0).locator('summary').click();
    await items.nth(0).locator('textarea').fill('Done on prod, see OPS-42');
    await items.nth(0).locator('textarea').blur();
    await expect.poll(() => page.textContent('.progress-tools__status')).toBe(`1 of ${total} done, 1 not applicable`);

    await page.reload();
    await page.waitForSelector('.stack-item .progress-item');
    expect(await items.nth(0).locator('input[data-state="done"]').isChecked()).toBe(true);
    expect(await items.nth(1).locator('input[data-state="not-applicable"]').isChecked()).toBe(true);
    expect(await items.nth(0).locator('textarea').inputValue()).toBe('Done on prod, see OPS-42');

    const json = JSON.parse(await saved(page, () => page.click('[data-stack-download="json"]'))) as StackExport;
    expect(json.items).toHaveLength(total);
    expect(json.items[0]).toMatchObject({ id: firstId, progress: 'done', progressNote: 'Done on prod, see OPS-42' });
    expect(json.items[1]!.progress).toBe('not-applicable');
    expect(json.progress).toBe(`1 of ${total} done, 1 not applicable`);
    const csv = parseCsv<Record<string, string>>(await saved(page, () => page.click('[data-stack-download="csv"]')), {
      columns: true,
      record_delimiter: '\r\n',
    });
    expect(csv.map((r) => [r.id, r.progress, r.progressNote])).toEqual(json.items.map((i) => [i.id, i.progress, i.progressNote]));
    const md = await saved(page, () => page.click('[data-stack-download="md"]'));
    expect(md).toMatch(/^# Secure-usage checklist: Harbor, Keycloak, Flux$/m);
    expect(md.match(/^- \[x\] /gm)).toHaveLength(2);
    expect(md).toContain('  - Note: Done on prod, see OPS-42');

    // The guide reads the same progress.
    const project = (await items.nth(0).getAttribute('data-project'))!;
    await page.goto(`${e2e.server.url}/projects/${project}/`);
    await page.waitForSelector('.checklist-item .progress-item');
    expect(await page.locator(`.checklist-item[data-item="${firstId}"] input[data-state="done"]`).isChecked()).toBe(true);
  });

  it('exports progress as a file that restores it after Clear', async () => {
    const { page } = await freshPage('/stack/?p=flux');
    await page.waitForSelector('.stack-item .progress-item');
    await page.locator('.stack-item').nth(0).locator('input[data-state="done"]').check();
    await page.locator('.stack-item').nth(2).locator('input[data-state="done"]').check();
    const file = await saved(page, () => page.click('[data-progress-export]'));
    expect(JSON.parse(file)).toMatchObject({ format: 'posture-progress', version: 1, items: [{ project: 'flux' }, { project: 'flux' }] });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-progress-clear]');
    await expect.poll(() => page.textContent('.progress-tools__status')).toMatch(/^0 of \d+ done$/);
    const path = join(scratch, 'progress.json');
    writeFileSync(path, file);
    await page.setInputFiles('.progress-tools input[type=file]', path);
    await expect.poll(() => page.textContent('.progress-tools__status')).toMatch(/^2 of \d+ done$/);
    await page.setInputFiles('.progress-tools input[type=file]', {
      name: 'notes.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"hello":1}'),
    });
    await expect.poll(() => page.textContent('.progress-tools__message')).toContain('Nothing imported from notes.json');
    await expect.poll(() => page.textContent('.progress-tools__status')).toMatch(/^2 of \d+ done$/);
  });

  it('copies the combined list as Markdown', async () => {
    const { page } = await freshPage('/stack/?p=harbor', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.waitForSelector('.stack-item');
    await page.click('[data-stack-copy]');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^# Secure-usage checklist: Harbor\n/);
  });

  it('without JavaScript explains itself and links every guide’s checklist files', async () => {
    const { page } = await e2e.open('/stack/?p=harbor', { javaScriptEnabled: false });
    expect(await page.isVisible('[data-stack-nojs]')).toBe(true);
    expect(await page.isVisible('[data-stack-app]')).toBe(false);
    for (const format of ['md', 'csv', 'json'])
      expect(await page.locator(`a[href="/projects/harbor/checklist.${format}"]`).count()).toBe(1);
  });
});

describe('progress on a guide', () => {
  it('appears when asked for, ticks two items that stay ticked after a reload, and loads by itself from then on', async () => {
    const { page, consoleErrors, cspViolations } = await freshPage('/projects/harbor/');
    expect(await page.locator('.progress-item').count()).toBe(0);
    await page.click('[data-progress-start]');
    await page.waitForSelector('.checklist-item .progress-item');
    const items = page.locator('.checklist-item');
    const total = await items.count();
    await items.nth(0).locator('input[data-state="done"]').check();
    await items.nth(3).locator('input[data-state="done"]').check();
    await expect.poll(() => page.textContent('.progress-tools__status')).toBe(`2 of ${total} done`);
    await page.reload();
    await page.waitForSelector('.checklist-item .progress-item');
    expect(await items.nth(0).locator('input[data-state="done"]').isChecked()).toBe(true);
    expect(await items.nth(3).locator('input[data-state="done"]').isChecked()).toBe(true);
    expect(await items.nth(1).locator('input[data-state="done"]').isChecked()).toBe(false);
    expect(await page.textContent('.progress-tools__status')).toBe(`2 of ${total} done`);
    expect(consoleErrors).toEqual([]);
    expect(cspViolations).toEqual([]);
  });

  it('copies the checklist as Markdown', async () => {
    const { page } = await freshPage('/projects/flux/', { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.click('[data-copy-markdown]');
    await expect.poll(() => page.textContent('[data-copy-markdown]')).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(readFileSync(resolve(ROOT, 'dist/projects/flux/checklist.md'), 'utf8'));
  });

  it('brings an item whose text changed in a later build back unticked, with a note saying so', async () => {
    // A second build of the site in which one Harbor item reads differently.
    const content = join(scratch, 'content');
    cpSync(resolve(ROOT, 'content/assessments'), content, { recursive: true });
    const harbor = join(content, 'harbor.mdx');
    const original = readFileSync(harbor, 'utf8');
    const edited = original.replace(
      'action: Supply your own certificates and keep HTTPS on',
      'action: Supply your own certificates, renew them, and keep HTTPS on',
    );
    expect(edited).not.toBe(original);
    writeFileSync(harbor, edited);
    const changedBuild = join(scratch, 'changed-dist');
    buildSite({ POSTURE_OUT_DIR: changedBuild, POSTURE_CONTENT_DIR: content });

    // Tick two items against today's build, then serve the changed build from the same origin.
    const before = await serveDist(ROOT);
    const context = await e2e.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${before.url}/projects/harbor/`);
      await page.click('[data-progress-start]');
      await page.locator('.checklist-item[data-item="keep-https-on"] input[data-state="done"]').check();
      await page.locator('.checklist-item[data-item="enable-internal-tls"] input[data-state="done"]').check();
      await before.close();
      const after = await serveDist(ROOT, { outDir: changedBuild, port: before.port });
      try {
        await page.reload();
        await page.waitForSelector('.checklist-item .progress-item');
        const changed = page.locator('.checklist-item[data-item="keep-https-on"]');
        expect(await changed.locator('h3').textContent()).toContain('renew them');
        expect(await changed.locator('input[data-state="done"]').isChecked()).toBe(false);
        expect(await changed.locator('.progress-item__changed').textContent()).toMatch(
          /^This item changed after you marked it on .+\. Read it again/,
        );
        expect(await page.locator('.checklist-item[data-item="enable-internal-tls"] input[data-state="done"]').isChecked()).toBe(true);
        expect(await page.textContent('.progress-tools__status')).toMatch(/^1 of \d+ done, 1 changed since you marked it$/);
      } finally {
        await after.close();
      }
    } finally {
      await context.close();
    }
  });
});
