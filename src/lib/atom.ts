// A small Atom 1.0 (RFC 4287) writer: the feed's required elements, entries
// newest first, and every string escaped for XML. @astrojs/rss writes RSS 2.0
// only, and a feed this plain needs no library.

export const ATOM_NS = 'http://www.w3.org/2005/Atom';

export interface AtomEntry {
  /** A permanent, unique IRI (a tag: URI); never reused for another entry. */
  id: string;
  title: string;
  updated: Date;
  published?: Date | undefined;
  /** The page the entry is about (rel="alternate"). */
  link: string;
  /** Further pages (rel="related"), e.g. an upstream history. */
  related?: readonly string[] | undefined;
  summary: string;
  /** A category term, e.g. "document". */
  category?: string | undefined;
}

export interface AtomFeed {
  id: string;
  title: string;
  subtitle?: string | undefined;
  /** The feed's own URL (rel="self"). */
  self: string;
  /** The site the feed is about (rel="alternate"). */
  alternate: string;
  author: string;
  entries: readonly AtomEntry[];
  /** The feed's <updated> when it has no entries; otherwise the newest entry's. */
  emptyUpdated: Date;
}

/** Characters XML 1.0 cannot carry at all (most C0 controls, lone surrogates, U+FFFE, U+FFFF) are dropped. */
const NOT_XML_CHAR = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Escapes text for XML element content and for double- or single-quoted attributes. */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 3339 in UTC, to the second: "2026-11-01T00:00:00Z". */
export function atomDate(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** Newest first; equal times by title, then id, so the order never depends on input order. */
export function sortEntries(entries: readonly AtomEntry[]): AtomEntry[] {
  return [...entries].sort(
    (a, b) => b.updated.getTime() - a.updated.getTime() || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

function entryXml(entry: AtomEntry): string {
  const lines = [
    '  <entry>',
    `    <id>${escapeXml(entry.id)}</id>`,
    `    <title type="text">${escapeXml(entry.title)}</title>`,
    `    <updated>${atomDate(entry.updated)}</updated>`,
  ];
  if (entry.published) lines.push(`    <published>${atomDate(entry.published)}</published>`);
  lines.push(`    <link rel="alternate" type="text/html" href="${escapeXml(entry.link)}"/>`);
  for (const href of entry.related ?? []) lines.push(`    <link rel="related" href="${escapeXml(href)}"/>`);
  if (entry.category) lines.push(`    <category term="${escapeXml(entry.category)}"/>`);
  lines.push(`    <summary type="text">${escapeXml(entry.summary)}</summary>`, '  </entry>');
  return lines.join('\n');
}

export function atomXml(feed: AtomFeed): string {
  const entries = sortEntries(feed.entries);
  const updated = entries[0]?.updated ?? feed.emptyUpdated;
  const head = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="${ATOM_NS}" xml:lang="en">`,
    `  <id>${escapeXml(feed.id)}</id>`,
    `  <title type="text">${escapeXml(feed.title)}</title>`,
  ];
  if (feed.subtitle) head.push(`  <subtitle type="text">${escapeXml(feed.subtitle)}</subtitle>`);
  head.push(
    `  <updated>${atomDate(updated)}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(feed.self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(feed.alternate)}"/>`,
    `  <author><name>${escapeXml(feed.author)}</name></author>`,
  );
  return `${[...head, ...entries.map(entryXml), '</feed>'].join('\n')}\n`;
}
