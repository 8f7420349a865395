// Builds other than the shared one, kept to two because each costs a full
// build: a byte-for-byte repeat (reproducibility), and one variant build that
// changes everything a deployment can change at once (base path, site, build
// date, an extra guide whose narrative links other pages).
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { listFiles, readBuiltSite, type BuiltSite } from '../../scripts/dist.ts';
import { findBrokenLinks, linksOf } from '../../src/lib/link-check.ts';
import { ROOT, buildSite } from '../support/build-once.ts';
import { DIST } from '../support/content.ts';

const scratch = mkdtempSync(join(tmpdir(), 'posture-rebuild-'));
const DRIFTED = 'cncf/tag-security/community/assessments/projects/harbor/self-assessment.md';
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function digest(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex')]),
  );
}

describe('reproducible builds', () => {
  it('a second build with the same SOURCE_DATE_EPOCH, rendering every page anew, is byte-identical', () => {
    const again = join(scratch, 'again');
    buildSite({ POSTURE_OUT_DIR: again }, { force: true });
    const first = digest(DIST);
    const second = digest(again);
    expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
    expect(Object.keys(first).filter((file) => first[file] !== second[file])).toEqual([]);
  });
});

const VARIANT_ENV = {
  POSTURE_OUT_DIR: join(scratch, 'variant'),
  POSTURE_CONTENT_DIR: join(scratch, 'content'),
  POSTURE_SOURCE_LOCK: join(scratch, 'sources.lock.json'),
  BASE: '/posture/',
  SITE: 'https://example.github.io',
  SOURCE_DATE_EPOCH: '1830297600',
};

