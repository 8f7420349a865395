// The build-time exports as Astro endpoints see them: the site's absolute
// base URL, and the projects that have a checklist to export. In a build the
// per-project export files are written by the content gate instead
// (src/lint/export-stage.ts), from the same functions: writing four small
// files per project through Astro's renderer cost more than the guides did.
import { CHECKLIST_CONTENT_TYPES } from '../lib/checklist-export.ts';
import { checklistFileBody } from '../lib/project-exports.ts';
import { siteRootUrl, type ChecklistFormat } from '../lib/routes.ts';
import { BUILD_NOW } from './now.ts';
import { loadProjects, type Project } from './projects.ts';

/** "https://posture.example/" or, on a project site, "https://owner.github.io/posture/". */
export function siteBase(site: URL | undefined): string {
  return siteRootUrl(import.meta.env.BASE_URL, site);
}

/** Projects whose export files this server renders: all of them in `astro dev`, none in a build (the content gate writes them). */
export async function exportedProjects(): Promise<Project[]> {
  return import.meta.env.DEV ? loadProjects() : [];
}

/** getStaticPaths for /projects/<slug>/checklist.*: every project with documents (audit-only projects have no checklist). */
export async function checklistPaths(): Promise<Array<{ params: { slug: string }; props: { project: Project } }>> {
  return (await exportedProjects())
    .filter((project) => project.data.documents.length > 0)
    .map((project) => ({ params: { slug: project.slug }, props: { project } }));
}

export function checklistResponse(format: ChecklistFormat, project: Project, site: URL | undefined): Response {
  return new Response(checklistFileBody(format, project, BUILD_NOW, siteBase(site)), {
    headers: { 'Content-Type': CHECKLIST_CONTENT_TYPES[format] },
  });
}
