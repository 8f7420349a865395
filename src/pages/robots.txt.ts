// robots.txt pointing at the sitemap (with the site's base path).
import type { APIContext } from 'astro';
import { siteBase } from '../site/exports.ts';

export function GET({ site }: APIContext): Response {
  const sitemap = new URL('sitemap.xml', siteBase(site)).href;
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
