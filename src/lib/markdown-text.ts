// Frontmatter text written as Markdown: the same reading the pages give it
// (src/lib/inline.ts), so `backticks` stay code spans, bare https URLs stay
// links, and everything else reads as the literal text, never as markup.

const CODE_SPAN = /(`[^`]+`)/;
const URL = /https:\/\/[^\s<>"']+/g;

/** Backslash-escapes what Markdown would otherwise read as emphasis, links, HTML or entities. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]<>~]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\_')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** A URL as a CommonMark link destination: no spaces or angle brackets left to end it early. */
export function markdownUrl(url: string): string {
  return url.replace(/[\s<>]/g, (char) => encodeURIComponent(char));
}

function withLinks(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL)) {
    // Trailing punctuation ends the sentence, not the URL (as on the pages).
    const url = match[0].replace(/[.,;:!?)]+$/, '');
    out += `${escapeMarkdown(text.slice(last, match.index))}<${markdownUrl(url)}>`;
    last = match.index + url.length;
  }
  return out + escapeMarkdown(text.slice(last));
}

/** One line of Markdown from a frontmatter text: whitespace (newlines too) collapsed, code spans kept, the rest escaped. */
export function markdownInline(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .split(CODE_SPAN)
    .map((part) => (part.length > 2 && part.startsWith('`') && part.endsWith('`') ? part : withLinks(part)))
    .join('');
}

/** Text for inside [ ] of a link. */
export function markdownLinkText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** A fenced code block, its fence longer than any run of backticks in the code, every line indented by `indent`. */
export function markdownFence(code: string, lang: string, indent = ''): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const lines = code.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return [`${fence}${lang}`, ...lines, fence].map((line) => (line === '' ? '' : `${indent}${line}`)).join('\n');
}
