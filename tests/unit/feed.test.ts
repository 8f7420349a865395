// The Atom writer (escaping, order, required elements, parsed back with a
// real XML parser), the feed's entries, and /llms.txt.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ATOM_NS, atomXml, escapeXml, sortEntries, type AtomEntry, type AtomFeed } from '../../src/lib/atom.ts';
import { feedEntries, postureFeed, tagUri, type FeedProject } from '../../src/lib/feed.ts';
import { llmsTxt } from '../../src/lib/llms-txt.ts';
import { parseIsoDate } from '../../src/lib/dates.ts';
import { assessmentSchema } from '../../src/schema/assessment.ts';
import { documentInput } from '../support/documents.ts';

const d = (iso: string) => parseIsoDate(iso)!;
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link'].includes(name) });

const entry = (over: Partial<AtomEntry>): AtomEntry => ({
  id: 'tag:example.org,2026:x',
  title: 'x',
  updated: d('2026-01-01'),
  link: 'https://example.org/x/',
  summary: 's',
  ...over,
});

const feed = (entries: AtomEntry[]): AtomFeed => ({
  id: 'tag:example.org,2026:feed',
  title: 'Feed & <friends>',
  self: 'https://example.org/feed.xml',
  alternate: 'https://example.org/',
  author: 'Posture',
  entries,
  emptyUpdated: d('2030-01-01'),
});

describe('escapeXml', () => {
  it('escapes markup characters and drops characters XML 1.0 cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    expect(escapeXml('bell\u0007 nul\u0000 ok\ttab\nline \uFFFE \uD800 😀')).toBe('bell nul ok\ttab\nline   😀');
  });
});

describe('atomXml', () => {
  const entries = [
    entry({ id: 'tag:example.org,2026:old', title: 'Old', updated: d('2020-05-01') }),
    entry({ id: 'tag:example.org,2026:new-b', title: 'B <new> & "quoted"', updated: d('2026-03-01'), published: d('2025-01-01') }),
    entry({ id: 'tag:example.org,2026:new-a', title: 'A new', updated: d('2026-03-01'), related: ['https://example.org/?a=1&b=2'] }),
  ];
  const xml = atomXml(feed(entries));

  it('is well-formed Atom 1.0 with the required elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = parser.parse(xml) as { feed: Record<string, unknown> & { entry: Array<Record<string, unknown>> } };
    expect(doc.feed['@xmlns']).toBe(ATOM_NS);
    expect(doc.feed.id).toBe('tag:example.org,2026:feed');
    expect((doc.feed.title as { '#text': string })['#text']).toBe('Feed & <friends>');
    expect(doc.feed.updated).toBe('2026-03-01T00:00:00Z');
    expect(doc.feed.author).toEqual({ name: 'Posture' });
    for (const e of doc.feed.entry) for (const key of ['id', 'title', 'updated', 'link', 'summary']) expect(e[key], key).toBeDefined();
    expect((doc.feed.entry[0]!.title as { '#text': string })['#text']).toBe('A new');
    expect((doc.feed.entry[1]!.title as { '#text': string })['#text']).toBe('B <new> & "quoted"');
    expect(doc.feed.entry[1]!.published).toBe('2025-01-01T00:00:00Z');
    expect((doc.feed.entry[0]!.link as Array<Record<string, string>>)[1]!['@href']).toBe('https://example.org/?a=1&b=2');
  });

  it('puts entries newest first, equal times by title, whatever the input order', () => {
    expect(sortEntries(entries).map((e) => e.title)).toEqual(['A new', 'B <new> & "quoted"', 'Old']);
    expect(atomXml(feed([...entries].reverse()))).toBe(xml);
  });

  it('falls back to the given date when there is no entry', () => {
    const empty = parser.parse(atomXml(feed([]))) as { feed: { updated: string; entry?: unknown } };
    expect(empty.feed.updated).toBe('2030-01-01T00:00:00Z');
    expect(empty.feed.entry).toBeUndefined();
  });
});

