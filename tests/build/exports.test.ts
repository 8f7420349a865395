// The files beside the pages: each guide's checklist as Markdown, CSV and
// JSON, each project's full entry (validated against the published JSON
// Schema with Ajv), the Atom feed (parsed with a real XML parser), /llms.txt
// and the cross-project severity pages.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { EXPORT_COLUMNS, type ChecklistExport } from '../../src/lib/checklist-export.ts';
import { exportEntry } from '../../src/lib/export.ts';
import { sortChecklist } from '../../src/lib/order.ts';
import { itemTextHash } from '../../src/lib/item-hash.ts';
import { DIST, attr, loadContent, page } from '../support/content.ts';
import { jsonSchemaValidator } from '../support/json-schema.ts';

const SITE = 'https://posture.example/';
const entries = loadContent();
const assessed = entries.filter((e) => e.data.documents.length > 0);
const auditOnly = entries.filter((e) => e.data.documents.length === 0);
const read = (path: string) => readFileSync(resolve(DIST, `.${path}`), 'utf8');

describe('checklist exports', () => {
  it('exist as Markdown, CSV and JSON for every assessed project, and for no audit-only one', () => {
    for (const { slug } of assessed)
      for (const format of ['md', 'csv', 'json'])
        expect(existsSync(resolve(DIST, `projects/${slug}/checklist.${format}`)), slug).toBe(true);
    for (const { slug } of auditOnly) expect(existsSync(resolve(DIST, `projects/${slug}/checklist.md`)), slug).toBe(false);
  });

  it.each(assessed.map((e) => [e.slug, e] as const))('%s: the three files agree with the content, most severe first', (slug, entry) => {
    const expected = sortChecklist(entry.data.checklist);
    const json = JSON.parse(read(`/projects/${slug}/checklist.json`)) as ChecklistExport;
    expect(json.project.slug).toBe(slug);
    expect(json.items.map((i) => i.id)).toEqual(expected.map((i) => i.id));
    json.items.forEach((row, n) => {
      const item = expected[n]!;
      expect(row).toMatchObject({
        project: slug,
        projectName: entry.data.name,
        severity: item.severity,
        action: item.action,
        why: item.why,
        how: item.how ?? null,
        basis: item.basis,
        source: item.source,
        permalink: `${SITE}projects/${slug}/#${item.id}`,
        checked: json.project.checked,
        textHash: itemTextHash(item),
      });
    });
    // The guide marks each item with the same fingerprint, so progress given on /stack/ shows on the guide.
    const hashes = [...page(`/projects/${slug}/`).matchAll(/data-item="([^"]+)"[^>]*data-hash="([^"]+)"/g)].map((m) => [m[1], m[2]]);
    expect(hashes).toEqual(json.items.map((i) => [i.id, i.textHash]));
    const checked = entry.data.documents.map((d) => d.checked.date.toISOString().slice(0, 10)).sort();
    expect(json.project.checked).toBe(checked.at(-1));

    const csv = read(`/projects/${slug}/checklist.csv`);
    // Records end in CRLF only: read with CRLF as the one delimiter, a bare LF would merge two records.
    const records = parseCsv<Record<string, string>>(csv, { columns: true, record_delimiter: '\r\n' });
    expect(records).toHaveLength(entry.data.checklist.length);
    expect(records).toEqual(json.items.map((row) => Object.fromEntries(EXPORT_COLUMNS.map((c) => [c, row[c] ?? '']))));
    expect(csv.endsWith('\r\n')).toBe(true);

    const md = read(`/projects/${slug}/checklist.md`);
    expect(md.startsWith(`# `)).toBe(true);
    const permalinks = [...md.matchAll(/^ {2}- Permalink: <([^>]+)>$/gm)].map((m) => m[1]);
    expect(permalinks).toEqual(json.items.map((i) => i.permalink));
  });

  it('keep backticks as Markdown code in the .md file', () => {
    const withCode = assessed
      .flatMap((e) => e.data.checklist.map((item) => ({ slug: e.slug, item })))
      .filter(({ item }) => /`[^`]+`/.test(item.action));
    expect(withCode.length).toBeGreaterThan(0);
    for (const { slug, item } of withCode) {
      const code = /`[^`]+`/.exec(item.action)![0];
      expect(read(`/projects/${slug}/checklist.md`), `${slug} ${item.id}`).toContain(code);
    }
  });

  it('are linked from every guide, under its checklist heading', () => {
    for (const { slug } of assessed) {
      const html = page(`/projects/${slug}/`);
      const checklist = html.slice(html.indexOf('id="secure-usage-checklist"'), html.indexOf('class="checklist__items"'));
      for (const format of ['md', 'csv', 'json']) expect(checklist, slug).toContain(`href="/projects/${slug}/checklist.${format}"`);
    }
  });
});

