// /projects/<slug>.json: the project's full entry, the frontmatter as parsed,
// valid against /schema/assessment.schema.json (see src/lib/export.ts).
import type { APIContext } from 'astro';
import { exportEntry } from '../../lib/export.ts';
import { pageCacheKey } from '../../site/page-cache-key.ts';
import { loadProjects, type Project } from '../../site/projects.ts';

export async function getStaticPaths(): Promise<Array<{ params: { slug: string }; props: { project: Project }; cacheKey: string }>> {
  return (await loadProjects()).map((project) => ({
    params: { slug: project.slug },
    props: { project },
    cacheKey: pageCacheKey([project.digest]),
  }));
}

export function GET({ props }: APIContext<{ project: Project }>): Response {
  return new Response(`${JSON.stringify(exportEntry(props.project.data), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
