// /projects.json: the catalog as data (see src/lib/export.ts).
import type { APIContext } from 'astro';
import { loadProjects } from '../site/projects.ts';
import { BUILD_NOW } from '../site/now.ts';
import { exportCatalog } from '../lib/export.ts';
import { siteBase } from '../site/exports.ts';

export async function GET({ site }: APIContext): Promise<Response> {
  const body = exportCatalog(await loadProjects(), BUILD_NOW, siteBase(site));
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
