// Every URL the site publishes, in one place, so pages, the content lint and
// the link checker agree on what exists.

export const STATIC_ROUTES = ['/', '/projects/', '/audits/', '/about/', '/search/', '/contributing/'] as const;

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
