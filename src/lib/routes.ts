// Every URL the site publishes, in one place, so pages, the content lint and
// the link checker agree on what exists.

export const STATIC_ROUTES = [
  '/',
  '/projects/',
  '/projects/by-date/',
  '/projects/by-maturity/',
  '/projects/by-category/',
  '/audits/',
  '/audits/by-project/',
  '/changes/',
  '/about/',
  '/search/',
] as const;

export function projectPath(slug: string): string {
  return `/projects/${slug}/`;
}

/** True when an internal href (path, optional query and #fragment) names a page the site builds. */
export function isKnownRoute(href: string, projectSlugs: ReadonlySet<string>): boolean {
  const path = href.split(/[?#]/)[0] ?? '';
  if ((STATIC_ROUTES as readonly string[]).includes(path)) return true;
  const match = /^\/projects\/([a-z0-9-]+)\/$/.exec(path);
  return match !== null && projectSlugs.has(match[1]!);
}

/** Prefixes a root-relative path with the site's base (for GitHub Pages project sites). */
export function withBase(path: string, base: string): string {
  if (!path.startsWith('/')) return path;
  const trimmed = base.endsWith('/') ? base.slice(0, -1) : base;
  return `${trimmed}${path}`;
}
