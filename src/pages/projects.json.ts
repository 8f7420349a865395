// /projects.json: the catalog as data (see src/lib/export.ts).
import type { APIContext } from 'astro';
import { loadProjects } from '../site/projects.ts';
import { BUILD_NOW } from '../site/now.ts';
import { exportCatalog } from '../lib/export.ts';

export async function GET({ site }: APIContext): Promise<Response> {
  const base = new URL(import.meta.env.BASE_URL, site ?? 'https://posture.example/').href;
  const body = exportCatalog(await loadProjects(), BUILD_NOW, base);
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
