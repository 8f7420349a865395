// /projects/<slug>.json: the project's full entry, the frontmatter as parsed,
// valid against /schema/assessment.schema.json (see src/lib/export.ts). Served
// here in `astro dev`; a build's content gate writes the files (src/site/exports.ts).
import type { APIContext } from 'astro';
import { entryFileBody } from '../../lib/project-exports.ts';
import { exportedProjects } from '../../site/exports.ts';
import type { Project } from '../../site/projects.ts';

export async function getStaticPaths(): Promise<Array<{ params: { slug: string }; props: { project: Project } }>> {
  return (await exportedProjects()).map((project) => ({ params: { slug: project.slug }, props: { project } }));
}

export function GET({ props }: APIContext<{ project: Project }>): Response {
  return new Response(entryFileBody(props.project.data), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
