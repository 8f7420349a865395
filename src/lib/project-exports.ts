// The files a project exports beside its guide: its entry as JSON, and, when
// it has assessment documents, its checklist as Markdown, CSV and JSON. One
// definition for the build, where the content gate writes them (see
// src/lint/export-stage.ts), and for `astro dev`, where endpoints serve them.
import { checklistCsv, checklistExport, checklistJson, checklistMarkdown, type ExportableProject } from './checklist-export.ts';
import { exportEntry } from './export.ts';
import { CHECKLIST_FORMATS, checklistExportPath, entryJsonPath, type ChecklistFormat } from './routes.ts';

const SERIALISERS = { md: checklistMarkdown, csv: checklistCsv, json: checklistJson } as const;

/** /projects/<slug>/checklist.<format>. */
export function checklistFileBody(format: ChecklistFormat, project: ExportableProject, now: Date, siteBase: string): string {
  return SERIALISERS[format](checklistExport(project, now, siteBase));
}

/** /projects/<slug>.json: the entry as the build parsed it. */
export function entryFileBody(data: object): string {
  return `${JSON.stringify(exportEntry(data), null, 2)}\n`;
}

export interface ExportFile {
  /** Where the file goes, relative to the site's output folder: "projects/flux/checklist.md". */
  path: string;
  body: string;
}

/** Every export file of one project. `siteBase` is the site's absolute root URL, base path included. */
export function projectExportFiles(project: ExportableProject, now: Date, siteBase: string): ExportFile[] {
  const files: ExportFile[] = [{ path: entryJsonPath(project.slug).slice(1), body: entryFileBody(project.data) }];
  // Audit-only projects have no checklist to export.
  if (project.data.documents.length > 0) {
    for (const format of CHECKLIST_FORMATS)
      files.push({ path: checklistExportPath(project.slug, format).slice(1), body: checklistFileBody(format, project, now, siteBase) });
  }
  return files;
}
