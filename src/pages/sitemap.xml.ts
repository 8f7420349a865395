// sitemap.xml: every published page, for search engines. Dated with each
// guide's newest document so crawlers revisit what changed.
import type { APIContext } from 'astro';
import { loadProjects } from '../site/projects.ts';
import { toIsoDate } from '../lib/dates.ts';
import { projectPath, STATIC_ROUTES } from '../lib/routes.ts';
import { siteBase } from '../site/exports.ts';

export async function GET({ site }: APIContext): Promise<Response> {
  const base = siteBase(site);
  const url = (path: string) => new URL(path.slice(1), base).href;
  const pages = STATIC_ROUTES.filter((path) => path !== '/search/').map((path) => `  <url><loc>${url(path)}</loc></url>`);
  for (const { slug, status } of await loadProjects()) {
    pages.push(`  <url><loc>${url(projectPath(slug))}</loc>${status.age ? `<lastmod>${toIsoDate(status.age.date)}</lastmod>` : ''}</url>`);
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${pages.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
