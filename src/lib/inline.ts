// Renders the small inline Markdown allowed in frontmatter text (`code` only)
// to HTML, escaping everything else. Frontmatter never becomes raw HTML.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Bare https URLs in prose become links that say they leave the site; trailing punctuation stays text. */
function linkify(escaped: string): string {
  return escaped.replace(/https:\/\/[^\s<>"']+/g, (match) => {
    const url = match.replace(/[.,;:!?)]+$/, '');
    const rest = match.slice(url.length);
    return `<a href="${url}" class="external" rel="noopener noreferrer">${url}<span class="visually-hidden" data-pagefind-ignore> (external site)</span></a>${rest}`;
  });
}

export function inlineCode(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => {
      if (!(part.length > 2 && part.startsWith('`') && part.endsWith('`'))) return linkify(escapeHtml(part));
      const code = part.slice(1, -1);
      // A code span that is nothing but an https URL is still a link.
      if (/^https:\/\/[^\s<>"']+$/.test(code)) {
        return `<a href="${escapeHtml(code)}" class="external" rel="noopener noreferrer"><code>${escapeHtml(code)}</code><span class="visually-hidden" data-pagefind-ignore> (external site)</span></a>`;
      }
      return `<code>${escapeHtml(code)}</code>`;
    })
    .join('');
}

/** "#security-considerations-when-operating-in-kubernetes" → "Security considerations when operating in kubernetes" */
export function anchorLabel(url: string): string {
  const hash = url.split('#')[1];
  if (!hash) return '';
  // A text fragment (#:~:text=Security%20Analysis) names the passage itself.
  const textFragment = /^:~:text=([^&,]+)/.exec(hash);
  if (textFragment) return decodeURIComponent(textFragment[1]!).trim();
  const words = decodeURIComponent(hash).replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A short name for a source document URL: its file name and repository. */
export function sourceLabel(url: string): string {
  try {
    const { hostname, pathname } = new URL(url);
    if (hostname === 'github.com') {
      const [owner, repo, , , ...rest] = pathname.split('/').filter(Boolean);
      const file = rest[rest.length - 1];
      return file ? `${decodeURIComponent(file)} in ${owner}/${repo}` : `${owner}/${repo}`;
    }
    return hostname + (pathname === '/' ? '' : pathname);
  } catch {
    return url;
  }
}

/** How a checklist item names its source: "self-assessment.md in cncf/tag-security, section “Hardening”". */
export function sourceText(url: string): string {
  const section = anchorLabel(url);
  return `${sourceLabel(url)}${section ? `, section “${section}”` : ''}`;
}

/** The words before an item's source link: the assessment says it, or it is our advice drawn from it. */
export const BASIS_LEADS = { stated: 'Stated in', derived: 'Our advice, based on' } as const;