const doc = documentInput;
const base = { category: 'Runtime', maturity: 'sandbox', maturityDate: '2026-01-01', repos: [] };
const demo = assessmentSchema.parse({
  ...base,
  name: 'Demo',
  summary: 'Does demo things',
  documents: [doc({}), doc({ kind: 'joint-assessment', date: '2024-03-05', revised: '2025-02-10', checked: { date: '2026-11-15' } })],
});
const auditOnly = assessmentSchema.parse({
  ...base,
  name: 'Audited',
  summary: 'Only audited.',
  audits: [{ type: 'security', vendor: 'Firm' }],
});
const projects: Array<FeedProject & { data: typeof demo }> = [
  {
    slug: 'demo',
    data: demo,
    drift: [
      {
        index: 0,
        documentSource: demo.documents[0]!.source,
        checkedDate: '2026-10-01',
        checkedBlob: 'a'.repeat(40),
        lockBlob: 'c'.repeat(40),
        changed: '2026-11-20',
        historyUrl: 'https://github.com/cncf/tag-security/commits/main/x.md',
      },
    ],
  },
  { slug: 'audited', data: auditOnly, drift: [] },
];

describe('the feed’s entries', () => {
  const site = 'https://example.github.io/posture/';
  const entries = sortEntries(feedEntries(projects, site));

  it('has one per document, one for the latest check of each guide and one per drifted source, newest first', () => {
    expect(entries.map((e) => [e.title, e.updated.toISOString().slice(0, 10)])).toEqual([
      ['Demo: source changed upstream', '2026-11-20'],
      ['Demo: guide checked against its sources', '2026-11-15'],
      ['Demo: joint assessment revised', '2025-02-10'],
      ['Demo: self-assessment added', '2021-06-01'],
    ]);
    for (const e of entries) expect(e.link).toBe('https://example.github.io/posture/projects/demo/');
    expect(entries[2]!.published).toEqual(d('2024-03-05'));
    expect(entries[3]!.summary).toContain('dated June 2021');
  });

  it('gives stable, unique tag: ids that name the host, the base path and the subject', () => {
    expect(tagUri(site, 'feed')).toBe('tag:example.github.io,2026:posture/feed');
    expect(entries.map((e) => e.id)).toEqual([
      `tag:example.github.io,2026:posture/projects/demo/changed-upstream/${'c'.repeat(40)}`,
      'tag:example.github.io,2026:posture/projects/demo/checked/2026-11-15',
      'tag:example.github.io,2026:posture/projects/demo/documents/joint-assessment/2024-03-05',
      'tag:example.github.io,2026:posture/projects/demo/documents/self-assessment/2021-06-01',
    ]);
    expect(feedEntries(projects, site).map((e) => e.id)).toEqual(feedEntries(projects, site).map((e) => e.id));
  });

  it('sets the feed’s self link and updated from the newest entry', () => {
    const xml = atomXml(postureFeed(projects, site, d('2026-12-01')));
    const parsed = parser.parse(xml) as { feed: { updated: string; link: Array<Record<string, string>> } };
    expect(parsed.feed.updated).toBe('2026-11-20T00:00:00Z');
    expect(parsed.feed.link[0]).toMatchObject({ '@rel': 'self', '@href': 'https://example.github.io/posture/feed.xml' });
  });
});

describe('llms.txt', () => {
  const text = llmsTxt(projects, 'https://example.org/');

  it('has a title, a summary and a guide list with each guide’s Markdown checklist', () => {
    expect(text.startsWith('# Posture\n\n> ')).toBe(true);
    expect(text).toContain(
      '## Guides\n\n- [Demo](https://example.org/projects/demo/): Does demo things. Checklist: https://example.org/projects/demo/checklist.md\n',
    );
  });

  it('lists audit-only projects apart, without a checklist', () => {
    expect(text).toContain('## Audit-only projects\n\n- [Audited](https://example.org/projects/audited/): Only audited.\n');
    expect(text).not.toContain('audited/checklist');
  });
});
