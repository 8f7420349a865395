// Literal tokens: the exact strings a guide copies from its source (flags,
// settings, paths, URLs, versions, code). The lock stores only these, never
// upstream prose, and the lint checks a guide's literals against them.

const OPEN = `([{<"'\`“‘*|`;
const CLOSE = `)]}>"'\`”’*|.,;:!?…`;

/** Strips quotes, brackets and sentence punctuation around a word; keeps a balanced `()` or `[]` at its end. */
export function stripPunctuation(word: string): string {
  let start = 0;
  let end = word.length;
  while (start < end && OPEN.includes(word[start]!)) start++;
  while (end > start) {
    const last = word[end - 1]!;
    if (!CLOSE.includes(last)) break;
    if ((last === ')' || last === ']') && isBalanced(word.slice(start, end), last)) break;
    end--;
  }
  return word.slice(start, end);
}

function isBalanced(text: string, close: ')' | ']'): boolean {
  const open = close === ')' ? '(' : '[';
  let depth = 0;
  for (const char of text) {
    if (char === open) depth++;
    else if (char === close) depth--;
  }
  return depth === 0;
}

export const URL_PATTERN = /https?:\/\/[^\s<>"'`)\]]+/g;
export const FLAG_PATTERN = /(?<![\w-])--[A-Za-z0-9][\w.-]*(?:=[^\s,;)]*)?/g;
export const VERSION_PATTERN = /(?<![\w.])v?\d+(?:\.\d+)+(?![\w.]*\w)/g;

/** A URL with the punctuation that usually follows one in a sentence trimmed. */
export function trimUrl(url: string): string {
  return url.replace(/[.,;:!?'"]+$/, '');
}

/**
 * Whether a prose word is technical enough to keep: a flag (`--flag`, `-L`),
 * a variable (`$IMAGE`), a path, a setting, a version, a dotted name,
 * anything with a digit, or camelCase. Plain words are prose and not kept.
 */
export function isTechnicalWord(word: string): boolean {
  return /[./_=:\d]/.test(word) || /[a-z][A-Z]/.test(word) || /^(-{1,2}|\$)[A-Za-z]/.test(word);
}

/**
 * A word the lock would not keep from prose (`curl`, `kube-system`, `|`):
 * its absence from the lock proves nothing, so it is not required.
 */
function isUncheckable(word: string): boolean {
  return !isTechnicalWord(stripPunctuation(word));
}

/** The technical tokens of a piece of prose (Markdown already parsed away). */
export function proseLiterals(text: string): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) out.push(trimUrl(match[0]));
  for (const raw of text.split(/\s+/)) {
    const word = stripPunctuation(raw);
    if (word.length > 1 && isTechnicalWord(word)) out.push(word);
  }
  return out;
}

/** Every whitespace-separated token of a code block. */
export function codeLiterals(code: string): string[] {
  return code.split(/\s+/).filter((token) => token.length > 0);
}

export type GuideLiteralKind = 'code' | 'flag' | 'url' | 'version';

export interface GuideLiteral {
  literal: string;
  kind: GuideLiteralKind;
}

/**
 * The literals a checklist `action` or `how` claims to copy from its source:
 * backticked spans, --flags, URLs and version numbers. A span with no
 * technical word in it (`true`, `Secrets`, `kube-system`, `*`) holds nothing
 * the lock would keep (it stores no prose), so it is not checked.
 */
export function guideLiterals(text: string): GuideLiteral[] {
  const out: GuideLiteral[] = [];
  const add = (literal: string, kind: GuideLiteralKind) => {
    if (literal.length > 0 && !out.some((l) => l.literal === literal)) out.push({ literal, kind });
  };
  // Each kind is removed once taken, so a flag inside a code span or a
  // version inside a URL is not checked twice.
  let rest = text.replace(/`([^`]+)`/g, (_, span: string) => {
    const literal = span.trim();
    if (!literal.split(/\s+/).every(isUncheckable)) add(literal, 'code');
    return ' ';
  });
  rest = rest.replace(URL_PATTERN, (url) => {
    add(trimUrl(url), 'url');
    return ' ';
  });
  rest = rest.replace(FLAG_PATTERN, (flag) => {
    add(flag, 'flag');
    return ' ';
  });
  for (const match of rest.matchAll(VERSION_PATTERN)) add(match[0], 'version');
  return out;
}

/**
 * Whether a literal occurs among stored tokens: some token contains it
 * whole, or each of its whitespace-separated parts is inside some token
 * (a command line the source spreads over a code block). Parts the lock
 * cannot hold (plain words such as `curl` or `grep` in prose, lone
 * punctuation such as `|`) are not required, but at least one part is.
 */
export function occursIn(literal: string, tokens: readonly string[]): boolean {
  const needle = literal.replace(/\/+$/, '');
  const found = (part: string) => tokens.some((token) => token.includes(part));
  if (found(needle)) return true;
  const parts = needle.split(/\s+/).filter((part) => part.length > 0);
  if (parts.length < 2) return false;
  const checkable = parts.filter((part) => !isUncheckable(part));
  return checkable.length > 0 && checkable.every((part) => found(part) || found(stripPunctuation(part)));
}
