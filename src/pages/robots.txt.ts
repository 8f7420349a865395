// robots.txt pointing at the sitemap (with the site's base path).
import type { APIContext } from 'astro';

export function GET({ site }: APIContext): Response {
  const sitemap = new URL('sitemap.xml', new URL(import.meta.env.BASE_URL, site ?? 'https://posture.example/')).href;
  return new Response(`User-agent: *\nAllow: /\nSitemap: ${sitemap}\n`, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
