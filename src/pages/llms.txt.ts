// /llms.txt: the guides and their Markdown checklists, for language models (see src/lib/llms-txt.ts).
import type { APIContext } from 'astro';
import { llmsTxt } from '../lib/llms-txt.ts';
import { siteBase } from '../site/exports.ts';
import { loadProjects } from '../site/projects.ts';

export async function GET({ site }: APIContext): Promise<Response> {
  return new Response(llmsTxt(await loadProjects(), siteBase(site)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
