// The build-time exports as Astro endpoints see them: the site's absolute
// base URL, and the projects that have a checklist to export.
import { CHECKLIST_CONTENT_TYPES, checklistCsv, checklistExport, checklistJson, checklistMarkdown } from '../lib/checklist-export.ts';
import type { ChecklistFormat } from '../lib/routes.ts';
import { BUILD_NOW } from './now.ts';
import { pageCacheKey } from './page-cache-key.ts';
import { loadProjects, type Project } from './projects.ts';

/** "https://posture.example/" or, on a project site, "https://owner.github.io/posture/". */
export function siteBase(site: URL | undefined): string {
  return new URL(import.meta.env.BASE_URL, site ?? 'https://posture.example/').href;
}

/** getStaticPaths for /projects/<slug>/checklist.*: every project with documents (audit-only projects have no checklist). */
export async function checklistPaths(): Promise<Array<{ params: { slug: string }; props: { project: Project }; cacheKey: string }>> {
  return (await loadProjects())
    .filter((project) => project.data.documents.length > 0)
    .map((project) => ({ params: { slug: project.slug }, props: { project }, cacheKey: pageCacheKey([project.digest]) }));
}

const SERIALISERS = { md: checklistMarkdown, csv: checklistCsv, json: checklistJson } as const;

export function checklistResponse(format: ChecklistFormat, project: Project, site: URL | undefined): Response {
  const body = SERIALISERS[format](checklistExport(project, BUILD_NOW, siteBase(site)));
  return new Response(body, { headers: { 'Content-Type': CHECKLIST_CONTENT_TYPES[format] } });
}
