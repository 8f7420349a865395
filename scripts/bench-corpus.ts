// The benchmark's synthetic catalogs: N projects made of copies of the real
// content under new slugs, written as Posture content files, and the same text
// as Starlight pages (title, summary, checklist, findings, audits, documents
// and the narrative), so both sites build the same words.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { BASIS_LEADS, sourceText } from '../src/lib/inline.ts';
import type { Basis } from '../src/schema/enums.ts';

export interface SourceFile {
  slug: string;
  text: string;
}

export interface CorpusFile {
  slug: string;
  /** The Posture content file. */
  text: string;
}

/** N content files: the real ones, then copies named <slug>-copy-<k> whose cross-links and redirects are dropped. */
export function syntheticCatalog(originals: readonly SourceFile[], count: number): CorpusFile[] {
  return Array.from({ length: count }, (_, i) => {
    const source = originals[i % originals.length]!;
    const copy = Math.floor(i / originals.length);
    const slug = copy === 0 ? source.slug : `${source.slug}-copy-${copy}`;
    const text = source.text
      .replace(/^related:.*(\n {2}- .*)*$/m, 'related: []')
      .replace(/^redirectFrom:.*$/m, '')
      .replace(/^# The folder name used upstream.*$/m, '')
      .replace(/^name: (.*)$/m, copy === 0 ? 'name: $1' : `name: $1 (copy ${copy})`);
    return { slug, text };
  });
}

export function writeCatalog(files: readonly CorpusFile[], dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, `${file.slug}.mdx`), file.text);
}

interface Frontmatter {
  name: string;
  summary: string;
  checklist?: Array<{
    action: string;
    why: string;
    how?: string;
    snippet?: { lang: string; code: string };
    source: string;
    severity: string;
    basis: Basis;
  }>;
  category: string;
  maturity: string;
  website?: string;
  languages?: string[];
  securityContact?: string;
  securityPolicy?: string;
  aliases?: string[];
  keywords?: string[];
  findings?: Array<{ text: string; note?: string; status: string; source?: string }>;
  audits?: Array<{ vendor: string; type: string; scope?: string; note?: string; date?: string; report?: string; source?: string }>;
  documents?: Array<{ kind: string; stage: string; date: string; authors?: string[]; reviewers?: string[]; source: string }>;
}

const yamlString = (text: string) => JSON.stringify(text);

/** The same project as a Starlight Markdown page: every text Posture shows, as headings, paragraphs and lists. */
export function starlightPage(text: string): string {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text.replace(/\r\n?/g, '\n'));
  if (!match) throw new Error('content file without frontmatter');
  const data = parseYaml(match[1]!) as Frontmatter;
  // Starlight's Markdown has no <Aside> component; its own aside syntax says the same.
  const body = match[2]!.replace(
    /<Aside(?: type="(note|caution)")?(?: title="([^"]*)")?>([\s\S]*?)<\/Aside>/g,
    (_, type: string | undefined, title: string | undefined, inner: string) =>
      `:::${type ?? 'note'}${title ? `[${title}]` : ''}\n${inner.trim()}\n:::`,
  );
  const lines = ['---', `title: ${yamlString(data.name)}`, `description: ${yamlString(data.summary)}`, '---', '', data.summary, ''];
  if (data.checklist?.length) {
    lines.push('## Secure-usage checklist', '');
    for (const item of data.checklist) {
      lines.push(`### ${item.action}`, '', `**${item.severity}.** **Why:** ${item.why}`, '');
      if (item.how) lines.push(`**How:** ${item.how}`, '');
      if (item.snippet) lines.push(`\`\`\`${item.snippet.lang}`, item.snippet.code.replace(/\n$/, ''), '```', '');
      lines.push(
        `${BASIS_LEADS[item.basis]} [${sourceText(item.source)}](${item.source}). [Permalink](#) · Report a problem with this item`,
        '',
      );
    }
  }
  lines.push(body.trim(), '');
  if (data.findings?.length) {
    lines.push('## What became of the recommendations', '');
    for (const finding of data.findings) lines.push(`- **${finding.status}**: ${finding.text}${finding.note ? ` ${finding.note}` : ''}`);
    lines.push('');
  }
  if (data.documents?.length) {
    lines.push('## Assessment documents', '');
    for (const doc of data.documents)
      lines.push(
        `- [${doc.kind}, ${doc.stage}, ${doc.date}](${doc.source}) by ${(doc.authors ?? []).join(', ') || 'unnamed authors'}; reviewed by ${(doc.reviewers ?? []).join(', ') || 'no one named'}`,
      );
    lines.push('');
  }
  lines.push(
    '## Project facts',
    '',
    `- Category: ${data.category}`,
    `- Maturity: ${data.maturity}`,
    ...(data.website ? [`- Website: ${data.website}`] : []),
    ...(data.languages?.length ? [`- Languages: ${data.languages.join(', ')}`] : []),
    ...(data.securityContact ? [`- Security contact: ${data.securityContact}`] : []),
    ...(data.securityPolicy ? [`- Security policy: ${data.securityPolicy}`] : []),
    ...(data.aliases?.length ? [`- Also known as: ${data.aliases.join(', ')}`] : []),
    ...(data.keywords?.length ? [`- Keywords: ${data.keywords.join(', ')}`] : []),
    '',
  );
  if (data.audits?.length) {
    lines.push('## Third-party audits', '');
    for (const audit of data.audits)
      lines.push(
        `- ${audit.date ?? 'undated'}: ${audit.type} by ${audit.vendor}${audit.scope ? `, ${audit.scope}` : ''}${audit.note ? `. ${audit.note}` : ''}`,
      );
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

/** Words in an HTML page's main content, tags, scripts and styles removed. */
export function wordsInMain(html: string): number {
  const main = /<main\b[\s\S]*?<\/main>/.exec(html)?.[0] ?? html;
  const text = main
    .replace(/<(script|style|svg)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
