// /projects/<slug>/checklist.csv: the guide's checklist (see src/lib/checklist-export.ts).
import type { APIContext } from 'astro';
import { checklistPaths, checklistResponse } from '../../../site/exports.ts';
import type { Project } from '../../../site/projects.ts';

export const getStaticPaths = checklistPaths;

export function GET({ props, site }: APIContext<{ project: Project }>): Response {
  return checklistResponse('csv', props.project, site);
}