describe('full entries', () => {
  const validate = jsonSchemaValidator(JSON.parse(read('/schema/assessment.schema.json')) as object);

  it.each(entries.map((e) => [e.slug, e] as const))('/projects/%s.json validates against /schema/assessment.schema.json', (slug, entry) => {
    const json = JSON.parse(read(`/projects/${slug}.json`)) as unknown;
    expect(validate(json)).toEqual([]);
    expect(json).toEqual(JSON.parse(JSON.stringify(exportEntry(entry.data))));
  });
});

describe('/feed.xml', () => {
  const xml = read('/feed.xml');
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });
  type Entry = { id: string; title: { '#text': string }; updated: string; link: Array<Record<string, string>>; summary: unknown };
  const feed = (parser.parse(xml) as { feed: Record<string, unknown> & { entry: Entry[] } }).feed;

  it('is well-formed Atom 1.0 with the required elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const key of ['id', 'title', 'updated', 'author']) expect(feed[key], key).toBeDefined();
    expect(feed.link as Array<Record<string, string>>).toContainEqual(
      expect.objectContaining({ '@rel': 'self', '@href': `${SITE}feed.xml` }),
    );
    for (const entry of feed.entry) {
      for (const key of ['id', 'title', 'updated', 'link', 'summary'] as const) expect(entry[key], `${entry.id} ${key}`).toBeDefined();
      expect(entry.updated).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
    }
  });

  it('has one entry per document and per guide check, unique ids, newest first, and the feed updated with the newest', () => {
    const documents = entries.reduce((n, e) => n + e.data.documents.length, 0);
    expect(feed.entry).toHaveLength(documents + assessed.length);
    expect(new Set(feed.entry.map((e) => e.id)).size).toBe(feed.entry.length);
    const times = feed.entry.map((e) => e.updated);
    expect(times).toEqual([...times].sort().reverse());
    expect(feed.updated).toBe(times[0]);
  });

  it('is linked from every page’s head and from /about/', () => {
    for (const path of ['/', '/projects/', '/projects/flux/', '/checklists/critical/', '/about/'])
      expect(page(path), path).toMatch(/<link rel="alternate" type="application\/atom\+xml"[^>]* href="\/feed\.xml">/);
    expect(page('/about/')).toContain('<a href="/feed.xml">');
  });
});

describe('/llms.txt', () => {
  const text = read('/llms.txt');

  it('lists every guide with its Markdown checklist, and audit-only projects apart', () => {
    expect(text.startsWith('# Posture\n\n> ')).toBe(true);
    const guides = text.slice(text.indexOf('## Guides'), text.indexOf('## Audit-only projects'));
    const audits = text.slice(text.indexOf('## Audit-only projects'), text.indexOf('## Optional'));
    for (const { slug } of assessed) {
      expect(guides, slug).toMatch(
        new RegExp(`^- \\[[^\\]]+\\]\\(${SITE}projects/${slug}/\\): .* Checklist: ${SITE}projects/${slug}/checklist\\.md$`, 'm'),
      );
    }
    for (const { slug } of auditOnly) {
      expect(audits, slug).toContain(`(${SITE}projects/${slug}/)`);
      expect(text).not.toContain(`projects/${slug}/checklist.md`);
    }
  });
});

describe('severity pages', () => {
  it.each(['critical', 'high'] as const)(
    '/checklists/%s/ lists every item of that severity of every project, and nothing else',
    (severity) => {
      const html = page(`/checklists/${severity}/`);
      const listed = [...html.matchAll(/<li data-item="([^"]+)"/g)].map((m) => m[1]);
      const expected = entries.flatMap((e) => e.data.checklist.filter((i) => i.severity === severity).map((i) => `${e.slug}#${i.id}`));
      expect(listed.sort()).toEqual(expected.sort());
      for (const { slug, data } of entries) {
        for (const item of data.checklist.filter((i) => i.severity === severity)) {
          expect(html, `${slug} ${item.id}`).toContain(`href="/projects/${slug}/#${item.id}"`);
          expect(html, `${slug} ${item.id}`).toContain(`href="${attr(item.source)}"`);
        }
      }
      expect(html).toMatch(/class="badge badge--(current|aging|stale)"/);
    },
  );

  it('are linked from /projects/ and /about/, and listed in the sitemap', () => {
    for (const path of ['/projects/', '/about/']) {
      expect(page(path)).toContain('href="/checklists/critical/"');
      expect(page(path)).toContain('href="/checklists/high/"');
    }
    expect(read('/sitemap.xml')).toContain(`<loc>${SITE}checklists/critical/</loc>`);
  });
});
