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
  '/checklists/critical/',
  '/checklists/high/',
  '/stack/',
  '/about/',
  '/search/',
] as const;

/**
 * The site's absolute root URL, base path included, as exports and feeds write
 * it: "https://posture.example/" or, on a project site, "https://owner.github.io/posture/".
 */
export function siteRootUrl(base: string, site: string | URL | undefined): string {
  return new URL(base.endsWith('/') ? base : `${base}/`, site ?? 'https://posture.example/').href;
}

export function projectPath(slug: string): string {
  return `/projects/${slug}/`;
}

export const CHECKLIST_FORMATS = ['md', 'csv', 'json'] as const;
export type ChecklistFormat = (typeof CHECKLIST_FORMATS)[number];

/** A guide's checklist as a file: /projects/<slug>/checklist.md, .csv or .json. */
export function checklistExportPath(slug: string, format: ChecklistFormat): string {
  return `${projectPath(slug)}checklist.${format}`;
}

/** A project's full entry as data: /projects/<slug>.json. */
export function entryJsonPath(slug: string): string {
  return `/projects/${slug}.json`;
}

/** The severities with a page listing their items across every project. */
export const SEVERITY_PAGES = ['critical', 'high'] as const;

export function severityPagePath(severity: (typeof SEVERITY_PAGES)[number]): string {
  return `/checklists/${severity}/`;
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