describe('a GitHub Pages project site built on another day (BASE=/posture/, SOURCE_DATE_EPOCH=2028-01-01)', () => {
  const out = VARIANT_ENV.POSTURE_OUT_DIR;
  let site: BuiltSite;
  beforeAll(() => {
    const content = VARIANT_ENV.POSTURE_CONTENT_DIR;
    cpSync(resolve(ROOT, 'content/assessments'), content, { recursive: true });
    cpSync(resolve(ROOT, 'tests/fixtures/build/linking-example.mdx'), join(content, 'linking-example.mdx'));
    // Upstream moved on for Harbor's self-assessment after the guide was checked.
    const lock = JSON.parse(readFileSync(resolve(ROOT, 'content/sources.lock.json'), 'utf8')) as {
      files: Record<string, { blob: string; changed: string }>;
    };
    Object.assign(lock.files[DRIFTED]!, { blob: 'f'.repeat(40), changed: '2027-03-04' });
    writeFileSync(join(scratch, 'sources.lock.json'), JSON.stringify(lock));
    buildSite(VARIANT_ENV);
    site = readBuiltSite(out);
  });

  it('keeps every internal link, asset and the search bundle under the base path', () => {
    const withBase = (path: string) => `/posture${path}`;
    const pages = new Map([...site.pages].map(([path, html]) => [withBase(path), html]));
    const assets = new Set([...site.assets].map(withBase));
    expect(findBrokenLinks(pages, assets, undefined, '/posture/')).toEqual([]);
    for (const [path, html] of pages) {
      for (const href of linksOf(html).filter((h) => h.startsWith('/'))) expect(href, `${path} links ${href}`).toMatch(/^\/posture\//);
      for (const [, src] of html.matchAll(/\s(?:src|href)="(\/[^"]*)"/g)) expect(src, `${path} loads ${src}`).toMatch(/^\/posture\//);
    }
    expect(site.pages.get('/search/')).toContain('data-bundle="/posture/pagefind/"');
    expect(readFileSync(join(out, 'sitemap.xml'), 'utf8')).toContain('<loc>https://example.github.io/posture/projects/flux/</loc>');
  });

  it('writes absolute URLs with the site and base into the exports, the feed and llms.txt', () => {
    const md = readFileSync(join(out, 'projects/flux/checklist.md'), 'utf8');
    expect(md).toContain('- Guide: <https://example.github.io/posture/projects/flux/>');
    expect(md).toMatch(/Permalink: <https:\/\/example\.github\.io\/posture\/projects\/flux\/#[a-z0-9-]+>/);
    const llms = readFileSync(join(out, 'llms.txt'), 'utf8');
    expect(llms).toContain('(https://example.github.io/posture/projects/flux/): ');
    expect(llms).toContain('Checklist: https://example.github.io/posture/projects/flux/checklist.md');
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    expect(feed).toContain('<link rel="self" type="application/atom+xml" href="https://example.github.io/posture/feed.xml"/>');
    expect(feed).toContain('<id>tag:example.github.io,2026:posture/feed</id>');
    expect(site.pages.get('/about/')).toContain('href="/posture/feed.xml"');
  });

  it('prefixes links written in MDX narratives with the base', () => {
    const narrative = site.pages.get('/projects/linking-example/')!;
    const body = narrative.slice(narrative.indexOf('class="narrative'));
    expect(body).toContain('href="/posture/projects/flux/"');
    expect(body).toContain('href="/posture/about/#trust-levels"');
    expect(body).not.toMatch(/href="\/(projects|about)\//);
  });

  it('prints the build date it was given, everywhere', () => {
    expect(site.pages.get('/')).toContain('<time datetime="2028-01-01">1 January 2028</time>');
    expect(site.pages.get('/')).not.toContain('datetime="2026-12-01"');
  });
});

describe('a guide whose source changed upstream after it was checked', () => {
  const out = join(scratch, 'variant');

  it('says so at the top of the guide and links the file history', () => {
    const html = readBuiltSite(out).pages.get('/projects/harbor/')!;
    const notice = html.slice(html.indexOf('data-drift'), html.indexOf('</div>', html.indexOf('data-drift')));
    expect(notice).toContain('last changed upstream on 4 March 2027');
    expect(notice).toContain(
      'href="https://github.com/cncf/tag-security/commits/main/community/assessments/projects/harbor/self-assessment.md"',
    );
    expect(html).not.toContain('the sources have not changed since');
  });

  it('is the newest entry of the feed, and its checklist export marks the items that cite the changed document', () => {
    const feed = readFileSync(join(out, 'feed.xml'), 'utf8');
    const first = feed.slice(feed.indexOf('<entry>'), feed.indexOf('</entry>'));
    expect(first).toContain(`<id>tag:example.github.io,2026:posture/projects/harbor/changed-upstream/${'f'.repeat(40)}</id>`);
    expect(first).toContain('<updated>2027-03-04T00:00:00Z</updated>');
    expect(first).toContain('<link rel="alternate" type="text/html" href="https://example.github.io/posture/projects/harbor/"/>');
    expect(feed).toMatch(/<feed[^>]*>[\s\S]*?<updated>2027-03-04T00:00:00Z<\/updated>/);
    const json = JSON.parse(readFileSync(join(out, 'projects/harbor/checklist.json'), 'utf8')) as {
      project: { changedUpstream: Array<{ changed: string }> };
      items: Array<{ source: string; sourceChangedUpstream: string | null }>;
    };
    expect(json.project.changedUpstream.map((c) => c.changed)).toEqual(['2027-03-04']);
    const citing = json.items.filter((i) => i.source.includes('harbor/self-assessment.md'));
    expect(citing.length).toBeGreaterThan(0);
    for (const item of json.items) expect(item.sourceChangedUpstream).toBe(citing.includes(item) ? '2027-03-04' : null);
  });

  it('is listed on /changes/, and no other guide is', () => {
    const html = readBuiltSite(out).pages.get('/changes/')!;
    expect([...html.matchAll(/data-changed="([^"]+)"/g)].map((m) => m[1])).toEqual(['harbor']);
  });

  it('and the shared build, whose lock matches, shows no drift anywhere', () => {
    const shared = readBuiltSite(DIST);
    expect(shared.pages.get('/changes/')).toContain('data-no-changes');
    expect([...shared.pages.values()].filter((html) => html.includes('data-drift'))).toEqual([]);
  });
});

describe('a rebuild after one guide is edited (incremental build)', () => {
  const out = VARIANT_ENV.POSTURE_OUT_DIR;
  const edited = 'kyverno';
  let log: string;
  let before: Record<string, string>;
  let relating: string[];

  beforeAll(() => {
    before = digest(out);
    const content = VARIANT_ENV.POSTURE_CONTENT_DIR;
    // Guides that name the edited one as related show its name, so they are rendered again too.
    relating = listFiles(content)
      .filter((file) => file.endsWith('.mdx'))
      .filter((file) => {
        const data = parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, 'utf8'))![1]!) as { related?: string[] };
        return (data.related ?? []).includes(edited);
      })
      .map((file) => basename(file, '.mdx'));
    const file = join(content, `${edited}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^summary: (.*)$/m, 'summary: $1 Edited for the rebuild test.'));
    log = buildSite(VARIANT_ENV);
  });

  // Guides carry a cache key (the by-* lists do not); export files are the content gate's.
  const GUIDE = /^projects\/(?!by-)[^/]+\/index\.html$/;
  const EXPORT = /^projects\/(?:[^/]+\.json|[^/]+\/checklist\.(?:md|csv|json))$/;

  it('lints and renders only the edited guide and those that link it again, and copies every other guide from the last build', () => {
    expect(relating.length).toBeGreaterThan(0);
    // Pages of old, redirected URLs carry no key; they are the ones holding a refresh.
    const guides = Object.keys(before).filter(
      (file) => GUIDE.test(file) && !readFileSync(join(out, file), 'utf8').includes('http-equiv="refresh"'),
    );
    expect(guides.length).toBeGreaterThan(50);
    // Astro prints "(restored)" once for each page it copied (lines interleave, so only the count is read).
    expect([...log.matchAll(/\(restored\)/g)].length).toBe(guides.length - 1 - relating.length);
    const files = listFiles(VARIANT_ENV.POSTURE_CONTENT_DIR).filter((file) => file.endsWith('.mdx')).length;
    expect(log).toContain(`checked ${files} content files (${files - 1} unchanged since the last check)`);
    const exports = Object.keys(before).filter((file) => EXPORT.test(file));
    expect(exports.length).toBeGreaterThan(200);
    expect(log).toContain(`wrote ${exports.length} export files`);
  });

  it('shows the edit on the guide, in its exports and in the catalog, and leaves every other guide byte for byte as it was', () => {
    const after = digest(out);
    expect(readFileSync(join(out, `projects/${edited}/index.html`), 'utf8')).toContain('Edited for the rebuild test.');
    expect(readFileSync(join(out, `projects/${edited}.json`), 'utf8')).toContain('Edited for the rebuild test.');
    expect(readFileSync(join(out, 'projects/index.html'), 'utf8')).toContain('Edited for the rebuild test.');
    // (The by-category, by-date and by-maturity lists show summaries; they are not guides.)
    const guides = Object.keys(before).filter(
      (file) => /^projects\/(?!by-)[^/]+\/index\.html$/.test(file) && file !== `projects/${edited}/index.html`,
    );
    expect(guides.length).toBeGreaterThan(50);
    expect(guides.filter((page) => after[page] !== before[page])).toEqual([]);
    const exports = Object.keys(before).filter((file) => EXPORT.test(file));
    const changed = exports.filter((file) => after[file] !== before[file]);
    expect(changed).toContain(`projects/${edited}.json`);
    expect(changed.filter((file) => !file.startsWith(`projects/${edited}`))).toEqual([]);
    // The drift the variant's lock records is still on the copied Harbor guide.
    expect(readFileSync(join(out, 'projects/harbor/index.html'), 'utf8')).toContain('data-drift');
  });
});
