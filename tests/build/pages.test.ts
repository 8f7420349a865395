// What a reader finds in the built site: a guide per content file with all
// of its checklist, sources and documents; a catalog; the audit index.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, attr, loadContent, page } from '../support/content.ts';

const entries = loadContent();
const assessed = entries.filter((e) => e.data.documents.length > 0);
const auditOnly = entries.filter((e) => e.data.documents.length === 0);

describe('project pages', () => {
  it('covers a real catalog', () => {
    expect(entries.length).toBeGreaterThanOrEqual(60);
    expect(auditOnly.map((e) => e.slug)).toEqual(expect.arrayContaining(['argo', 'cilium', 'falco', 'notary-project']));
  });

  it.each(entries.map((e) => [e.slug, e] as const))('%s has its page', (slug) => {
    expect(existsSync(resolve(DIST, 'projects', slug, 'index.html'))).toBe(true);
  });

  it.each(assessed.map((e) => [e.slug, e] as const))(
    '%s carries every checklist item with its source, and every document',
    (slug, entry) => {
      const html = page(`/projects/${slug}/`);
      const checklist = html.slice(html.indexOf('id="secure-usage-checklist"'), html.indexOf('class="narrative'));
      for (const item of entry.data.checklist) {
        const start = checklist.indexOf(`data-item="${item.id}"`);
        expect(start, `${slug}: item ${item.id}`).toBeGreaterThan(0);
        const li = checklist.slice(start);
        expect(li, `${slug}: anchor of ${item.id}`).toMatch(new RegExp(`^[^>]*>[\\s\\S]*?<h3[^>]* id="${item.id}"`));
        const end = li.indexOf('</li>');
        expect(li.slice(0, end), `${slug}: source of ${item.id}`).toContain(`href="${attr(item.source)}"`);
        // A derived item is labelled as our advice, in words; a stated one is not.
        if (item.basis === 'derived')
          expect(li.slice(0, end), `${slug}: basis of ${item.id}`).toMatch(/Our advice<\/span>[\s\S]*Our advice, based on/);
        else expect(li.slice(0, end), `${slug}: basis of ${item.id}`).not.toContain('Our advice');
      }
      for (const doc of entry.data.documents) expect(html, `${slug}: document ${doc.source}`).toContain(`href="${attr(doc.source)}"`);
      if (entry.data.checklist.length < 3) expect(html).toContain('data-thin-guidance');
      expect(html).toContain('class="trust-note"');
      expect(html).toMatch(/href="\/about\/#trust-levels"/);
    },
  );

  it.each(auditOnly.map((e) => [e.slug, e] as const))('%s is marked as having no TAG assessment and no guide', (slug, entry) => {
    const html = page(`/projects/${slug}/`);
    expect(html).toContain('No TAG assessment');
    expect(html).not.toContain('id="secure-usage-checklist"');
    for (const request of entry.data.assessmentRequests) expect(html).toContain(`href="${attr(request.url)}"`);
  });

  it('flags incomplete, draft and volunteer-drafted newest documents', () => {
    const flux = page('/projects/flux/');
    expect(flux).toContain('data-warning="draft"');
    const linkerd = page('/projects/linkerd/');
    expect(linkerd).toContain('data-warning="incomplete"');
    expect(linkerd).toContain('data-warning="volunteer-drafted"');
    expect(page('/projects/spiffe-spire/')).not.toContain('data-warning=');
  });

  it('has no empty sections', () => {
    for (const { slug } of entries) {
      const html = page(`/projects/${slug}/`);
      const article = html.slice(html.indexOf('<article'), html.indexOf('</article>'));
      const emptyH2 = /<\/h2>\s*(<h2|<\/section>|<\/div>\s*<\/article)/.exec(article);
      expect(emptyH2, `${slug}: empty section near ${emptyH2?.[0]}`).toBeNull();
    }
  });

  it('grows linearly: no project page links to every other project', () => {
    for (const { slug, data } of entries) {
      const html = page(`/projects/${slug}/`);
      const others = new Set([...html.matchAll(/href="\/projects\/([a-z0-9-]+)\/"/g)].map((m) => m[1]).filter((s) => s !== slug));
      expect(others.size, slug).toBeLessThanOrEqual(data.related.length);
    }
  });
});

