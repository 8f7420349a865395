// Checks every internal link and #fragment in the built site. Pure: takes
// the pages as a map of URL path → HTML, returns what is broken.

export interface BrokenLink {
  page: string;
  href: string;
  reason: string;
}

const HREF = /<a\b[^>]*?\shref="([^"]*)"/g;
const ID = /\sid="([^"]+)"/g;

function decodeEntities(value: string): string {
  return value
    .replace(/&amp;/g, '&')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"');
}

/** "dist/projects/flux/index.html" style paths → "/projects/flux/" URL paths. */
export function urlPathOf(file: string): string {
  const path = `/${file.replace(/\\/g, '/').replace(/^\/+/, '')}`;
  if (path.endsWith('/index.html')) return path.slice(0, -'index.html'.length);
  return path;
}

export function idsOf(html: string): Set<string> {
  return new Set([...html.matchAll(ID)].map((m) => decodeEntities(m[1]!)));
}

export function linksOf(html: string): string[] {
  return [...html.matchAll(HREF)].map((m) => decodeEntities(m[1]!));
}

/**
 * @param pages URL path ("/projects/flux/") → HTML
 * @param assets other URL paths that exist (CSS, favicon, pagefind files)
 * @param origin the site's own origin, so absolute links to it are checked too
 * @param base the path the site is served under ("/posture/"): an internal link outside it leaves the site
 */
export function findBrokenLinks(
  pages: ReadonlyMap<string, string>,
  assets: ReadonlySet<string> = new Set(),
  origin?: string,
  base = '/',
): BrokenLink[] {
  const ids = new Map([...pages].map(([path, html]) => [path, idsOf(html)]));
  const broken: BrokenLink[] = [];
  for (const [page, html] of pages) {
    for (const href of linksOf(html)) {
      let target: URL;
      if (/^(mailto:|tel:)/i.test(href)) continue;
      try {
        target = new URL(href, `http://site.invalid${page}`);
      } catch {
        broken.push({ page, href, reason: 'not a valid URL' });
        continue;
      }
      const internal = target.origin === 'http://site.invalid' || (origin !== undefined && target.origin === origin);
      if (!internal) continue;
      const path = safeDecode(target.pathname);
      if (path === undefined) {
        broken.push({ page, href, reason: 'malformed %-escape in the path' });
        continue;
      }
      if (!path.startsWith(base)) {
        broken.push({ page, href, reason: `outside the base path ${base}` });
        continue;
      }
      if (!pages.has(path) && !assets.has(path)) {
        broken.push({ page, href, reason: pages.has(`${path}/`) ? 'missing trailing slash' : 'no such page' });
        continue;
      }
      const fragment = safeDecode(target.hash.slice(1)) ?? target.hash.slice(1);
      if (fragment && pages.has(path) && !ids.get(path)!.has(fragment)) {
        broken.push({ page, href, reason: `no element with id "${fragment}" on ${path}` });
      }
    }
  }
  return broken;
}

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}
