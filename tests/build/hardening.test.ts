// The built output as a model: strict CSP, nothing from third parties,
// small pages, Pagefind only on the search page, links that resolve.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBuiltSite } from '../../scripts/dist.ts';
import { findBrokenLinks } from '../../src/lib/link-check.ts';
import { DIST, loadContent } from '../support/content.ts';
import { scriptsLoadedBy } from '../support/scripts.ts';

const site = readBuiltSite(DIST);
const entries = loadContent();
const gz = (text: string | Buffer) => gzipSync(text).length;
const cspOf = (html: string) => /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
const isRedirect = (html: string) => html.includes('http-equiv="refresh"');

describe('content security policy', () => {
  it.each([...site.pages].map(([path]) => [path]))('%s has a strict CSP', (path) => {
    const csp = cspOf(site.pages.get(path)!);
    expect(csp, path).toBeDefined();
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    // No page has inline code, so scripts and styles come only from the site's own files.
    expect(csp).toContain("style-src 'self'");
    expect(csp).not.toContain('sha256-');
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/'unsafe-eval'/);
    if (path === '/search/') expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
    else expect(csp).toMatch(/script-src 'self'(;|$)/);
  });

  it('no inline scripts or styles, which the policy would block', () => {
    for (const [path, html] of site.pages) {
      expect(html, path).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/i);
      expect(html, path).not.toMatch(/<style[\s>]/i);
    }
  });

  it('no inline style attributes or event handlers anywhere', () => {
    for (const [path, html] of site.pages) {
      expect(html, path).not.toMatch(/<[a-z][^>]*\sstyle="/i);
      expect(html, path).not.toMatch(/<[a-z][^>]*\son[a-z]+="/i);
    }
  });

  it('ships security headers for hosts that read _headers', () => {
    const headers = readFileSync(resolve(DIST, '_headers'), 'utf8');
    for (const header of [
      'Content-Security-Policy',
      "frame-ancestors 'none'",
      'Strict-Transport-Security',
      'X-Content-Type-Options: nosniff',
      'Referrer-Policy',
      'Permissions-Policy',
      'Cross-Origin-Opener-Policy',
    ]) {
      expect(headers).toContain(header);
    }
  });
});