describe('catalog and audit index', () => {
  it('the catalog lists every project in each view', () => {
    for (const view of ['/projects/', '/projects/by-date/', '/projects/by-maturity/', '/projects/by-category/']) {
      const html = page(view);
      for (const { slug } of entries) expect(html, `${view} lists ${slug}`).toContain(`href="/projects/${slug}/"`);
    }
  });

  it('every audit appears on /audits/ with its report link', () => {
    for (const view of ['/audits/', '/audits/by-project/']) {
      const html = page(view);
      const rows = [...html.matchAll(/<tr data-audit-date[\s\S]*?<\/tr>/g)].map((m) => m[0]);
      const total = entries.reduce((n, e) => n + e.data.audits.length, 0);
      expect(rows.length).toBe(total);
      for (const { slug, data } of entries) {
        for (const audit of data.audits) {
          const match = rows.find(
            (row) =>
              row.includes(`href="/projects/${slug}/"`) &&
              row.includes(audit.vendor.replace(/&/g, '&amp;')) &&
              (!audit.report || row.includes(`href="${attr(audit.report)}"`)),
          );
          expect(match, `${view}: ${slug} audit by ${audit.vendor}`).toBeDefined();
        }
      }
    }
  });

  it('audit-only projects appear in the audit index marked as such', () => {
    const html = page('/audits/');
    for (const { slug } of auditOnly) {
      const row = [...html.matchAll(/<tr data-audit-date[\s\S]*?<\/tr>/g)]
        .map((m) => m[0])
        .find((r) => r.includes(`href="/projects/${slug}/"`));
      expect(row, slug).toContain('No TAG assessment');
    }
  });

  it('the home page shows counts, recent assessments and browsing without listing every project', () => {
    const html = page('/');
    const checklistTotal = entries.reduce((n, e) => n + e.data.checklist.length, 0);
    expect(html).toMatch(new RegExp(`<dd[^>]*>${entries.length}</dd>`));
    expect(html).toMatch(new RegExp(`<dd[^>]*>${checklistTotal}</dd>`));
    expect(html).toContain('Recently assessed');
    expect(html).toContain('role="search"');
    const slugs = new Set(entries.map((e) => e.slug));
    const linked = new Set([...html.matchAll(/href="\/projects\/([a-z0-9-]+)\/"/g)].map((m) => m[1]).filter((s) => slugs.has(s!)));
    expect(linked.size).toBe(6);
  });

  it('keeps old URLs working through redirect pages', () => {
    for (const { slug, data } of entries) {
      for (const from of data.redirectFrom) {
        const html = page(from);
        expect(html).toContain(`content="0; url=/projects/${slug}/"`);
        expect(html).toContain(`href="/projects/${slug}/"`);
      }
    }
    expect(entries.some((e) => e.data.redirectFrom.length > 0)).toBe(true);
  });

  it('publishes a sitemap of every guide and the catalog as JSON', async () => {
    const { readFileSync } = await import('node:fs');
    const sitemap = readFileSync(resolve(DIST, 'sitemap.xml'), 'utf8');
    for (const { slug } of entries) expect(sitemap).toContain(`/projects/${slug}/</loc>`);
    expect(readFileSync(resolve(DIST, 'robots.txt'), 'utf8')).toMatch(/Sitemap: https:\/\/\S+\/sitemap\.xml/);
    const catalog = JSON.parse(readFileSync(resolve(DIST, 'projects.json'), 'utf8')) as {
      projects: Array<{ slug: string; checklist: { total: number } }>;
    };
    expect(catalog.projects.map((p) => p.slug)).toEqual(entries.map((e) => e.slug).sort());
    for (const { slug, data } of entries)
      expect(catalog.projects.find((p) => p.slug === slug)!.checklist.total).toBe(data.checklist.length);
  });

  it('prints the build date in the footer and the 404 page exists', () => {
    expect(page('/')).toContain('<time datetime="2026-12-01">1 December 2026</time>');
    expect(existsSync(resolve(DIST, '404.html'))).toBe(true);
  });
});

describe('styles reach every page that uses them', () => {
  const cssOf = (path: string) =>
    [...page(path).matchAll(/<link rel="stylesheet" href="([^"]+)"/g)]
      .map((m) => readFileSync(resolve(DIST, `.${m[1]!}`), 'utf8'))
      .join('\n');

  it('the audit notes on /audits/ are styled small, as on a guide', () => {
    expect(page('/audits/')).toContain('class="muted small"');
    expect(cssOf('/audits/')).toMatch(/\.small\{[^}]*font-size/);
  });
});

describe('portfolio columns in the catalog', () => {
  const html = page('/projects/');
  const rowOf = (slug: string) => {
    const start = html.indexOf(`data-project="${slug}"`);
    return html.slice(start, html.indexOf('</tr>', start));
  };

  it.each(entries.map((e) => [e.slug, e] as const))('%s shows its audits, open findings and critical and high items', (slug, entry) => {
    const row = rowOf(slug);
    const years = entry.data.audits.flatMap((a) => (a.date ? [a.date.getUTCFullYear()] : []));
    const audits =
      entry.data.audits.length === 0 ? 'None' : `${entry.data.audits.length}${years.length ? `, latest ${Math.max(...years)}` : ''}`;
    expect(row).toMatch(new RegExp(`data-label="Audits"[^>]*>\\s*${audits}\\s*<`));
    const open = entry.data.findings.filter((f) => f.status === 'open').length;
    expect(row).toMatch(new RegExp(`data-label="Open findings"[^>]*>${open}<`));
    const critical = entry.data.checklist.filter((i) => i.severity === 'critical').length;
    const high = entry.data.checklist.filter((i) => i.severity === 'high').length;
    if (critical + high > 0) expect(row).toContain(`${critical} critical, ${high} high`);
  });
});

describe('suggesting a correction', () => {
  it.each(assessed.map((e) => [e.slug, e] as const))(
    '%s links its file for editing and each item to a prefilled problem report',
    (slug, entry) => {
      const html = page(`/projects/${slug}/`);
      expect(html).toContain(`/edit/main/content/assessments/${slug}.mdx"`);
      for (const item of entry.data.checklist) {
        const start = html.indexOf(`data-item="${item.id}"`);
        const li = html.slice(start, html.indexOf('</li>', start));
        const href = /href="([^"]*issues\/new\?[^"]*)"/.exec(li)?.[1]?.replace(/&amp;/g, '&');
        expect(href, `${slug}: ${item.id}`).toBeDefined();
        const params = new URL(href!).searchParams;
        expect([params.get('template'), params.get('project'), params.get('item'), params.get('source')]).toEqual([
          'report-a-problem.yml',
          slug,
          item.id,
          item.source,
        ]);
      }
    },
  );
});
