// /feed.xml: an Atom feed of assessment documents, guide checks and upstream changes (see src/lib/feed.ts).
import type { APIContext } from 'astro';
import { atomXml } from '../lib/atom.ts';
import { postureFeed } from '../lib/feed.ts';
import { siteBase } from '../site/exports.ts';
import { BUILD_NOW } from '../site/now.ts';
import { loadProjects } from '../site/projects.ts';

export async function GET({ site }: APIContext): Promise<Response> {
  const feed = postureFeed(await loadProjects(), siteBase(site), BUILD_NOW);
  return new Response(atomXml(feed), { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
}
