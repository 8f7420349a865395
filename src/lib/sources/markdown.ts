// Reads an upstream Markdown document the way GitHub renders it, far enough
// to know its heading anchors and, per section, a hash of the text and the
// literal tokens it contains. Nothing of the prose itself is kept.
import { createHash } from 'node:crypto';
import GithubSlugger from 'github-slugger';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Heading, Nodes } from 'mdast';
import { codeLiterals, proseLiterals } from './literals.ts';
import { compareStrings } from './lock.ts';

export interface LockHeading {
  anchor: string;
  /** 1 for `#`, 2 for `##`, ... */
  depth: number;
}

export interface LockSection {
  /** `sha256-<hex>` of the section's text, lines trimmed and blank runs collapsed. */
  hash: string;
  /** Literal tokens in the section, sorted and unique. */
  literals: string[];
}

export interface MarkdownOutline {
  headings: LockHeading[];
  /** Keyed by anchor; `""` is the text before the first heading. */
  sections: Record<string, LockSection>;
}

export function isMarkdownPath(path: string): boolean {
  return /\.(md|markdown|mdown|mkd)$/i.test(path);
}

/**
 * The text GitHub slugs for a heading: what a reader sees, so link syntax,
 * emphasis, code backticks and HTML tags are gone but their text stays.
 * Images contribute nothing (GitHub uses the rendered text, not alt text).
 */
export function headingText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

interface Token {
  offset: number;
  value: string;
}

export function outlineMarkdown(source: string): MarkdownOutline {
  // A byte-order mark is invisible on GitHub; dropping it keeps offsets simple.
  const markdown = source.replace(/^\uFEFF/, '');
  const text = blankFrontMatter(markdown);
  const tree = fromMarkdown(text.body);
  const tokens: Token[] = text.frontMatter.length > 0 ? proseLiterals(text.frontMatter).map((value) => ({ offset: 0, value })) : [];
  const found: Array<{ node: Heading; anchor: string }> = [];
  const slugger = new GithubSlugger();

  const visit = (node: Nodes): void => {
    const offset = node.position?.start.offset ?? 0;
    const add = (values: string[]) => values.forEach((value) => tokens.push({ offset, value }));
    switch (node.type) {
      case 'heading': {
        const plain = headingText(node).trim();
        if (plain !== '') found.push({ node, anchor: slugger.slug(plain) });
        break;
      }
      case 'inlineCode': {
        // A code span may wrap across lines; GitHub shows the break as a space.
        const code = node.value.replace(/\s*\n\s*/g, ' ').trim();
        if (code !== '') add([code]);
        return;
      }
      case 'code':
        add(codeLiterals(node.value));
        return;
      case 'text':
        add(proseLiterals(node.value));
        return;
      case 'html':
        add(htmlLiterals(node.value));
        return;
      case 'link':
      case 'definition':
      case 'image':
        add([node.url]);
        break;
    }
    if ('children' in node) (node.children as Nodes[]).forEach(visit);
  };
  visit(tree);

  const headings = found.map(({ node, anchor }) => ({ anchor, depth: node.depth }));
  const starts = found.map(({ node }) => node.position?.start.offset ?? 0);
  const sections: Record<string, LockSection> = {};
  const section = (start: number, end: number): LockSection => ({
    hash: hashText(markdown.slice(start, end)),
    literals: sortedUnique(tokens.filter((t) => t.offset >= start && t.offset < end).map((t) => t.value)),
  });
  const firstStart = starts[0] ?? markdown.length;
  if (normaliseText(markdown.slice(0, firstStart)) !== '') sections[''] = section(0, firstStart);
  found.forEach(({ node, anchor }, i) => {
    // A section runs to the next heading of the same or a higher level, so
    // citing it covers its sub-sections too.
    const next = found.findIndex((other, j) => j > i && other.node.depth <= node.depth);
    sections[anchor] = section(starts[i]!, next === -1 ? markdown.length : starts[next]!);
  });
  return { headings, sections };
}

/** Lines trimmed, runs of blank lines collapsed, ends trimmed: formatting churn does not count as change. */
export function normaliseText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

export function hashText(text: string): string {
  return `sha256-${createHash('sha256').update(normaliseText(text)).digest('hex')}`;
}

/** Attribute URLs and the text between tags of raw HTML. */
function htmlLiterals(html: string): string[] {
  const urls = [...html.matchAll(/\b(?:href|src)\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]!);
  return [...urls, ...proseLiterals(html.replace(/<[^>]*>/g, ' '))];
}

/**
 * YAML front matter is shown by GitHub as a table, not parsed as Markdown:
 * its closing `---` must not turn the last key into a heading. It is
 * replaced by spaces (newlines kept) so offsets in the body are the file's.
 */
function blankFrontMatter(markdown: string): { frontMatter: string; body: string } {
  const match = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(markdown);
  if (!match) return { frontMatter: '', body: markdown };
  return { frontMatter: match[0], body: match[0].replace(/[^\n]/g, ' ') + markdown.slice(match[0].length) };
}

function sortedUnique(values: string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v.length > 0))].sort(compareStrings);
}
