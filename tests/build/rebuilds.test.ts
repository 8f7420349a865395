// Builds other than the default one, run one after another in this file
// because they share Astro's caches: reproducibility, the epoch, a base path.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, readBuiltSite } from '../../scripts/dist.ts';
import { findBrokenLinks, linksOf } from '../../src/lib/link-check.ts';
import { buildSite } from '../support/build-once.ts';
import { DIST } from '../support/content.ts';

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]));
}

const second = mkdtempSync(join(tmpdir(), 'posture-rebuild-'));
afterAll(() => rmSync(second, { recursive: true, force: true }));

describe('reproducible builds', () => {
  it('a second build with the same SOURCE_DATE_EPOCH is byte-identical', () => {
    buildSite({ POSTURE_OUT_DIR: second });
    const first = digest(DIST);
    const again = digest(second);
    expect(Object.keys(again).sort()).toEqual(Object.keys(first).sort());
    const differing = Object.keys(first).filter((file) => first[file] !== again[file]);
    expect(differing).toEqual([]);
  });

  it('a different SOURCE_DATE_EPOCH changes the printed build date', () => {
    const third = mkdtempSync(join(tmpdir(), 'posture-epoch-'));
    try {
      buildSite({ POSTURE_OUT_DIR: third, SOURCE_DATE_EPOCH: '1830297600' });
      const home = readFileSync(join(third, 'index.html'), 'utf8');
      expect(home).toContain('<time datetime="2028-01-01">1 January 2028</time>');
    } finally {
      rmSync(third, { recursive: true, force: true });
    }
  });
});

describe('a GitHub Pages project site (BASE=/posture/)', () => {
  it('keeps every internal link, asset and the search bundle under the base path', () => {
    const out = mkdtempSync(join(tmpdir(), 'posture-base-'));
    try {
      buildSite({ POSTURE_OUT_DIR: out, BASE: '/posture/', SITE: 'https://example.github.io' });
      const site = readBuiltSite(out);
      const withBase = (path: string) => `/posture${path}`;
      const pages = new Map([...site.pages].map(([path, html]) => [withBase(path), html]));
      const assets = new Set([...site.assets].map(withBase));
      expect(findBrokenLinks(pages, assets)).toEqual([]);
      for (const [path, html] of pages) {
        for (const href of linksOf(html).filter((h) => h.startsWith('/'))) expect(href, `${path} links ${href}`).toMatch(/^\/posture\//);
        for (const [, src] of html.matchAll(/\s(?:src|href)="(\/[^"]*)"/g)) expect(src, `${path} loads ${src}`).toMatch(/^\/posture\//);
      }
      expect(site.pages.get('/search/')).toContain('data-bundle="/posture/pagefind/"');
      expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://example.github.io/posture/projects/flux/</loc>');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
