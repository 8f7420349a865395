// Links that let a reader correct a guide on GitHub: edit its file, or open
// an issue about one checklist item with the form's fields filled in. Pure:
// the repository URL comes from the caller.

/** The GitHub editor for a guide's source file. */
export function editUrl(repository: string, slug: string): string {
  return `${repository}/edit/main/content/assessments/${encodeURIComponent(slug)}.mdx`;
}

/** A new issue from .github/ISSUE_TEMPLATE/report-a-problem.yml, its fields prefilled by their ids. */
export function reportProblemUrl(
  repository: string,
  fields: { project: string; item?: string | undefined; source?: string | undefined },
): string {
  const params = new URLSearchParams({ template: 'report-a-problem.yml', project: fields.project });
  if (fields.item) params.set('item', fields.item);
  if (fields.source) params.set('source', fields.source);
  if (fields.item) params.set('title', `[Correction] ${fields.project}: ${fields.item}`);
  return `${repository}/issues/new?${params.toString()}`;
}