describe('no third-party requests', () => {
  it('loads scripts, styles, images and fonts only from the site itself', () => {
    for (const [path, html] of site.pages) {
      const loads = [...html.matchAll(/<(script|img|iframe|source|link)\b[^>]*\s(src|href)="([^"]+)"/g)]
        .filter((m) => m[1] !== 'link' || /rel="(stylesheet|icon|preload|modulepreload|manifest)"/.test(m[0]))
        .map((m) => m[3]!);
      for (const url of loads) expect(url, `${path} loads ${url}`).toMatch(/^\/(?!\/)/);
    }
    for (const css of [...site.assets].filter((a) => a.endsWith('.css'))) {
      const text = readFileSync(resolve(DIST, `.${css}`), 'utf8');
      expect(text, css).not.toMatch(/url\(\s*['"]?(https?:)?\/\//);
      expect(text, css).not.toMatch(/@import/);
    }
  });

  it('marks every external link as leaving the site', () => {
    for (const [path, html] of site.pages) {
      for (const [tag] of html.matchAll(/<a\b[^>]*href="https?:\/\/[^"]*"[^>]*>/g)) {
        expect(tag, path).toContain('rel="noopener noreferrer"');
        expect(tag, path).toContain('external');
      }
    }
  });
});

describe('budgets', () => {
  const cssFor = (html: string) =>
    [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => readFileSync(resolve(DIST, `.${m[1]}`)));

  it.each(entries.map((e) => [e.slug]))('/projects/%s/ is under 40 KB gzipped with its CSS', (slug) => {
    const html = site.pages.get(`/projects/${slug}/`)!;
    const total = gz(html) + cssFor(html).reduce((n, css) => n + gz(css), 0);
    expect(total).toBeLessThan(40 * 1024);
  });

  it('project, catalog and audit pages load under 3 KB of JavaScript (gzipped), none of it Pagefind or the progress module', () => {
    const paths = [...site.pages.keys()].filter((p) => /^\/(projects|audits)\//.test(p) && !isRedirect(site.pages.get(p)!));
    for (const path of paths) {
      const html = site.pages.get(path)!;
      const loaded = scriptsLoadedBy(html, DIST);
      expect(
        loaded.reduce((n, s) => n + gz(s.text), 0),
        path,
      ).toBeLessThan(3 * 1024);
      expect(loaded.map((s) => s.path).join(' '), path).not.toMatch(/pagefind|progress-ui/);
      expect(html, path).not.toContain('/pagefind/');
    }
  });

  it('guides fetch the progress module only on demand, by a dynamic import', () => {
    const html = site.pages.get('/projects/harbor/')!;
    const code = scriptsLoadedBy(html, DIST)
      .map((s) => s.text)
      .join('\n');
    expect(code).toMatch(/import\([^)]*progress-ui\.[\w-]+\.js/);
  });

  it('/stack/ loads under 12 KB of JavaScript (gzipped)', () => {
    const loaded = scriptsLoadedBy(site.pages.get('/stack/')!, DIST);
    expect(loaded.map((s) => s.path).join(' ')).toMatch(/progress-ui/);
    expect(loaded.reduce((n, s) => n + gz(s.text), 0)).toBeLessThan(12 * 1024);
  });
});

describe('search index', () => {
  it('exists and covers every project page, and only project pages', () => {
    expect(existsSync(resolve(DIST, 'pagefind/pagefind.js'))).toBe(true);
    const entry = JSON.parse(readFileSync(resolve(DIST, 'pagefind/pagefind-entry.json'), 'utf8')) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((n, l) => n + l.page_count, 0);
    expect(pages).toBe(entries.length);
    for (const [path, html] of site.pages) {
      const isProject = /^\/projects\/[a-z0-9-]+\/$/.test(path) && !/by-(date|maturity|category)/.test(path) && !isRedirect(html);
      expect(html.includes('data-pagefind-body'), path).toBe(isProject);
    }
  });

  it('every project page declares its filters and sort key', () => {
    for (const { slug, data } of entries) {
      const html = site.pages.get(`/projects/${slug}/`)!;
      for (const key of ['maturity', 'category', 'kind']) expect(html, `${slug} ${key}`).toContain(`data-pagefind-filter="${key}"`);
      if (data.documents.length > 0)
        for (const key of ['stage', 'freshness', 'volunteer']) expect(html, `${slug} ${key}`).toContain(`data-pagefind-filter="${key}"`);
      expect(html).toContain('data-pagefind-sort="date"');
    }
  });

  it("indexes each checklist item's own words, not the labels every item repeats", () => {
    const fragments = readdirSync(resolve(DIST, 'pagefind/fragment')).map((name) => {
      const text = gunzipSync(readFileSync(resolve(DIST, 'pagefind/fragment', name))).toString('utf8');
      return JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string };
    });
    const harbor = fragments.find((f) => f.url === '/projects/harbor/')!.content;
    const items = entries.find((e) => e.slug === 'harbor')!.data.checklist;
    // Each item's action and the section it cites are searchable...
    for (const item of items) expect(harbor).toContain(item.action.replace(/`/g, '').slice(0, 40));
    expect(harbor).toMatch(/self-assessment\.md in cncf\/tag-security, section “[^”]+”/);
    // ...the wording around them is not.
    for (const label of ['Why:', 'How:', 'Stated in', 'Our advice, based on', 'does not say this in so many words'])
      expect(harbor, label).not.toContain(label);
  });
});

describe('links', () => {
  it('every internal link and #anchor resolves', () => {
    expect(findBrokenLinks(site.pages, site.assets)).toEqual([]);
  });
});
