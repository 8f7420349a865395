// Recognises links into the upstream assessment repositories, the only
// sources the lock records. Pure: no file or git access.

/** The repositories whose files the source lock records. */
export const UPSTREAM_REPOS = ['cncf/tag-security', 'cncf/toc'] as const;
export type UpstreamRepo = (typeof UPSTREAM_REPOS)[number];

export interface UpstreamUrl {
  repo: UpstreamRepo;
  /** `blob` names a file, `tree` a directory. */
  kind: 'blob' | 'tree';
  /** The branch, tag or commit the link names; the lock always reads HEAD instead. */
  ref: string;
  /** URL-decoded path inside the repository, without a trailing slash. */
  path: string;
  /** URL-decoded fragment without `#`, when there is one. */
  anchor?: string;
}

const URL_PATTERN = /^https:\/\/github\.com\/(cncf\/(?:tag-security|toc))\/(blob|tree)\/([^/?#]+)\/([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/;

export function parseUpstreamUrl(url: string): UpstreamUrl | undefined {
  const match = URL_PATTERN.exec(url);
  if (!match) return undefined;
  const [, repo, kind, ref, rawPath, rawAnchor] = match;
  const path = safeDecode(rawPath!).replace(/\/+$/, '');
  if (path === '') return undefined;
  const parsed: UpstreamUrl = { repo: repo as UpstreamRepo, kind: kind as 'blob' | 'tree', ref: ref!, path };
  if (rawAnchor) parsed.anchor = safeDecode(rawAnchor);
  return parsed;
}

/**
 * The commit a link pins, when its ref is a commit id: a permalink to a file
 * as it was (often one since deleted), read at that commit, never drifting.
 */
export function pinnedCommit(ref: string): string | undefined {
  return /^[0-9a-f]{7,40}$/.test(ref) ? ref : undefined;
}

/** The lock's key for a file or directory: `cncf/toc/projects/x/self-assessment.md`, or `cncf/toc@<commit>/docs/projects.md` when pinned. */
export function lockKey(repo: string, path: string, pin?: string): string {
  return pin ? `${repo}@${pin}/${path}` : `${repo}/${path}`;
}

/** A text fragment (`#:~:text=...`) highlights words, it names no heading. */
export function isTextFragment(anchor: string): boolean {
  return anchor.startsWith(':~:');
}

export interface FoundUrl {
  url: string;
  /** Offset of the URL's first character in the searched text. */
  offset: number;
  parsed: UpstreamUrl;
}

// Stops where Markdown, YAML or HTML would end the URL; trailing sentence
// punctuation is trimmed afterwards.
const FIND_PATTERN = /https:\/\/github\.com\/cncf\/(?:tag-security|toc)\/(?:blob|tree)\/[^\s)\]>"'`<]+/g;

/** Every upstream link in a text (frontmatter or body), in order of appearance. */
export function findUpstreamUrls(text: string): FoundUrl[] {
  const found: FoundUrl[] = [];
  for (const match of text.matchAll(FIND_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    const parsed = parseUpstreamUrl(url);
    if (parsed) found.push({ url, offset: match.index, parsed });
  }
  return found;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
